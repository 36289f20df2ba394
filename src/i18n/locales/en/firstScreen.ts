import common from './common'
import signin from './signin'

/** What the sign-in screen needs: bundled with the first screen. */
export default { ...common, signin }
