import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { COUNTER_TABLES, generateCounterHistory } from '@/db/demo/counterHistory'
import { DEMO_SEED, generateDemoBranch } from '@/db/demo/generate'
import { generateLobbyHistory } from '@/db/demo/lobbyHistory'
import { generateVipBook } from '@/db/demo/wealthBookHistory'
import { generateCareHistory } from '@/db/demo/wealthCareHistory'
import { DEFAULT_COUNTER_RULES } from '@/domain/counter/rules'
import { bottomFiveByRole, closedStandings, quarterStandings } from '@/domain/counter/standings'
import { judgeSuitability, needsRecordedSale } from '@/domain/counter/suitability'
import { pointTotalsFrom, quarterRows } from '@/domain/counter/totals'
import { RECORD_SCHEMAS } from '@/domain/model/records'
import { addDays, businessDate, startOfBusinessDate } from '@/domain/time'
import { previousQuarter, quarterBounds, quarterOf, type QuarterKey } from '@/domain/quarters'
import { outletStandingsId, regionEntrants } from '@/domain/counter/outletStandings'

const TODAY = '2026-11-25' // a Wednesday in 2026Q4
const ZONE = 'Asia/Shanghai'
const NOW = startOfBusinessDate(TODAY, ZONE) + (10 * 60 + 40) * 60_000 // 10:40 in the branch
const demo = generateDemoBranch(TODAY, ZONE)
const { records } = demo
// The earlier histories in the order the demo load runs them.
const context = { branchId: demo.ownBranchId, today: TODAY, zone: ZONE, nowMs: NOW, staff: records.staff, seed: DEMO_SEED }
const lobby = generateLobbyHistory({ ...context, clients: records.clients, servicePoints: records.servicePoints })
const book = generateVipBook({ ...context, clients: records.clients })
const care = generateCareHistory({ ...context, clients: book.clients, products: records.products })
const input = {
  ...context,
  clients: care.clients,
  products: records.products,
  bundleRules: records.bundleRules,
  holdings: care.holdings,
  visits: lobby.visits,
  visitEvents: lobby.visitEvents,
}
const history = generateCounterHistory(input)

const staffById = new Map(records.staff.map((s) => [s.id, s]))
const staffNo = (id: string | null) => (id === null ? null : staffById.get(id)?.staffNo)
const productByCode = new Map(records.products.map((p) => [p.code, p]))
const clientById = new Map(care.clients.map((c) => [c.id, c]))
const offerById = new Map(history.offers.map((o) => [o.id, o]))
const referralById = new Map(history.referrals.map((r) => [r.id, r]))
const accepted = history.offers.filter((o) => o.outcome === 'accepted')
const entriesOf = (saleId: string) => history.pointEntries.filter((e) => e.saleId === saleId)
const totals = pointTotalsFrom(history.pointEntries)
const closures = [...history.quarterClosures].sort((a, b) => a.quarter.localeCompare(b.quarter))
const minuteOfDay = (at: number) => (at - startOfBusinessDate(businessDate(at, ZONE), ZONE)) / 60_000
/** The region's entrants in a quarter: the home outlet from the given totals, the others as they published. */
const regionAt = (quarter: QuarterKey, homeTotals: ReturnType<typeof quarterRows>) =>
  regionEntrants({ branchId: demo.ownBranchId, staff: records.staff, totals: homeTotals }, history.outletStandings.filter((o) => o.quarter === quarter))
const isWeekday = (date: string) => ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay())

