/**
 * The outlet's quarter standings published to the region (src/db/repositories/counter/outletStandings.ts)
 * and the region's rankings read from them (standingsFor).
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { freshDatabase } from '../../support/db'
import { seedCounterBranch, today, type CounterBranch } from '../../support/counterSeed'
import { database } from '@/db/connection'
import { writeRecords } from '@/db/write'
import { saveOfferConversation, type OfferConversation } from '@/db/repositories/counter/offers'
import { publishOutletStandings } from '@/db/repositories/counter/outletStandings'
import { closeQuarter, standingsFor, verifyQuarter } from '@/db/repositories/counter/points'
import { outletStandingsId } from '@/domain/counter/outletStandings'
import type { OfferLine } from '@/domain/counter/offers'
import type { PublishedStanding } from '@/domain/model/records'
import { previousQuarter, quarterBounds, quarterOf } from '@/domain/quarters'

let b: CounterBranch
beforeEach(async () => {
  await freshDatabase()
  b = await seedCounterBranch()
})

const quarter = quarterOf(today)
const last = previousQuarter(quarter)
const sale = (productCode: string, on = today): OfferConversation => ({
  branchId: b.branchId, staffId: b.zhou.id, clientId: b.mortgageClient.id, visitId: null, anchorCode: 'LOAN_MORTGAGE', referralId: null, followUpOfferId: null, today: on,
  lines: [{ productCode, reason: 'bundle', ruleVersion: 1, outcome: 'accepted', declineReason: null, followUpOn: null, followUpStaffId: null, referral: null, recordingRef: null, riskDisclosureAcknowledged: false } satisfies OfferLine],
})
const recordOf = (q = quarter) => database().records('outletStandings').get(outletStandingsId(b.branchId, q))
const outboxOfStandings = async () => (await database().outbox.toArray()).filter((e) => e.table === 'outletStandings').length
const person = (staffNo: string, finalPoints: number): PublishedStanding => ({ staffId: crypto.randomUUID(), staffNo, name: `江北${staffNo}`, roles: ['low_counter'], finalPoints, provisionalPoints: 0, acceptedProducts: 2, lastSaleAt: 1_000 })

/** Another outlet's record of a quarter, as it arrives from the regional database. */
async function publishedElsewhere(branchId: string, q: string, people: PublishedStanding[], closedAt: number | null = null): Promise<void> {
  await writeRecords(['outletStandings'], (w) => w.insert('outletStandings', { id: outletStandingsId(branchId, q as typeof quarter), branchId, quarter: q, closedAt, people }))
}

describe('publishing the outlet’s standings', () => {
  it('writes the current and the previous quarter once, under the ids every terminal of the outlet gives them', async () => {
    expect(await publishOutletStandings(b.branchId, today)).toBe(2)
    const current = await recordOf()
    expect(current).toMatchObject({ branchId: b.branchId, quarter, closedAt: null })
    // The seller, the teller (referral shares) and the wealth manager rank; the branch head does not.
    expect(current?.people.map((p) => [p.staffNo, p.roles])).toEqual([
      ['9005', ['low_counter']],
      ['9009', ['wealth_manager']],
      ['9011', ['high_counter']],
    ])
    expect(await recordOf(last)).toMatchObject({ quarter: last, closedAt: null })
    expect(await outboxOfStandings()).toBe(2)
  })

  it('writes nothing while nothing changed, and only the quarter that changed after a sale', async () => {
    await publishOutletStandings(b.branchId, today)
    const outbox = await database().outbox.count()
    expect(await publishOutletStandings(b.branchId, today)).toBe(0)
    expect(await database().outbox.count()).toBe(outbox)

    await saveOfferConversation(sale('CARD_CREDIT'))
    expect(await publishOutletStandings(b.branchId, today)).toBe(1)
    expect((await recordOf())?.people.find((p) => p.staffNo === '9005')).toMatchObject({ provisionalPoints: 15, acceptedProducts: 1, finalPoints: 0 })
    expect(await outboxOfStandings()).toBe(3)
  })

  it('publishes a quarter with its close, in the close’s own transaction, and never rewrites it after', async () => {
    const lastDay = quarterBounds(last).to
    await saveOfferConversation(sale('CARD_CREDIT', lastDay))
    await publishOutletStandings(b.branchId, today)
    await verifyQuarter(b.branchId, last, today, b.head.id)
    const closure = await closeQuarter(b.branchId, last, today, b.head.id)
    const closed = await recordOf(last)
    expect(closed?.closedAt).toBe(closure.closedAt)
    expect(closed?.people.find((p) => p.staffNo === '9005')).toMatchObject({ provisionalPoints: 15, acceptedProducts: 1 })

    // Totals that move later (an entry arriving late from another terminal) do not reopen it.
    const kept = (await database().pointTotals.get([b.zhou.id, last]))!
    await database().pointTotals.put({ ...kept, provisional: 999 })
    expect(await publishOutletStandings(b.branchId, today)).toBe(0)
    expect(await recordOf(last)).toEqual(closed)
  })

  it('publishes a quarter closed before the record existed with the standings the closure kept', async () => {
    const lastDay = quarterBounds(last).to
    await saveOfferConversation(sale('CARD_CREDIT', lastDay))
    await verifyQuarter(b.branchId, last, today, b.head.id)
    const closure = await closeQuarter(b.branchId, last, today, b.head.id)
    // As a terminal that took the closure in from another terminal of the branch holds it: no record yet.
    await database().records('outletStandings').delete(outletStandingsId(b.branchId, last))
    const kept = (await database().pointTotals.get([b.zhou.id, last]))!
    await database().pointTotals.put({ ...kept, provisional: 999 })
    await publishOutletStandings(b.branchId, today)
    expect((await recordOf(last))?.closedAt).toBe(closure.closedAt)
    expect((await recordOf(last))?.people.find((p) => p.staffNo === '9005')?.provisionalPoints).toBe(15)
  })

  it('keeps a demo outlet’s records on the terminal, as every demo record', async () => {
    await database().records('branches').update(b.branchId, { demo: 1 })
    await publishOutletStandings(b.branchId, today)
    expect((await recordOf())?.demo).toBe(1)
    expect(await outboxOfStandings()).toBe(0)
  })
})

