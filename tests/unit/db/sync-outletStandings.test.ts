// @vitest-environment node
// Node rather than jsdom: real fetch to the in-memory hub.
/**
 * Two terminals of one outlet publishing its quarter standings while apart: they write one record
 * per quarter (the same id), which converges on both once they meet at the hub.
 */
import { describe, expect, it } from 'vitest'
import { hubForThisFile } from '../../support/branchHub'
import { terminal } from '../../support/terminals'
import { seedCounterBranch, today } from '../../support/counterSeed'
import { database } from '@/db/connection'
import { CouchClient } from '@/db/sync/couch'
import { syncOnce } from '@/db/sync/replicator'
import { saveOfferConversation } from '@/db/repositories/counter/offers'
import { publishOutletStandings } from '@/db/repositories/counter/outletStandings'
import { outletStandingsId } from '@/domain/counter/outletStandings'
import { quarterOf } from '@/domain/quarters'

const hub = hubForThisFile()

describe('an outlet’s standings published by two of its terminals', () => {
  it('end as one record per quarter, the same on both terminals and on the hub', async () => {
    const hubDb = await hub.freshDatabase()
    const a = terminal('standings-a')
    const b = terminal('standings-b')
    const branch = await a.as(async () => {
      const seeded = await seedCounterBranch()
      await syncOnce(hubDb)
      return seeded
    })
    await b.as(() => syncOnce(hubDb))

    // Apart: each publishes; B has recorded a sale A has not seen.
    await a.as(() => publishOutletStandings(branch.branchId, today))
    await b.as(async () => {
      await saveOfferConversation({
        branchId: branch.branchId, staffId: branch.zhou.id, clientId: branch.mortgageClient.id, visitId: null, anchorCode: 'LOAN_MORTGAGE', referralId: null, followUpOfferId: null, today,
        lines: [{ productCode: 'CARD_CREDIT', reason: 'bundle', ruleVersion: 1, outcome: 'accepted', declineReason: null, followUpOn: null, followUpStaffId: null, referral: null, recordingRef: null, riskDisclosureAcknowledged: false }],
      })
      await publishOutletStandings(branch.branchId, today)
    })
    // They meet at the hub; A, now holding B's sale, publishes what B published.
    for (const t of [a, b, a]) await t.as(() => syncOnce(hubDb))
    await a.as(() => publishOutletStandings(branch.branchId, today))
    for (const t of [a, b]) await t.as(() => syncOnce(hubDb))

    const held = () => database().records('outletStandings').toArray()
    const onA = await a.as(held)
    const onB = await b.as(held)
    const current = outletStandingsId(branch.branchId, quarterOf(today))
    expect(onA.map((r) => r.id).sort()).toEqual(onB.map((r) => r.id).sort())
    expect(onA).toHaveLength(2)
    expect(onA.find((r) => r.id === current)?.people).toEqual(onB.find((r) => r.id === current)?.people)
    expect(onA.find((r) => r.id === current)?.people.find((p) => p.staffNo === '9005')?.provisionalPoints).toBe(15)
    expect(await new CouchClient(hubDb).docsWithPrefix('outletStandings:')).toHaveLength(2)
    // Agreed: neither has anything more to publish.
    expect(await a.as(() => publishOutletStandings(branch.branchId, today))).toBe(0)
    expect(await b.as(() => publishOutletStandings(branch.branchId, today))).toBe(0)
  })
})
