/**
 * The demo branch's VIP book: 分户到人 maintainers for most VIPs (primary spread over the customer
 * and wealth managers 9007–9010, another of them as product maintainer; a few reassigned over
 * time), six VIPs left unassigned for the branch head, contact preferences for most clients, balance
 * snapshots at the last four quarter ends (some growing, some falling), two VIPs whose assets fell a
 * tier and wait out the grace period, the tier-change log that led to today's tiers, and a few open
 * balance alerts. Pure and deterministic: the same input gives the same records, each `demo: 1`.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'
import { Dice } from './dice'
import type { DemoClient, DemoStaff, HistoryInput, SeededRecord } from './generate'
import { VIP_TIERS, type PreferredChannel, type RecordOf, type VipTier } from '@/domain/model/records'
import { DEFAULT_WEALTH_RULES } from '@/domain/wealth/rules'
import { designationActive, earnedTier, tierByAssets, tierRank } from '@/domain/wealth/tiers'
import { balanceAlerts } from '@/domain/wealth/tierAlerts'
import { recentQuarterEnds } from '@/domain/wealth/guarantees'
import { addDays, startOfBusinessDate, type BusinessDate } from '@/domain/time'

export const VIP_BOOK_TABLES = ['vipAssignments', 'balanceSnapshots', 'tierChanges', 'wealthAlerts'] as const
export type VipBookTable = (typeof VIP_BOOK_TABLES)[number]
export type VipBookRecord<K extends VipBookTable> = SeededRecord<K>

export interface VipBookInput extends HistoryInput {
  clients: readonly DemoClient[]
  staff: readonly DemoStaff[]
}

export interface VipBook {
  clients: DemoClient[]
  vipAssignments: VipBookRecord<'vipAssignments'>[]
  balanceSnapshots: VipBookRecord<'balanceSnapshots'>[]
  tierChanges: VipBookRecord<'tierChanges'>[]
  wealthAlerts: VipBookRecord<'wealthAlerts'>[]
}

/** The managers who maintain VIPs, and the branch head who assigns them. */
export const MAINTAINER_STAFF_NOS = ['9007', '9008', '9009', '9010'] as const
const BRANCH_HEAD_NO = '9001'
export const UNASSIGNED_VIPS = 6
export const PENDING_DOWNGRADES = 2
const SAVINGS_DROP_ALERTS = 3
const REASSIGNED_SHARE = 0.15
const CHANNEL_PREFS_SHARE = 0.85
const QUARTERS = 4

const DEMO = 1 as const
const rules = DEFAULT_WEALTH_RULES

/** How the client likes to be reached: the phone most, then WeChat, SMS, a visit. */
const CHANNEL_WEIGHTS: readonly (readonly [PreferredChannel, number])[] = [
  ['phone', 50],
  ['wechat', 30],
  ['sms', 15],
  ['visit', 5],
]

type Trend = 'growing' | 'falling' | 'steady'

/** Scales both balances by the same factor, in whole fen, keeping savings within the total. */
function scaled(balances: { savingsFen: number; totalAssetsFen: number }, factor: number): { savingsFen: number; totalAssetsFen: number } {
  const totalAssetsFen = Math.max(0, Math.round(balances.totalAssetsFen * factor))
  return { savingsFen: Math.min(totalAssetsFen, Math.max(0, Math.round(balances.savingsFen * factor))), totalAssetsFen }
}

const latest = (a: BusinessDate, b: BusinessDate) => (a > b ? a : b)
const earliest = (a: BusinessDate, b: BusinessDate) => (a < b ? a : b)