describe('the demo low-counter history', () => {
  it('is deterministic for the same input and seed', () => {
    expect(generateCounterHistory(input)).toEqual(history)
    expect(generateCounterHistory({ ...input, seed: 7 }).offers[0]).not.toEqual(history.offers[0])
  })

  it('makes records that validate against their table schemas once stamped, all demo, unique ids', () => {
    const stamp = { createdAt: 0, updatedAt: 0, deviceId: 'test-device', hlc: '0000000000000-0000-test-device', deleted: 0 }
    const rows = COUNTER_TABLES.flatMap((table) => history[table].map((record) => ({ table, record })))
    const invalid = rows.filter(({ table, record }) => !v.safeParse(RECORD_SCHEMAS[table], { ...record, ...stamp }).success)
    expect(invalid.slice(0, 3)).toEqual([])
    expect(rows.every(({ record }) => record.demo === 1)).toBe(true)
    expect(new Set(rows.map(({ record }) => record.id)).size).toBe(rows.length)
  })

  it('covers the home branch from the first day of the quarter two before today’s, on business days within opening hours, nothing after the load time', () => {
    const dates = history.offers.map((o) => o.businessDate).sort()
    expect(dates[0]).toBe('2026-04-01')
    expect(dates.at(-1)).toBe(TODAY)
    expect(history.offers.length).toBeGreaterThan(6_000)
    const times = [
      ...history.offers.map((o) => [o.businessDate, o.at] as const),
      ...history.referrals.flatMap((r) => [[r.businessDate, r.at] as const, ...(r.closedAt === null ? [] : [[businessDate(r.closedAt, ZONE), r.closedAt] as const])]),
      ...history.pointEntries.map((e) => [e.businessDate, e.at] as const),
    ]
    for (const [date, at] of times) {
      expect(at).toBeLessThanOrEqual(NOW)
      expect(businessDate(at, ZONE)).toBe(date)
      expect(isWeekday(date), date).toBe(true)
      expect(minuteOfDay(at)).toBeGreaterThanOrEqual(9 * 60)
      expect(minuteOfDay(at)).toBeLessThanOrEqual(17 * 60)
    }
    expect(history.offers.every((o) => o.branchId === demo.ownBranchId)).toBe(true)
    expect(history.holdings.every((h) => h.purchasedOn <= TODAY)).toBe(true)
    expect(history.quarterClosures.every((c) => c.closedAt! <= NOW && c.verifiedAt! <= c.closedAt!)).toBe(true)
    expect(history.offers.every((o) => o.followUpClosedAt === null || o.followUpClosedAt <= NOW)).toBe(true)
  })

  it('has every seller holding conversations of several offers, today too, and wealth managers answering referrals', () => {
    const sellers = ['9005', '9006', '9007', '9008']
    for (const no of sellers) {
      const own = history.offers.filter((o) => staffNo(o.staffId) === no)
      expect(new Set(own.map((o) => o.groupId)).size, no).toBeGreaterThan(400)
      expect(own.some((o) => o.businessDate === TODAY), no).toBe(true)
    }
    const groups = new Map<string, number>()
    for (const o of history.offers) groups.set(o.groupId, (groups.get(o.groupId) ?? 0) + 1)
    expect([...groups.values()].some((n) => n >= 3)).toBe(true)
    const shares = Object.fromEntries((['accepted', 'declined', 'interested', 'referred'] as const).map((k) => [k, history.offers.filter((o) => o.outcome === k).length / history.offers.length]))
    expect(shares.accepted).toBeGreaterThan(0.25)
    expect(shares.declined).toBeGreaterThan(0.3)
    expect(shares.interested).toBeGreaterThan(0.1)
    expect(shares.referred).toBeGreaterThan(0.01)
    expect(history.offers.some((o) => ['9009', '9010'].includes(staffNo(o.staffId)!) && o.referralId !== null)).toBe(true)
  })

  it('gives every service a seller finished today its conversation, with the visit and its client', () => {
    const sellerIds = new Set(records.staff.filter((s) => ['9005', '9006', '9007', '9008'].includes(s.staffNo)).map((s) => s.id))
    const servedToday = lobby.visitEvents.filter((e) => e.kind === 'finished' && e.staffId !== null && sellerIds.has(e.staffId) && e.businessDate === TODAY && e.at <= NOW)
    expect(servedToday.length).toBeGreaterThan(5)
    for (const event of servedToday) {
      const visit = lobby.visits.find((vis) => vis.id === event.visitId)!
      const conversation = history.offers.filter((o) => o.visitId === event.visitId && o.staffId === event.staffId)
      // A client already holding all that could be proposed leaves nothing to record.
      for (const offer of conversation) {
        expect(offer.at).toBeGreaterThanOrEqual(event.at)
        expect(offer.clientId).toBe(visit.clientId)
      }
      expect(new Set(conversation.map((o) => o.groupId)).size).toBeLessThanOrEqual(1)
    }
    expect(servedToday.filter((e) => history.offers.some((o) => o.visitId === e.visitId)).length / servedToday.length).toBeGreaterThan(0.8)
  })

  it('records each outcome with its facts: a decline reason, a follow-up and its owner, points and a sale only when accepted', () => {
    for (const offer of history.offers) {
      const product = productByCode.get(offer.productCode)!
      expect(product).toBeDefined()
      expect(offer.declineReason !== null).toBe(offer.outcome === 'declined')
      if (offer.declineReason !== null) expect(DEFAULT_COUNTER_RULES.declineReasons).toContain(offer.declineReason)
      expect(offer.followUpOn !== null && offer.followUpStaffId !== null).toBe(offer.outcome === 'interested')
      expect(offer.points).toBe(offer.outcome === 'accepted' ? product.points : 0)
      expect(offer.saleStatus !== null).toBe(offer.outcome === 'accepted')
      expect(offer.saleSettledOn !== null).toBe(offer.saleStatus === 'fulfilled' || offer.saleStatus === 'cancelled')
      if (offer.reason === 'bundle') expect(offer.ruleVersion).toBe(1)
    }
    // Nobody is sold what they already hold: from the wealth history, or bought here before.
    const held = new Set(care.holdings.map((h) => `${h.clientId}|${h.productCode}`))
    for (const sale of [...accepted].sort((a, b) => a.at - b.at)) {
      if (sale.clientId === null) continue
      const key = `${sale.clientId}|${sale.productCode}`
      expect(held.has(key), sale.id).toBe(false)
      held.add(key)
    }
  })

  it('accepts a product with a risk level only when suitable for the client on the day, and keeps the judgement on every such offer', () => {
    const risky = history.offers.filter((o) => productByCode.get(o.productCode)!.riskLevel !== null)
    expect(risky.filter((o) => o.outcome === 'accepted').length).toBeGreaterThan(100)
    expect(risky.some((o) => o.declineReason === 'risk_averse')).toBe(true)
    for (const offer of risky) {
      const product = productByCode.get(offer.productCode)!
      expect(offer.suitability?.riskLevel).toBe(product.riskLevel)
      if (offer.outcome !== 'accepted') continue
      const client = offer.clientId === null ? null : clientById.get(offer.clientId)!
      const rated = client && client.riskRatedOn !== null && client.riskRatedOn <= offer.businessDate ? client : null
      expect(judgeSuitability(product, rated, offer.businessDate).ok, offer.id).toBe(true)
      expect(offer.suitability).toEqual({ rating: rated!.riskRating, ratedOn: rated!.riskRatedOn, riskLevel: product.riskLevel })
    }
    expect(history.offers.filter((o) => productByCode.get(o.productCode)!.riskLevel === null).every((o) => o.suitability === null)).toBe(true)
  })

  it('keeps the 双录 evidence of every wealth, fund and insurance sale', () => {
    const recorded = accepted.filter((o) => needsRecordedSale(productByCode.get(o.productCode)!))
    expect(recorded.length).toBeGreaterThan(100)
    for (const offer of recorded) {
      expect(offer.recordingRef).toMatch(new RegExp(`^SL-${offer.businessDate.replaceAll('-', '')}-\\d{4}$`))
      expect(offer.riskDisclosureAckAt).toBeLessThanOrEqual(offer.at)
    }
    expect(new Set(recorded.map((o) => o.recordingRef)).size).toBe(recorded.length)
    expect(history.offers.filter((o) => !recorded.includes(o)).every((o) => o.recordingRef === null && o.riskDisclosureAckAt === null)).toBe(true)
  })

  it('settles the sales: most older ones fulfilled a few days later with their holding, a few cancelled and reversed within the clawback, the recent ones pending', () => {
    const old = accepted.filter((o) => o.businessDate < addDays(TODAY, -20))
    const count = (status: string) => old.filter((o) => o.saleStatus === status).length
    expect(count('fulfilled') / old.length).toBeGreaterThan(0.85)
    expect(count('cancelled') / old.length).toBeGreaterThan(0.01)
    expect(count('cancelled') / old.length).toBeLessThan(0.08)
    expect(accepted.filter((o) => o.businessDate === TODAY).every((o) => o.saleStatus === 'pending')).toBe(true)

    const holdingBySale = new Map(history.holdings.map((h) => [`${h.clientId}|${h.productCode}|${h.purchasedOn}`, h]))
    for (const sale of accepted) {
      const kinds = entriesOf(sale.id).map((e) => `${e.kind}:${e.share}`)
      expect(kinds.filter((k) => k === 'provisional:seller'), sale.id).toHaveLength(1)
      expect(kinds.some((k) => k.startsWith('final'))).toBe(sale.saleStatus === 'fulfilled' || (sale.saleStatus === 'cancelled' && kinds.some((k) => k.startsWith('final'))))
      expect(kinds.some((k) => k.startsWith('reversal'))).toBe(sale.saleStatus === 'cancelled')
      if (sale.saleStatus === 'cancelled') expect(new Date(sale.saleSettledOn!).getTime() - new Date(sale.businessDate).getTime()).toBeLessThanOrEqual(DEFAULT_COUNTER_RULES.clawbackDays * 86_400_000)
      const holding = sale.clientId === null ? undefined : holdingBySale.get(`${sale.clientId}|${sale.productCode}|${sale.saleSettledOn}`)
      expect(holding !== undefined, sale.id).toBe(sale.saleStatus === 'fulfilled' && sale.clientId !== null)
    }
    expect(history.holdings).toHaveLength(accepted.filter((o) => o.saleStatus === 'fulfilled' && o.clientId !== null).length)
  })

  it('credits the referrer’s share of the sales that answered a referral, and closes most referrals with the conversation that answered them', () => {
    const referred = accepted.filter((o) => o.referralId !== null)
    expect(referred.length).toBeGreaterThan(50)
    for (const sale of referred) {
      const referral = referralById.get(sale.referralId!)!
      const share = entriesOf(sale.id).find((e) => e.kind === 'provisional' && e.share === 'referrer')!
      expect(share.staffId).toBe(referral.referrerId)
      expect(share.points).toBe(Math.floor((sale.points * DEFAULT_COUNTER_RULES.referralSharePercent) / 100))
      expect(entriesOf(sale.id).find((e) => e.kind === 'provisional' && e.share === 'seller')!.points).toBe(sale.points - share.points)
    }
    const byTellers = history.referrals.filter((r) => ['9003', '9004', '9011', '9012', '9013'].includes(staffNo(r.referrerId)!))
    expect(new Set(byTellers.map((r) => r.target))).toEqual(new Set(['low_counter', 'wealth_manager']))
    expect(referred.some((o) => byTellers.some((r) => r.id === o.referralId) && o.saleStatus === 'fulfilled')).toBe(true)

    for (const referral of history.referrals.filter((r) => r.status === 'closed')) {
      expect(referral.closedAt).toBeGreaterThanOrEqual(referral.at)
      expect(referral.closedBy).not.toBeNull()
      // Not reached, or nothing left to offer: no conversation to point at.
      if (referral.offerGroupId === null) {
        expect(['not_reached', 'declined']).toContain(referral.outcome)
        continue
      }
      const answer = history.offers.filter((o) => o.groupId === referral.offerGroupId)
      expect(answer.length, referral.id).toBeGreaterThan(0)
      expect(answer.every((o) => o.referralId === referral.id && o.staffId === referral.closedBy)).toBe(true)
      expect(referral.outcome === 'sold').toBe(answer.some((o) => o.outcome === 'accepted'))
    }
    // Open ones wait a day or two at most; most of the last two days' are still open.
    const open = history.referrals.filter((r) => r.status === 'open')
    expect(open.length).toBeGreaterThan(0)
    expect(open.every((r) => r.businessDate >= '2026-11-23')).toBe(true)
    const lastTwoDays = history.referrals.filter((r) => r.businessDate >= '2026-11-24')
    expect(lastTwoDays.filter((r) => r.status === 'open').length / lastTwoDays.length).toBeGreaterThan(0.5)
  })

  it('closes most follow-ups with a later offer by their owner, and leaves some due today and a few overdue open for the sellers', () => {
    const interested = history.offers.filter((o) => o.outcome === 'interested')
    const due = interested.filter((o) => o.followUpOn! < TODAY)
    const closed = due.filter((o) => o.followUpClosedAt !== null)
    expect(closed.length / due.length).toBeGreaterThan(0.9)
    for (const offer of closed) {
      const followUp = offerById.get(offer.followUpOfferId!)!
      expect(followUp).toMatchObject({ staffId: offer.followUpStaffId, clientId: offer.clientId, productCode: offer.productCode, at: offer.followUpClosedAt })
      expect(followUp.businessDate >= offer.followUpOn!).toBe(true)
      expect(followUp.groupId).not.toBe(offer.groupId)
    }
    const openToday = interested.filter((o) => o.followUpOn === TODAY && o.followUpClosedAt === null)
    expect(openToday.filter((o) => ['9005', '9006', '9007'].includes(staffNo(o.followUpStaffId)!)).length).toBeGreaterThan(2)
    expect(due.filter((o) => o.followUpClosedAt === null && ['9005', '9006', '9007'].includes(staffNo(o.followUpStaffId)!)).length).toBeGreaterThan(0)
    expect(interested.every((o) => o.clientId !== null)).toBe(true)
  })

  it('builds the home outlet’s ledger per quarter consistently, with adjustments only after a closed quarter', () => {
    for (const entry of history.pointEntries) {
      expect(entry.quarter).toBe(quarterOf(entry.businessDate))
      expect(entry.branchId).toBe(demo.ownBranchId)
      expect(staffById.get(entry.staffId)!.branchId).toBe(demo.ownBranchId)
    }

    const adjustments = history.pointEntries.filter((e) => e.kind === 'adjustment')
    expect(adjustments.length).toBeGreaterThanOrEqual(2)
    for (const adjustment of adjustments) {
      expect(adjustment.reason.trim()).not.toBe('')
      expect(staffNo(adjustment.byStaffId)).toBe('9001')
      const closedBefore = closures.find((c) => c.quarter === previousQuarter(adjustment.quarter as `${number}Q${1 | 2 | 3 | 4}`))!
      expect(adjustment.at).toBeGreaterThan(closedBefore.closedAt!)
    }
  })

  it('holds the other outlets as a synchronised terminal does: each quarter as the outlet published it, the past ones closed', () => {
    const outlets = new Set(history.outletStandings.map((o) => o.branchId))
    expect(outlets.size).toBeGreaterThan(30)
    expect(outlets.has(demo.ownBranchId)).toBe(false)
    expect(history.outletStandings.length).toBe(outlets.size * 3)
    for (const outlet of history.outletStandings) {
      expect(outlet.id).toBe(outletStandingsId(outlet.branchId, outlet.quarter as QuarterKey))
      expect(outlet.closedAt === null).toBe(outlet.quarter === quarterOf(TODAY))
      expect(outlet.people.every((p) => staffById.get(p.staffId)?.branchId === outlet.branchId && p.roles.length > 0)).toBe(true)
    }
    const closedAfterTheirEnd = history.outletStandings.filter((o) => o.closedAt !== null).every((o) => o.closedAt! > startOfBusinessDate(addDays(quarterBounds(o.quarter as QuarterKey).to, 1), ZONE) && o.closedAt! <= NOW)
    expect(closedAfterTheirEnd).toBe(true)
  })

  it('closes the two previous quarters by the branch head with the standings as they stood, locking them, and leaves today’s open', () => {
    expect(closures.map((c) => c.quarter)).toEqual(['2026Q2', '2026Q3'])
    closures.forEach((closure, i) => {
      expect(staffNo(closure.closedBy)).toBe('9001')
      expect(staffNo(closure.verifiedBy)).toBe('9001')
      expect(closure.closedAt! > startOfBusinessDate(addDays(`${closure.quarter.slice(0, 4)}-${closure.quarter === '2026Q2' ? '06' : '09'}-30`, 1), ZONE)).toBe(true)
      // Locked: nothing is dated into the quarter after it was closed.
      expect(history.pointEntries.filter((e) => e.quarter === closure.quarter && e.at > closure.closedAt!)).toEqual([])
      const atClose = history.pointEntries.filter((e) => e.at <= closure.closedAt!)
      const previous = closures[i - 1]
      const quarter = closure.quarter as QuarterKey
      const expected = closedStandings(
        quarterStandings({
          ...regionAt(quarter, quarterRows(pointTotalsFrom(atClose), quarter)),
          previousBottomFive: previous ? bottomFiveByRole(previous.standings) : new Map(),
          rules: DEFAULT_COUNTER_RULES,
        }),
      )
      expect(closure.standings).toEqual(expected)
      // The final points kept are the ledger's (and the other outlets' published totals) for the quarter today.
      const now = regionAt(quarter, quarterRows(totals, quarter)).totals
      for (const s of closure.standings) expect(s.finalPoints).toBe(now.get(s.staffId)?.final ?? 0)
    })
  })

  it('makes rankings worth reading: every pay band, a home seller in the low counter’s top three, and the 退出机制 warning in the current quarter', () => {
    const [second, previous] = closures
    const sellers = previous!.standings.filter((s) => s.role === 'customer_manager' || s.role === 'low_counter')
    expect(new Set(sellers.map((s) => s.band))).toEqual(new Set(['piece_rate', 'partial', 'full']))
    expect(sellers.some((s) => s.finalPoints >= 3_900 && s.finalPoints < 4_000)).toBe(true)
    expect(sellers.some((s) => s.finalPoints >= 7_900 && s.finalPoints <= 8_100)).toBe(true)
    const homeTopThree = [...second!.standings, ...previous!.standings].filter((s) => s.role === 'low_counter' && s.branchId === demo.ownBranchId && s.rewarded === 1)
    expect(homeTopThree.length).toBeGreaterThan(0)
    expect(previous!.standings.some((s) => s.exitWarning === 1)).toBe(true)

    const current = quarterStandings({
      ...regionAt(quarterOf(TODAY), quarterRows(totals, quarterOf(TODAY))),
      previousBottomFive: bottomFiveByRole(previous!.standings),
      rules: DEFAULT_COUNTER_RULES,
    })
    const warned = current.flatMap((r) => r.standings.filter((s) => s.exitWarning))
    expect(warned.some((s) => s.role === 'customer_manager' || s.role === 'low_counter')).toBe(true)
    // The home sellers are neither all at the top nor at the bottom.
    const homeRanks = current.filter((r) => r.role === 'low_counter').flatMap((r) => r.standings.filter((s) => s.branchId === demo.ownBranchId).map((s) => s.bottomFive))
    expect(homeRanks.every((bottom) => !bottom)).toBe(true)
  })
})
