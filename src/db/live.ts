/** Live queries: re-run when the tables they read change, in this tab or another of the device. */
import { liveQuery } from 'dexie'

export interface Subscription {
  unsubscribe(): void
}

export function observe<T>(query: () => Promise<T>, onValue: (value: T) => void, onError: (err: unknown) => void): Subscription {
  return liveQuery(query).subscribe({ next: onValue, error: onError })
}
