import type zh from '../zh-CN/complaints'

export default {} satisfies typeof zh
