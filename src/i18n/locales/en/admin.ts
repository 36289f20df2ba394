import type zh from '../zh-CN/admin'

export default {} satisfies typeof zh
