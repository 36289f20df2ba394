import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { freshDatabase } from '../../support/db'
import { branchTerminal } from '../../component/admin/fixtures'
import { database } from '@/db/connection'
import { createStaff } from '@/db/repositories/staff'
import { closeComplaint } from '@/db/repositories/lobby/complaints'
import { setActor, setClock } from '@/db/write'
import type { Staff } from '@/domain/model/records'
import { useComplaintsStore } from '@/stores/complaints'
import { useTerminalStore } from '@/stores/terminal'

const person = (branchId: string, staffNo: string, givenName: string): Promise<Staff> =>
  createStaff({ branchId, staffNo, surname: '李', givenName, roles: ['lobby_manager'], pin: null, failedPinAttempts: 0, lockedUntil: null, active: 1 })

describe('handing a complaint over to someone else', { timeout: 20_000 }, () => {
  let clock: number
  let people: Staff[]

  beforeEach(async () => {
    await freshDatabase()
    clock = Date.UTC(2026, 10, 25, 2, 0)
    setClock(() => (clock += 60_000))
    const { branchId } = await branchTerminal()
    people = [await person(branchId, '9003', '甲'), await person(branchId, '9004', '乙'), await person(branchId, '9005', '丙')]
    setActor(people[0]!.id)
    setActivePinia(createPinia())
    await useTerminalStore().refresh()
  })
  afterEach(() => {
    setClock(() => Date.now())
    setActor(null)
  })

  it('changes the person in charge, keeps the deadline, and keeps who had it before, in order', async () => {
    const store = useComplaintsStore()
    const [a, b, c] = people as [Staff, Staff, Staff]
    const recorded = await store.record({ what: '等候过久', concerns: '', severity: 'medium', assigneeId: a.id, days: 3, visitId: null, clientId: null })
    if (!recorded.ok) throw new Error('not recorded')
    const first = await store.reassign(recorded.complaint, b.id)
    if (!first.ok) throw new Error('not handed over')
    expect(first.complaint).toMatchObject({ assigneeId: b.id, dueAt: recorded.complaint.dueAt, status: 'open' })
    setActor(b.id)
    const second = await store.reassign(first.complaint, c.id)
    expect(second.ok).toBe(true)

    const history = await store.handovers(recorded.complaint.id)
    expect(history.map((h) => [h.fromId, h.toId, h.byId])).toEqual([
      [a.id, b.id, a.id],
      [b.id, c.id, b.id],
    ])
    expect(history[0]!.at).toBeLessThan(history[1]!.at)
    expect((await database().records('complaints').get(recorded.complaint.id))?.assigneeId).toBe(c.id)
  })

  it('refuses the same person, nobody, or a closed complaint, and writes nothing', async () => {
    const store = useComplaintsStore()
    const [a, b] = people as [Staff, Staff]
    const recorded = await store.record({ what: '态度生硬', concerns: '', severity: 'low', assigneeId: a.id, days: 5, visitId: null, clientId: null })
    if (!recorded.ok) throw new Error('not recorded')
    expect(await store.reassign(recorded.complaint, a.id)).toEqual({ ok: false, problems: ['same_assignee'] })
    expect(await store.reassign(recorded.complaint, null)).toEqual({ ok: false, problems: ['assignee_required'] })
    const closed = await closeComplaint(recorded.complaint.id, '已致歉', 1)
    expect(await store.reassign(closed, b.id)).toEqual({ ok: false, problems: ['already_closed'] })
    expect(await store.handovers(recorded.complaint.id)).toEqual([])
  })
})
