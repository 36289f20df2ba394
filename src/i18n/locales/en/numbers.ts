import type zh from '../zh-CN/numbers'

export default {} satisfies typeof zh
