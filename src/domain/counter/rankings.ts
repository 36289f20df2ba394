/**
 * Quarter rankings within a role (DOMAIN.md, job 3): by final points, ties broken — in this order —
 * by more accepted products, then the earlier last sale (who got there first; nobody with no sale
 * beats a sale), then the lower staff number, so every place is distinct and the order never
 * depends on input order. The top three are marked for reward. The bottom five are the last five
 * places, but never a rewarded place (with fewer than eight people, fewer than five); someone in the
 * bottom five who was also in the bottom five the quarter before gets the 退出机制 warning.
 */
export const REWARDED_PLACES = 3
export const BOTTOM_PLACES = 5

export interface RankingEntrant {
  staffId: string
  staffNo: string
  role: string
  finalPoints: number
  acceptedProducts: number
  /** Time (ms) of the person's last sale in the quarter, null for none. */
  lastSaleAt: number | null
}

export interface RankedEntrant extends RankingEntrant {
  /** 1 for the first place; places are distinct. */
  rank: number
  rewarded: boolean
  bottomFive: boolean
  /** Bottom five this quarter and the quarter before (退出机制). */
  exitWarning: boolean
}

function compareEntrants(a: RankingEntrant, b: RankingEntrant): number {
  if (a.finalPoints !== b.finalPoints) return b.finalPoints - a.finalPoints
  if (a.acceptedProducts !== b.acceptedProducts) return b.acceptedProducts - a.acceptedProducts
  if (a.lastSaleAt !== b.lastSaleAt) {
    if (a.lastSaleAt === null) return 1
    if (b.lastSaleAt === null) return -1
    return a.lastSaleAt - b.lastSaleAt
  }
  return a.staffNo < b.staffNo ? -1 : a.staffNo > b.staffNo ? 1 : 0
}

/** Ranks one role's people; `previousBottomFive` holds the staff ids in last quarter's bottom five. */
export function rankRole(entrants: readonly RankingEntrant[], role: string, previousBottomFive: ReadonlySet<string>): RankedEntrant[] {
  const sorted = entrants.filter((e) => e.role === role).sort(compareEntrants)
  const bottomFrom = Math.max(REWARDED_PLACES, sorted.length - BOTTOM_PLACES)
  return sorted.map((e, index) => {
    const bottomFive = index >= bottomFrom
    return { ...e, rank: index + 1, rewarded: index < REWARDED_PLACES, bottomFive, exitWarning: bottomFive && previousBottomFive.has(e.staffId) }
  })
}

/** The staff ids in a ranking's bottom five, to carry to the next quarter. */
export function bottomFiveOf(ranking: readonly RankedEntrant[]): Set<string> {
  return new Set(ranking.filter((e) => e.bottomFive).map((e) => e.staffId))
}
