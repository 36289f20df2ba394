import { beforeEach, describe, expect, it } from 'vitest'
import { freshDatabase } from '../../support/db'
import { writeRecords } from '@/db/write'
import { database } from '@/db/connection'
import { readTerminal } from '@/db/terminal'
import { joinBranch, joinCandidates, suggestedBranch, type JoinCandidate } from '@/db/sync/join'
import type { NewRecord } from '@/domain/model/base'
import type { Branch } from '@/domain/model/records'

function outlet(code: string, name: string): NewRecord<Branch> {
  return { code, name, group: 'backbone', regionCode: 'BJ', regionName: '滨江分行', address: '', phone: '' }
}

/** What a download leaves behind: the region's outlets, and staff for the branches named. */
async function downloadedRegion(staffedCodes: readonly string[]): Promise<Map<string, Branch>> {
  return writeRecords(['branches', 'staff'], async (w) => {
    const byCode = new Map<string, Branch>()
    for (const [code, name] of [['BJ003', '江南支行'], ['BJ001', '城东支行'], ['BJ002', '滨湖支行']] as const) byCode.set(code, await w.insert('branches', outlet(code, name)))
    let staffNo = 9000
    for (const code of staffedCodes) {
      staffNo += 1
      await w.insert('staff', { branchId: byCode.get(code)!.id, staffNo: String(staffNo), surname: '钱', givenName: '敏', roles: ['administrator'], pin: null, failedPinAttempts: 0, lockedUntil: null, active: 1 })
    }
    return byCode
  })
}

function candidate(id: string, code: string, staff: number): JoinCandidate {
  return { id, code, name: code, staff }
}

describe('which branch a joining terminal is offered first', () => {
  it('the branch the hub database is named after, whatever the staff', () => {
    expect(suggestedBranch([candidate('a', 'BJ001', 12), candidate('b', 'BJ002', 0)], 'branch-bj002')).toBe('b')
  })

  it('otherwise the only branch that has staff', () => {
    expect(suggestedBranch([candidate('a', 'BJ001', 0), candidate('b', 'BJ002', 3)], 'lobbydesk')).toBe('b')
  })

  it('no suggestion when several branches have staff and none is named', () => {
    expect(suggestedBranch([candidate('a', 'BJ001', 2), candidate('b', 'BJ002', 3)], 'lobbydesk')).toBeNull()
  })
})

describe('joining a downloaded branch', () => {
  beforeEach(async () => {
    await freshDatabase()
  })

  it('lists the downloaded branches, staffed ones first, with the suggestion', async () => {
    const byCode = await downloadedRegion(['BJ003'])
    const { candidates, suggested } = await joinCandidates('branch-bj099')
    expect(candidates.map((c) => [c.code, c.staff])).toEqual([
      ['BJ003', 1],
      ['BJ001', 0],
      ['BJ002', 0],
    ])
    expect(suggested).toBe(byCode.get('BJ003')!.id)
  })

  it('makes this terminal the branch terminal of the chosen branch, with its region, and audits it', async () => {
    const byCode = await downloadedRegion(['BJ001'])
    const chosen = byCode.get('BJ001')!
    await joinBranch(chosen.id, 'branch-bj001')
    expect(await readTerminal()).toEqual({ kind: 'branch', branchId: chosen.id, region: { code: 'BJ', name: '滨江分行' } })
    const [entry] = await database().records('auditLog').where('[entity+entityId]').equals(['branches', chosen.id]).filter((e) => e.action === 'hub.join_branch').toArray()
    expect(entry?.after).toEqual({ database: 'branch-bj001' })
  })

  it('refuses on a terminal that is already set up, and a branch that was not downloaded', async () => {
    const byCode = await downloadedRegion(['BJ001'])
    await expect(joinBranch('not-downloaded', 'branch-bj001')).rejects.toThrow()
    expect((await readTerminal()).kind).toBeNull()
    await joinBranch(byCode.get('BJ001')!.id, 'branch-bj001')
    await expect(joinBranch(byCode.get('BJ002')!.id, 'branch-bj001')).rejects.toThrow(/already set up/)
    expect((await readTerminal()).branchId).toBe(byCode.get('BJ001')!.id)
  })
})
