/**
 * Staff-level deductions for the staff's post evaluation (与员工的岗位挂钩): every occurrence that
 * names a staff number counts against that person. Their points on an item of a visit are what
 * the item would have lost had only their occurrences been found — PER capped at the item's max,
 * ALL the whole max, GRADE the level's loss — so one person's figure never depends on colleagues
 * named beside them (the persons' points may therefore add up to more than the branch lost).
 *
 * Pass the visits that count (submitted or acknowledged, amendments resolved: `effectiveVisits`).
 */
import type { BusinessDate } from '../time'
import { answerProblem, deductionFor, roundScore, templateItems, type Answers, type TemplateContent } from './scoring'

export interface TalliedVisit {
  date: BusinessDate
  template: Pick<TemplateContent, 'sections'>
  answers: Answers
}

export interface StaffTally {
  staffNo: string
  occurrences: number
  points: number
  /** Item codes they were named on, each once, sorted. */
  itemCodes: string[]
}

/** Per staff number, from `from` to `to` (both included); most points first, then staff number. */
export function staffTally(visits: readonly TalliedVisit[], from: BusinessDate, to: BusinessDate): StaffTally[] {
  const byStaff: Record<string, StaffTally> = {}
  for (const visit of visits) {
    if (visit.date < from || visit.date > to) continue
    for (const { item } of templateItems(visit.template)) {
      const answer = visit.answers[item.code]
      if (!answer || (answer.kind !== 'deduct' && answer.kind !== 'level') || answerProblem(item, answer)) continue
      for (const staffNo of new Set(answer.occurrences.map((o) => o.staffNo))) {
        if (!staffNo) continue
        const theirs = answer.occurrences.filter((o) => o.staffNo === staffNo)
        const tally = (byStaff[staffNo] ??= { staffNo, occurrences: 0, points: 0, itemCodes: [] })
        tally.occurrences += theirs.length
        tally.points = roundScore(tally.points + deductionFor(item, { ...answer, occurrences: theirs }))
        if (!tally.itemCodes.includes(item.code)) tally.itemCodes.push(item.code)
      }
    }
  }
  return Object.values(byStaff)
    .map((t) => ({ ...t, itemCodes: [...t.itemCodes].sort() }))
    .sort((a, b) => b.points - a.points || b.occurrences - a.occurrences || (a.staffNo < b.staffNo ? -1 : 1))
}