export function generateVipBook(input: VipBookInput): VipBook {
  const base = xoroshiro128plus(input.seed ^ 0x71b0)
  const ids = new Dice(base.clone())
  base.jump()
  const dice = new Dice(base.clone())

  const staffId = (no: string) => {
    const person = input.staff.find((s) => s.staffNo === no && s.branchId === input.branchId)
    if (!person) throw new Error(`The demo branch has no staff ${no}`)
    return person.id
  }
  const maintainers = MAINTAINER_STAFF_NOS.map(staffId)
  const headId = staffId(BRANCH_HEAD_NO)
  const at = (date: BusinessDate, hour = 10) => startOfBusinessDate(date, input.zone) + hour * 3_600_000
  const quarterEnds = recentQuarterEnds(input.today, QUARTERS)

  const out: VipBook = { clients: [], vipAssignments: [], balanceSnapshots: [], tierChanges: [], wealthAlerts: [] }
  const tierChange = (clientId: string, date: BusinessDate, change: Pick<RecordOf<'tierChanges'>, 'kind' | 'cause' | 'fromTier' | 'toTier'>) =>
    out.tierChanges.push({ id: ids.uuid(), demo: DEMO, branchId: input.branchId, clientId, at: at(date), businessDate: date, ...change, ruleVersion: rules.version, actorId: null })
  const snapshot = (clientId: string, asOf: BusinessDate, balances: { savingsFen: number; totalAssetsFen: number }) =>
    out.balanceSnapshots.push({ id: ids.uuid(), demo: DEMO, branchId: input.branchId, clientId, asOf, ...balances, source: 'demo' })
  const alert = (clientId: string, date: BusinessDate, drafted: ReturnType<typeof balanceAlerts>[number]) =>
    out.wealthAlerts.push({ id: ids.uuid(), demo: DEMO, branchId: input.branchId, clientId, ...drafted, raisedAt: at(date, 9), businessDate: date, status: 'open', action: '', acknowledgedBy: null, acknowledgedAt: null })

  const own = input.clients.filter((c) => c.branchId === input.branchId)
  const vips = dice.shuffled(own.filter((c) => c.vipTier !== null))
  const unassigned = new Set(vips.slice(0, UNASSIGNED_VIPS).map((c) => c.id))
  // Two assigned VIPs of platinum or above whose assets have just fallen a tier.
  const falling = new Set(
    vips
      .filter((c) => !unassigned.has(c.id) && tierRank(c.vipTier) >= tierRank('platinum') && c.savingsFen >= rules.vipSavingsThresholdFen)
      .slice(0, PENDING_DOWNGRADES)
      .map((c) => c.id),
  )
  let next = 0

  for (const original of own) {
    const client: DemoClient = { ...original }
    if (dice.chance(CHANNEL_PREFS_SHARE)) {
      const first = dice.weighted(CHANNEL_WEIGHTS)
      const second = dice.chance(0.4) ? dice.weighted(CHANNEL_WEIGHTS.filter(([c]) => c !== first)) : null
      client.channelPrefs = second ? [first, second] : [first]
    }
    out.clients.push(client)
    if (client.vipTier === null) continue
    const tier: VipTier = client.vipTier

    // Assignment: round robin over the managers, the product maintainer another of them.
    if (!unassigned.has(client.id)) {
      const primary = maintainers[next % maintainers.length]!
      const product = maintainers[(next + 1 + dice.int(0, maintainers.length - 2)) % maintainers.length]!
      next++
      const from = latest(client.clientSince, addDays(input.today, -dice.int(60, 900)))
      if (dice.chance(REASSIGNED_SHARE)) {
        const earlier = maintainers.find((m) => m !== primary && m !== product)!
        const before = latest(client.clientSince, addDays(from, -dice.int(90, 600)))
        out.vipAssignments.push({ id: ids.uuid(), demo: DEMO, branchId: input.branchId, clientId: client.id, primaryStaffId: earlier, productStaffId: product, from: before, to: from, assignedBy: headId })
      }
      out.vipAssignments.push({ id: ids.uuid(), demo: DEMO, branchId: input.branchId, clientId: client.id, primaryStaffId: primary, productStaffId: product, from, to: null, assignedBy: headId })
      client.maintainerId = primary
      client.productMaintainerId = product
    }

    // The tier history: a VIP since some time ago, with a step up on the way for higher tiers.
    const designated = designationActive(client.vipDesignation, input.today) && client.savingsFen < rules.vipSavingsThresholdFen
    const vipSince = latest(client.clientSince, addDays(input.today, -dice.int(400, 1500)))
    const firstTier: VipTier = tierRank(tier) > 1 && dice.chance(0.5) ? VIP_TIERS[tierRank(tier) - 2]! : tier
    tierChange(client.id, vipSince, { kind: 'upgrade', cause: designated ? 'designation' : 'balance', fromTier: null, toTier: firstTier })
    if (firstTier !== tier) tierChange(client.id, earliest(addDays(input.today, -1), addDays(vipSince, dice.int(120, 380))), { kind: 'upgrade', cause: 'balance', fromTier: firstTier, toTier: tier })

    const current = { savingsFen: client.savingsFen, totalAssetsFen: client.totalAssetsFen }
    if (falling.has(client.id)) {
      // Assets fell below the tier's line some weeks ago: the tier is kept during the grace period.
      const line = rules.tierMinAssetsFen[tier]
      const fallenTotal = line - dice.int(1, 50) * 100_000
      const fallen = { savingsFen: Math.min(current.savingsFen, fallenTotal), totalAssetsFen: fallenTotal }
      const since = addDays(input.today, -dice.int(10, 40))
      const to = earnedTier({ ...fallen, vipDesignation: client.vipDesignation }, since, rules)
      client.savingsFen = fallen.savingsFen
      client.totalAssetsFen = fallen.totalAssetsFen
      client.tierPending = { tier: to, since, effectiveOn: addDays(since, rules.downgradeGraceDays), ruleVersion: rules.version }
      tierChange(client.id, since, { kind: 'downgrade_pending', cause: 'balance', fromTier: tier, toTier: to })
      for (const drafted of balanceAlerts(client.id, current, fallen, since, rules)) alert(client.id, since, drafted)
      snapshot(client.id, since, fallen)
      quarterEnds.forEach((end, i) => snapshot(client.id, end, scaled(current, 1 + 0.02 * i)))
      continue
    }

    const trend = dice.weighted<Trend>([
      ['growing', 55],
      ['falling', 25],
      ['steady', 20],
    ])
    let balances = current
    for (const end of quarterEnds) {
      const step = trend === 'growing' ? 1 / (1 + dice.between(0.01, 0.08)) : trend === 'falling' ? 1 + dice.between(0.01, 0.06) : 1 + dice.between(-0.01, 0.01)
      balances = scaled(balances, step)
      // Earlier balances never earn a higher tier than the log says the client had then.
      if (tierRank(tierByAssets(Math.max(balances.totalAssetsFen, balances.savingsFen), rules)) > tierRank(tier)) balances = current
      snapshot(client.id, end, balances)
    }
  }

  // A few recent savings falls among the falling VIPs, with the day's figure on record.
  const recentFalls = vips.filter((c) => !falling.has(c.id) && !unassigned.has(c.id) && c.savingsFen >= 2 * rules.vipSavingsThresholdFen).slice(0, SAVINGS_DROP_ALERTS)
  for (const original of recentFalls) {
    const client = out.clients.find((c) => c.id === original.id)!
    const date = addDays(input.today, -dice.int(1, 6))
    const before = { savingsFen: client.savingsFen, totalAssetsFen: client.totalAssetsFen }
    const drop = Math.round(before.savingsFen * dice.between(0.32, 0.45))
    const after = { savingsFen: before.savingsFen - drop, totalAssetsFen: before.totalAssetsFen - drop }
    client.savingsFen = after.savingsFen
    client.totalAssetsFen = after.totalAssetsFen
    snapshot(client.id, date, after)
    for (const drafted of balanceAlerts(client.id, before, after, date, rules)) alert(client.id, date, drafted)
    // A fall that crosses a tier line starts the grace period too.
    const earned = earnedTier({ ...after, vipDesignation: client.vipDesignation }, date, rules)
    if (tierRank(earned) < tierRank(client.vipTier)) {
      client.tierPending = { tier: earned, since: date, effectiveOn: addDays(date, rules.downgradeGraceDays), ruleVersion: rules.version }
      tierChange(client.id, date, { kind: 'downgrade_pending', cause: 'balance', fromTier: client.vipTier, toTier: earned })
    }
  }
  return out
}
