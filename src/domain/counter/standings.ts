/**
 * A quarter's standings: every active person of the region in each role that earns product points,
 * ranked within the role by rankings.ts (so someone with no points still takes a place, usually at
 * the bottom), with their pay band from payBands.ts. A person holding two ranked roles appears in
 * both rankings with the same points.
 */
import type { Role } from '../roles'
import type { ClosedStanding, Staff } from '../model/records'
import { bandStanding, type BandStanding } from './payBands'
import { rankRole, type RankedEntrant } from './rankings'
import type { CounterRules } from './rules'
import type { PersonQuarterTotals } from './totals'

/** Roles ranked by product points: the sellers, and those who earn referral shares. */
export const RANKED_ROLES = ['customer_manager', 'low_counter', 'wealth_manager', 'high_counter', 'lobby_manager'] as const satisfies readonly Role[]
export type RankedRole = (typeof RANKED_ROLES)[number]

export type StandingStaff = Pick<Staff, 'id' | 'staffNo' | 'surname' | 'givenName' | 'branchId' | 'roles' | 'active'>

export interface Standing extends RankedEntrant {
  name: string
  branchId: string | null
  provisionalPoints: number
  standing: BandStanding
}

export interface RoleRanking {
  role: RankedRole
  standings: Standing[]
}

export interface StandingsInput {
  staff: readonly StandingStaff[]
  /** This quarter's totals by staff id (people with none have no points yet). */
  totals: ReadonlyMap<string, Pick<PersonQuarterTotals, 'provisional' | 'final' | 'accepted' | 'lastSaleAt'>>
  /** Last quarter's bottom five by role (staff ids), for the 退出机制 warning. */
  previousBottomFive: ReadonlyMap<string, ReadonlySet<string>>
  rules: Pick<CounterRules, 'payBands' | 'performancePayPercent'>
}

export function quarterStandings(input: StandingsInput): RoleRanking[] {
  const active = input.staff.filter((s) => s.active === 1)
  return RANKED_ROLES.map((role) => {
    const people = active.filter((s) => s.roles.includes(role))
    const byId = new Map(people.map((s) => [s.id, s]))
    const entrants = people.map((s) => {
      const t = input.totals.get(s.id)
      return { staffId: s.id, staffNo: s.staffNo, role, finalPoints: t?.final ?? 0, acceptedProducts: t?.accepted ?? 0, lastSaleAt: t?.lastSaleAt ?? null }
    })
    const ranked = rankRole(entrants, role, input.previousBottomFive.get(role) ?? new Set())
    const standings = ranked.map((r): Standing => {
      const person = byId.get(r.staffId)
      return {
        ...r,
        name: person ? `${person.surname}${person.givenName}` : '',
        branchId: person?.branchId ?? null,
        provisionalPoints: input.totals.get(r.staffId)?.provisional ?? 0,
        standing: bandStanding(r.finalPoints, input.rules),
      }
    })
    return { role, standings }
  }).filter((r) => r.standings.length > 0)
}

/** The standings as a closed quarter keeps them. */
export function closedStandings(rankings: readonly RoleRanking[]): ClosedStanding[] {
  return rankings.flatMap((r) =>
    r.standings.map((s) => ({
      staffId: s.staffId,
      staffNo: s.staffNo,
      name: s.name,
      branchId: s.branchId,
      role: r.role,
      finalPoints: s.finalPoints,
      provisionalPoints: s.provisionalPoints,
      acceptedProducts: s.acceptedProducts,
      rank: s.rank,
      rewarded: s.rewarded ? 1 : 0,
      bottomFive: s.bottomFive ? 1 : 0,
      exitWarning: s.exitWarning ? 1 : 0,
      band: s.standing.band,
    })),
  )
}

/** Each role's bottom five from a closed quarter's kept standings. */
export function bottomFiveByRole(standings: readonly Pick<ClosedStanding, 'role' | 'staffId' | 'bottomFive'>[]): Map<string, Set<string>> {
  const byRole = new Map<string, Set<string>>()
  for (const s of standings) {
    if (s.bottomFive !== 1) continue
    byRole.set(s.role, (byRole.get(s.role) ?? new Set()).add(s.staffId))
  }
  return byRole
}
