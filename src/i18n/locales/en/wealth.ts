import type zh from '../zh-CN/wealth'

export default {
  sections: 'Wealth sections',
  section: { room: 'Wealth room', bookings: 'Bookings', due: 'Due care', diary: 'Work diary', vips: 'VIP clients', alerts: 'Alerts', import: 'Balance import' },
} satisfies typeof zh
