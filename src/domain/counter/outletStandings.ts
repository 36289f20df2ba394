/**
 * What an outlet tells the region about a quarter (issue 9): its people in the ranked roles with
 * their quarter totals, one record per outlet and quarter in the regional database, while the ledger
 * behind the totals stays in the branch's. The region's rankings take the home outlet from its own
 * live totals and every other outlet from what it published.
 */
import type { ClosedStanding, PublishedStanding } from '../model/records'
import type { QuarterKey } from '../quarters'
import type { Role } from '../roles'
import { RANKED_ROLES, type RankedRole, type StandingStaff } from './standings'
import type { PersonQuarterTotals } from './totals'

export type QuarterTotals = Pick<PersonQuarterTotals, 'provisional' | 'final' | 'accepted' | 'lastSaleAt'>

/** One outlet's published quarter, as the region holds it. */
export interface PublishedOutlet {
  branchId: string
  people: readonly PublishedStanding[]
}

/** The people and totals a quarter's rankings are drawn from (src/domain/counter/standings.ts). */
export interface RegionEntrants {
  staff: StandingStaff[]
  totals: Map<string, QuarterTotals>
}

/** The ranked roles among a person's roles, in ranking order (so two terminals list them alike). */
function rankedRoles(roles: readonly Role[]): RankedRole[] {
  return RANKED_ROLES.filter((role) => roles.includes(role))
}

function byStaffNo(a: PublishedStanding, b: PublishedStanding): number {
  return a.staffNo.localeCompare(b.staffNo) || a.staffId.localeCompare(b.staffId)
}

/** An open quarter as the outlet publishes it: every active person of its own in a ranked role, with their totals (none yet: zero). */
export function publishedStandings(branchId: string, staff: readonly StandingStaff[], totals: ReadonlyMap<string, QuarterTotals>): PublishedStanding[] {
  return staff
    .filter((s) => s.branchId === branchId && s.active === 1 && rankedRoles(s.roles).length > 0)
    .map((s) => {
      const t = totals.get(s.id)
      return {
        staffId: s.id,
        staffNo: s.staffNo,
        name: `${s.surname}${s.givenName}`,
        roles: rankedRoles(s.roles),
        finalPoints: t?.final ?? 0,
        provisionalPoints: t?.provisional ?? 0,
        acceptedProducts: t?.accepted ?? 0,
        lastSaleAt: t?.lastSaleAt ?? null,
      }
    })
    .sort(byStaffNo)
}

/**
 * A closed quarter as the outlet publishes it: its own people as the closure kept them (someone
 * ranked in two roles once, with both), whatever the ledger says later; the kept totals give only
 * the last sale, which the closure does not keep and a closed quarter's ledger can no longer move.
 */
export function closedPublishedStandings(branchId: string, standings: readonly ClosedStanding[], totals: ReadonlyMap<string, QuarterTotals>): PublishedStanding[] {
  const own = standings.filter((s) => s.branchId === branchId)
  const staffIds = [...new Set(own.map((s) => s.staffId))]
  return staffIds
    .map((staffId) => {
      const rows = own.filter((s) => s.staffId === staffId)
      const first = rows[0]!
      return {
        staffId,
        staffNo: first.staffNo,
        name: first.name,
        roles: rankedRoles(rows.map((r) => r.role)),
        finalPoints: first.finalPoints,
        provisionalPoints: first.provisionalPoints,
        acceptedProducts: first.acceptedProducts,
        lastSaleAt: totals.get(staffId)?.lastSaleAt ?? null,
      }
    })
    .sort(byStaffNo)
}

/**
 * Who the region's rankings take: the home outlet's people live, from its staff and kept totals;
 * every other outlet's as it published them. The home outlet's own published copy is never used (it
 * lags behind the live detail), and a person counts once, at home before anywhere else.
 */
export function regionEntrants(home: { branchId: string; staff: readonly StandingStaff[]; totals: ReadonlyMap<string, QuarterTotals> }, published: readonly PublishedOutlet[]): RegionEntrants {
  const staff = home.staff.filter((s) => s.branchId === home.branchId)
  const totals = new Map<string, QuarterTotals>()
  for (const s of staff) {
    const t = home.totals.get(s.id)
    if (t) totals.set(s.id, t)
  }
  const counted = new Set(staff.map((s) => s.id))
  for (const outlet of published) {
    if (outlet.branchId === home.branchId) continue
    for (const p of outlet.people) {
      if (counted.has(p.staffId)) continue
      counted.add(p.staffId)
      // A published person comes with their name whole.
      staff.push({ id: p.staffId, staffNo: p.staffNo, surname: p.name, givenName: '', branchId: outlet.branchId, roles: p.roles, active: 1 })
      totals.set(p.staffId, { provisional: p.provisionalPoints, final: p.finalPoints, accepted: p.acceptedProducts, lastSaleAt: p.lastSaleAt })
    }
  }
  return { staff, totals }
}

const FNV_OFFSET_128 = 0x6c62272e07bb014262b821756295c58dn
const FNV_PRIME_128 = 0x0000000001000000000000000000013bn
const BITS_128 = (1n << 128n) - 1n

/**
 * The id of an outlet's record for a quarter: the same on every terminal, so two terminals publishing
 * write one record rather than two. A name-based UUID (RFC 9562 version 8) from the 128-bit FNV-1a
 * hash of the outlet and the quarter.
 */
export function outletStandingsId(branchId: string, quarter: QuarterKey): string {
  let hash = FNV_OFFSET_128
  for (const byte of new TextEncoder().encode(`outletStandings:${branchId}:${quarter}`)) hash = ((hash ^ BigInt(byte)) * FNV_PRIME_128) & BITS_128
  const hex = hash.toString(16).padStart(32, '0')
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20)}`
}