describe('the region’s rankings', () => {
  it('rank the home outlet live among the other outlets as they published', async () => {
    await saveOfferConversation(sale('CARD_CREDIT'))
    await publishedElsewhere(b.otherBranchId, quarter, [person('8101', 40), person('8102', 0)])
    const lowCounter = (await standingsFor(b.branchId, quarter)).rankings.find((r) => r.role === 'low_counter')
    expect(lowCounter?.standings.map((s) => [s.rank, s.staffNo, s.branchId])).toEqual([
      [1, '8101', b.otherBranchId],
      [2, '8102', b.otherBranchId],
      [3, '9005', b.branchId],
    ])
  })

  it('take the home outlet from its live totals, not from a record it published before its latest sale', async () => {
    await publishOutletStandings(b.branchId, today)
    await saveOfferConversation(sale('CARD_CREDIT'))
    const lowCounter = (await standingsFor(b.branchId, quarter)).rankings.find((r) => r.role === 'low_counter')
    expect(lowCounter?.standings.map((s) => [s.staffNo, s.provisionalPoints])).toEqual([['9005', 15]])
  })

  it('carry last quarter’s bottom five across outlets for the 退出机制 warning', async () => {
    const east = Array.from({ length: 8 }, (_, i) => person(String(8101 + i), 100 * (8 - i)))
    await publishedElsewhere(b.otherBranchId, last, east)
    await publishedElsewhere(b.otherBranchId, quarter, east)
    const lowCounter = (await standingsFor(b.branchId, quarter)).rankings.find((r) => r.role === 'low_counter')
    // 9005 has no points in either quarter: last in both, so warned; so are the two of the east who stay behind.
    expect(lowCounter?.standings.filter((s) => s.exitWarning).map((s) => s.staffNo)).toEqual(['8105', '8106', '8107', '8108', '9005'])
  })

  it('answer a closed quarter with the standings it was closed with, other outlets included', async () => {
    const eastSeller = person('8101', 40)
    await publishedElsewhere(b.otherBranchId, last, [eastSeller])
    await verifyQuarter(b.branchId, last, today, b.head.id)
    await closeQuarter(b.branchId, last, today, b.head.id)
    // The east's record changing after our close (it cannot once closed there) leaves our closed quarter as it was.
    const east = outletStandingsId(b.otherBranchId, last)
    await writeRecords(['outletStandings'], (w) => w.update('outletStandings', east, { people: [{ ...eastSeller, finalPoints: 400 }] }))
    const lowCounter = (await standingsFor(b.branchId, last)).rankings.find((r) => r.role === 'low_counter')
    expect(lowCounter?.standings.map((s) => [s.staffNo, s.finalPoints])).toEqual([
      ['8101', 40],
      ['9005', 0],
    ])
  })
})
