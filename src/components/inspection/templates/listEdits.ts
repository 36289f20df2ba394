/** Swaps an entry of an editable list with its neighbour (up: -1, down: 1); nothing past either end. */
export function moveEntry<T>(list: T[], index: number, by: -1 | 1): void {
  const other = index + by
  if (other < 0 || other >= list.length) return
  ;[list[index], list[other]] = [list[other]!, list[index]!]
}

/**
 * A stable key for each entry while the person edits it (its code changes under their fingers, so
 * the code cannot be the key): the same object keeps the same number.
 */
export function entryKeys(): (entry: object) => number {
  const keys = new WeakMap<object, number>()
  let next = 0
  return (entry) => {
    let key = keys.get(entry)
    if (key === undefined) keys.set(entry, (key = next++))
    return key
  }
}
