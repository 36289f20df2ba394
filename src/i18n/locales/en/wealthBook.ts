import type zh from '../zh-CN/wealthBook'

export default {} satisfies typeof zh
