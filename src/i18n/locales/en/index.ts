import common from './common'
import signin from './signin'
import setup from './setup'
import home from './home'
import admin from './admin'
import privacy from './privacy'
import lobby from './lobby'
import queues from './queues'

export default { ...common, signin, setup, home, admin, privacy, lobby, queues }
