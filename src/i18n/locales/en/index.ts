import firstScreen from './firstScreen'
import areas from './areas'

/** All messages of this language (the shape the app's keys are checked against). */
export default { ...firstScreen, ...areas }
