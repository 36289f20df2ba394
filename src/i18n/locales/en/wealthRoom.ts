import type zh from '../zh-CN/wealthRoom'

export default {} satisfies typeof zh
