import type zh from '../zh-CN/home'

export default {
  hello: 'Hello, {name}',
  businessDate: 'Business day {date}',
  yourRoles: 'Your roles: {roles}',
  clients: { title: 'Clients', total: 'All clients', vips: 'VIP clients' },
  birthdays: {
    title: 'Birthdays this week',
    none: 'No client has a birthday this week.',
    today: 'Birthday today',
    on: '{date}',
  },
  staff: { title: 'Staff on the roll ({n})' },
  servicePoints: { title: 'Service points', none: 'No service points yet: an administrator adds them in Administration › Service points.' },
  region: { title: 'Outlets of {region}', none: 'This terminal holds no other outlets of the region yet.', outlets: '{n} outlets · {staff} staff' },
  storage: { title: 'Storage on this device', unknown: 'The browser does not report storage use.', used: '{used} used of {quota} available' },
} satisfies typeof zh
