/**
 * Unit and component tests: a fresh fake IndexedDB per test, and failure on anything unexpected
 * (an unhandled Vue warning is a bug, not noise).
 */
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, vi } from 'vitest'

const originalWarn = console.warn
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    const text = args.map(String).join(' ')
    if (text.includes('[Vue warn]')) throw new Error(`Unexpected Vue warning: ${text}`)
    originalWarn(...args)
  })
})
afterEach(() => {
  vi.restoreAllMocks()
})
