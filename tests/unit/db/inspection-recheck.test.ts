// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest'
import { freshDatabase } from '../../support/db'
import { today } from '../../support/counterSeed'
import { picture } from '../../support/inspectionSeed'
import { seedActionsBranch, type ActionsBranch } from '../../component/inspection/actions/seed'
import { database } from '@/db/connection'
import { startInspection } from '@/db/repositories/inspection/visits'
import { ActionChangeRefusedError } from '@/db/repositories/inspection/actions'
import { changeActionWithEvidence, recheckVisit } from '@/db/repositories/inspection/recheck'
import { addDays } from '@/domain/time'

let b: ActionsBranch
beforeEach(async () => {
  await freshDatabase()
  b = await seedActionsBranch()
})


describe('marking an action fixed with evidence', () => {
  it('stores the photos as the action’s attachments and names them in the timeline, audited as the change', async () => {
    const c4 = await b.action('C4')
    const fixed = await changeActionWithEvidence(c4.id, { to: 'fixed', on: today, by: '9001', byInspector: false, via: 'manual', note: '', photoIds: [] }, [picture('after-1'), picture('after-2')])
    expect(fixed.status).toBe('fixed')
    const event = fixed.timeline.at(-1)!
    expect(event).toMatchObject({ status: 'fixed', by: '9001', via: 'manual' })
    const photos = await database().records('attachments').where('[ownerTable+ownerId]').equals(['correctiveActions', c4.id]).toArray()
    expect(photos.map((p) => p.id).sort()).toEqual([...event.photoIds].sort())
    expect(photos).toHaveLength(2)
    const audit = await database().records('auditLog').where('[entity+entityId]').equals(['correctiveActions', c4.id]).toArray()
    expect(audit.map((e) => e.action)).toEqual(['correctiveAction.fixed'])
  })

  it('refused without a note or a photo, and by the branch for verifying: nothing is written', async () => {
    const c4 = await b.action('C4')
    await expect(changeActionWithEvidence(c4.id, { to: 'fixed', on: today, by: '9001', byInspector: false, via: 'manual', note: '  ', photoIds: [] }, [])).rejects.toMatchObject({ reason: 'evidence_required' })
    const attempt = changeActionWithEvidence(c4.id, { to: 'verified', on: today, by: '9001', byInspector: false, via: 'manual', note: '', photoIds: [] }, [picture('not-allowed')])
    await expect(attempt).rejects.toBeInstanceOf(ActionChangeRefusedError)
    await expect(attempt).rejects.toMatchObject({ reason: 'inspector_only' })
    expect(await database().records('attachments').where('[ownerTable+ownerId]').equals(['correctiveActions', c4.id]).count()).toBe(0)
    expect((await database().records('correctiveActions').get(c4.id))?.status).toBe('open')
  })
})

describe('re-checking a visit', () => {
  it('verifies an item that passes now, sends a fixed one still failing back to open with its photo, leaves the on-the-spot fix alone', async () => {
    const visit = b.visit
    const c4 = await b.action('C4')
    const d1 = await b.action('D1')
    await changeActionWithEvidence(d1.id, { to: 'fixed', on: today, by: '9001', byInspector: false, via: 'manual', note: '已调整开门时间', photoIds: [] }, [])
    const on = addDays(today, 3)

    const outcome = await recheckVisit(
      visit.id,
      { C4: { kind: 'pass', note: '已无玩手机现象' }, D1: { kind: 'deduct', occurrences: [{ staffNo: null, note: '仍晚开门', photoIds: [] }], fixedOnSpot: false, note: '仍晚开门' } },
      on,
      '9014',
      { D1: [picture('late-again')] },
    )

    expect(outcome.changed.map((a) => [a.code, a.status]).sort()).toEqual([['C4', 'verified'], ['D1', 'open']])
    // The visit lost 2 (C4) + 2 (D1) + 1 (C1): re-rated, C4 is whole again and C1 keeps its rating.
    expect(visit.summary?.earned).toBe(95)
    expect(outcome.score.earned).toBe(97)
    const d1After = await database().records('correctiveActions').get(d1.id)
    expect(d1After?.timeline.map((e) => [e.status, e.via])).toEqual([['open', 'visit'], ['fixed', 'manual'], ['open', 'recheck']])
    const [photo] = await database().records('attachments').where('[ownerTable+ownerId]').equals(['correctiveActions', d1.id]).toArray()
    expect(d1After?.timeline.at(-1)).toMatchObject({ on, by: '9014', note: '仍晚开门', photoIds: [photo!.id] })
    expect((await database().records('correctiveActions').get(c4.id))?.timeline.at(-1)).toMatchObject({ status: 'verified', via: 'recheck', by: '9014', note: '已无玩手机现象' })
    expect((await b.action('C1')).timeline).toHaveLength(2)

    const audit = await database().records('auditLog').filter((e) => e.action === 'correctiveAction.recheck').toArray()
    expect(audit.map((e) => e.entityId).sort()).toEqual([c4.id, d1.id, visit.id].sort())
  })

  it('refuses a visit that does not exist or is still a draft', async () => {
    await expect(recheckVisit('no-such-visit', {}, today, '9014')).rejects.toThrow()
    const draft = await startInspection({ templateId: b.template.id, branchId: b.branchId, inspectorId: b.inspector.id, date: today, kind: 'on_site', observedWindows: [], observedStaffNos: [], context: { traffic: null, openCounters: null, team: [], accompaniedBy: '' } })
    await expect(recheckVisit(draft.id, {}, today, '9014')).rejects.toThrow()
    expect(await database().records('auditLog').filter((e) => e.action === 'correctiveAction.recheck').count()).toBe(0)
  })
})
