import type zh from '../zh-CN/queues'

export default {} satisfies typeof zh
