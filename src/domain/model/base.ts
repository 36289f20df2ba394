import * as v from 'valibot'

/** Epoch milliseconds. */
export const Timestamp = v.pipe(v.number(), v.integer(), v.minValue(0))
/** A calendar date 'YYYY-MM-DD'. */
export const DateString = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/))
/** Integer fen. */
export const FenAmount = v.pipe(v.number(), v.safeInteger())
/** IndexedDB cannot index booleans: flags are stored as 0 | 1. */
export const Flag = v.picklist([0, 1])
export type Flag = v.InferOutput<typeof Flag>

/**
 * Fields every replicated record carries, so that terminals can later merge through a hub:
 * a UUID, when it was made and last changed, which device changed it, the hybrid-logical-clock
 * stamp of that change, and soft deletion (a deleted record stays, marked).
 */
export const BaseRecordEntries = {
  id: v.pipe(v.string(), v.uuid()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  deviceId: v.pipe(v.string(), v.minLength(1)),
  hlc: v.pipe(v.string(), v.regex(/^\d{13}-[0-9a-f]{4}-.+$/)),
  deleted: Flag,
  /** Present and 1 on records the demo branch generator made. */
  demo: v.optional(Flag),
}
export const BaseRecord = v.object(BaseRecordEntries)
export type BaseRecord = v.InferOutput<typeof BaseRecord>

/** What a caller supplies when creating a record: the repository stamps the rest. */
export type NewRecord<T extends BaseRecord> = Omit<T, keyof BaseRecord> & Partial<Pick<T, 'id' | 'demo'>>
