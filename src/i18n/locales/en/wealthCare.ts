import type zh from '../zh-CN/wealthCare'

export default {} satisfies typeof zh
