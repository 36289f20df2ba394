/**
 * The most-deducted items across branches (where training is needed): per item code, how many
 * visits lost points on it, at how many branches, and the points lost in all. Items are matched
 * by code across template versions. Pass the visits that count (`effectiveVisits`).
 */
import { roundScore, scoreVisit, type Answers, type TemplateContent } from './scoring'

export interface ItemVisit {
  branchId: string
  template: Pick<TemplateContent, 'sections'>
  answers: Answers
}

export interface ItemTally {
  itemCode: string
  visits: number
  branches: number
  points: number
}

/** Most points lost first, then most visits, then the item code. */
export function mostDeductedItems(visits: readonly ItemVisit[]): ItemTally[] {
  const tallies: Record<string, ItemTally & { branchIds: string[] }> = {}
  for (const visit of visits) {
    for (const item of scoreVisit(visit.template, visit.answers).items) {
      if (item.deducted === 0) continue
      const tally = (tallies[item.code] ??= { itemCode: item.code, visits: 0, branches: 0, points: 0, branchIds: [] })
      tally.visits += 1
      tally.points = roundScore(tally.points + item.deducted)
      if (!tally.branchIds.includes(visit.branchId)) tally.branchIds.push(visit.branchId)
    }
  }
  return Object.values(tallies)
    .map(({ branchIds, ...tally }) => ({ ...tally, branches: branchIds.length }))
    .sort((a, b) => b.points - a.points || b.visits - a.visits || (a.itemCode < b.itemCode ? -1 : 1))
}
