import setup from './setup'
import home from './home'
import admin from './admin'
import privacy from './privacy'
import lobby from './lobby'
import queues from './queues'
import appointments from './appointments'
import complaints from './complaints'
import numbers from './numbers'
import wealth from './wealth'
import wealthRoom from './wealthRoom'
import wealthBook from './wealthBook'
import wealthCare from './wealthCare'

/** Every area's messages: loaded after the first screen (see ensureMessages in src/i18n). */
export default { setup, home, admin, privacy, lobby, queues, appointments, complaints, numbers, wealth, wealthRoom, wealthBook, wealthCare }
