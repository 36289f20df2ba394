import { describe, expect, it } from 'vitest'
import { combinedStatus, type SyncStatus } from '@/domain/sync/status'
import { carries, BRANCH_ONLY } from '@/domain/sync/databases'

function status(overrides: Partial<SyncStatus> = {}): SyncStatus {
  return { phase: 'current', pending: 0, offlineSince: null, problem: null, problemDatabase: null, lastSyncedAt: 1_000, download: null, refusedDocs: 0, refusedChanges: 0, ...overrides }
}

describe('one status for the branch and the region databases', () => {
  it('is the one database’s own status when there is only one', () => {
    const only = status({ phase: 'syncing', pending: 4 })
    expect(combinedStatus([{ database: 'branch', status: only }])).toBe(only)
  })

  it('shows the worse phase: a refusal outranks being offline, offline outranks syncing', () => {
    expect(combinedStatus([{ database: 'branch', status: status({ phase: 'offline', offlineSince: 5 }) }, { database: 'region', status: status({ phase: 'refused', problem: 'forbidden' }) }])).toMatchObject({ phase: 'refused', problem: 'forbidden', problemDatabase: 'region' })
    expect(combinedStatus([{ database: 'branch', status: status({ phase: 'syncing' }) }, { database: 'region', status: status({ phase: 'offline', offlineSince: 5 }) }])).toMatchObject({ phase: 'offline', offlineSince: 5 })
  })

  it('is current only when both are', () => {
    expect(combinedStatus([{ database: 'branch', status: status() }, { database: 'region', status: status({ phase: 'connecting' }) }])?.phase).toBe('connecting')
    expect(combinedStatus([{ database: 'branch', status: status() }, { database: 'region', status: status() }])?.phase).toBe('current')
  })

  it('counts every change waiting and every refused document, and was last synchronised when the older of the two was', () => {
    const both = combinedStatus([
      { database: 'branch', status: status({ pending: 2, refusedDocs: 1, lastSyncedAt: 3_000 }) },
      { database: 'region', status: status({ pending: 5, lastSyncedAt: 2_000 }) },
    ])
    expect(both).toMatchObject({ pending: 7, refusedDocs: 1, lastSyncedAt: 2_000 })
  })

  it('has never synchronised while one of the databases never has', () => {
    expect(combinedStatus([{ database: 'branch', status: status() }, { database: 'region', status: status({ lastSyncedAt: null }) }])?.lastSyncedAt).toBeNull()
  })

  it('is nothing without a database', () => {
    expect(combinedStatus([])).toBeNull()
  })
})

describe('which database carries a table', () => {
  it('a terminal without a region keeps everything in its branch database', () => {
    expect(carries(BRANCH_ONLY, 'inspections')).toBe(true)
    expect(carries(BRANCH_ONLY, 'clients')).toBe(true)
  })

  it('with a region, inspections and outlets go to the region and clients stay with the branch', () => {
    expect(carries({ database: 'region', withRegion: true }, 'inspections')).toBe(true)
    expect(carries({ database: 'region', withRegion: true }, 'branches')).toBe(true)
    expect(carries({ database: 'region', withRegion: true }, 'clients')).toBe(false)
    expect(carries({ database: 'branch', withRegion: true }, 'inspections')).toBe(false)
    expect(carries({ database: 'branch', withRegion: true }, 'clients')).toBe(true)
  })
})
