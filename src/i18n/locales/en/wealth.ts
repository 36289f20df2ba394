import type zh from '../zh-CN/wealth'

export default {
  pageFailed: 'The ticket is issued, but the wealth manager could not be paged: please phone the wealth room.',
  greetingBooking: 'Booked today at {time} with {manager}, {room}',
  anyManager: 'a wealth manager (to be assigned)',
  anyRoom: 'room to be assigned',
  sections: 'Wealth sections',
  section: { room: 'Wealth room', bookings: 'Bookings', due: 'Due care', diary: 'Work diary', vips: 'VIP clients', alerts: 'Alerts', import: 'Balance import' },
} satisfies typeof zh
