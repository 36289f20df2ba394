import type zh from '../zh-CN/appointments'

export default {} satisfies typeof zh
