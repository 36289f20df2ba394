import type zh from '../zh-CN/inspectionActions'

export default {} satisfies typeof zh
