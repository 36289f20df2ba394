import type zh from '../zh-CN/inspectionSettings'

export default {} satisfies typeof zh
