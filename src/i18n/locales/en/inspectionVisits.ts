import type zh from '../zh-CN/inspectionVisits'

export default {} satisfies typeof zh
