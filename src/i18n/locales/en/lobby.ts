import type zh from '../zh-CN/lobby'

export default {} satisfies typeof zh
