import type zh from '../zh-CN/inspectionRanking'

export default {} satisfies typeof zh
