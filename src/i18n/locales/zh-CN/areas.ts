import setup from './setup'
import home from './home'
import admin from './admin'
import privacy from './privacy'
import lobby from './lobby'
import queues from './queues'
import appointments from './appointments'
import complaints from './complaints'
import numbers from './numbers'

/** Every area's messages: loaded after the first screen (see ensureMessages in src/i18n). */
export default { setup, home, admin, privacy, lobby, queues, appointments, complaints, numbers }
