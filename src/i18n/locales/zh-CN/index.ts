import common from './common'
import signin from './signin'
import setup from './setup'
import home from './home'
import admin from './admin'
import privacy from './privacy'
import lobby from './lobby'
import queues from './queues'
import appointments from './appointments'
import complaints from './complaints'
import numbers from './numbers'

export default { ...common, signin, setup, home, admin, privacy, lobby, queues, appointments, complaints, numbers }
