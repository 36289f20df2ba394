/**
 * Scoring one visit with a template (inspection-template.md, section 1).
 *
 * - PER: each occurrence costs `perOccurrence`, never more than the item's max in all.
 * - ALL: any failure loses the whole max.
 * - GRADE: the level observed keeps its points.
 * - N/A (only where the item allows it) takes the item out of the maximum:
 *   normalised = earned / applicable max × 100.
 *
 * The running total: a deduction sheet starts full and only loses, so an item not yet answered
 * counts at its full points. The running score is therefore the best the visit can still reach,
 * and once every item is answered it is the visit's score; the screen shows "已检 x/42 项" beside it.
 *
 * Precision: scores keep full precision except binary floating-point noise (0.1 × 3 is
 * 0.30000000000000004), which `roundScore` removes by rounding to a millionth. They are shown
 * with one decimal, truncated (`formatScore`), so that the figure shown never reaches a grade
 * band the visit did not reach (94.97 shows 94.9 and is 良好, never "95.0 良好").
 *
 * Every shape here is plain JSON, to be stored in the inspection record.
 */
import type { InspectionTemplate, TemplateItem } from '../model/records'

/** What scoring and the other rules need of a template (a stored one or the default's NewRecord). */
export type TemplateContent = Pick<InspectionTemplate, 'sections' | 'vetoes' | 'gradeBands'>

/** One failure found on an item: who it concerns (工号, optional), a note and its photos. */
export interface Occurrence {
  staffNo: string | null
  note: string
  photoIds: string[]
}

/**
 * The inspector's answer to one item. An item with no answer is unanswered.
 * - `deduct` (PER and ALL): at least one occurrence; PER counts them, ALL needs one.
 * - `level` (GRADE): the index of the level observed in the item's levels, 0 the best; occurrences
 *   (optional) carry whom and what the lower level concerns, with photos.
 * - `fixedOnSpot` (当场整改): the branch put it right in front of the inspector; its corrective
 *   action closes at once.
 */
export type ItemAnswer =
  | { kind: 'pass'; note: string }
  | { kind: 'not_applicable'; note: string }
  | { kind: 'deduct'; occurrences: Occurrence[]; fixedOnSpot: boolean; note: string }
  | { kind: 'level'; levelIndex: number; occurrences: Occurrence[]; fixedOnSpot: boolean; note: string }

/** Answers keyed by item code. */
export type Answers = Partial<Record<string, ItemAnswer>>

export type AnswerProblem = 'not_applicable_not_allowed' | 'deduct_needs_occurrence' | 'wrong_kind_for_rule' | 'unknown_level'

export interface ItemScore {
  code: string
  sectionCode: string
  max: number
  /** Answered and fitting the item. */
  answered: boolean
  notApplicable: boolean
  /** Points lost (0 when unanswered or N/A). */
  deducted: number
  /** Points kept: max − deducted, 0 when N/A. */
  earned: number
  problem: AnswerProblem | null
}

export interface SectionScore {
  code: string
  max: number
  applicableMax: number
  earned: number
  deducted: number
  answeredCount: number
  itemCount: number
}

export interface VisitScore {
  /** Points kept on applicable items, unanswered ones at full points. */
  earned: number
  deducted: number
  applicableMax: number
  /** earned / applicableMax × 100; 100 when nothing is applicable (nothing could be lost). */
  normalised: number
  /** "已检 x/y 项": answered (N/A included) of all items. */
  answeredCount: number
  itemCount: number
  /** Item codes without a valid answer, in template order (listed before submission). */
  unanswered: string[]
  sections: SectionScore[]
  items: ItemScore[]
}

/** Removes binary floating-point noise: rounds to a millionth of a point. */
export function roundScore(value: number): number {
  return Math.round(value * 1e6) / 1e6
}

/** A score as shown: one decimal, truncated so it never shows a band the score did not reach. */
export function formatScore(score: number): string {
  return (Math.floor(roundScore(score) * 10) / 10).toFixed(1)
}

export function templateItems(template: Pick<TemplateContent, 'sections'>): { item: TemplateItem; sectionCode: string }[] {
  return template.sections.flatMap((section) => section.items.map((item) => ({ item, sectionCode: section.code })))
}

/** Why an answer does not fit its item, or null when it does. */
export function answerProblem(item: TemplateItem, answer: ItemAnswer): AnswerProblem | null {
  switch (answer.kind) {
    case 'pass':
      return null
    case 'not_applicable':
      return item.allowNotApplicable ? null : 'not_applicable_not_allowed'
    case 'deduct':
      if (item.rule === 'GRADE') return 'wrong_kind_for_rule'
      return answer.occurrences.length > 0 ? null : 'deduct_needs_occurrence'
    case 'level':
      if (item.rule !== 'GRADE') return 'wrong_kind_for_rule'
      return answer.levelIndex >= 0 && answer.levelIndex < (item.levels?.length ?? 0) ? null : 'unknown_level'
  }
}

/** Points an answer loses on its item (an answer that fits; pass and N/A lose nothing). */
export function deductionFor(item: TemplateItem, answer: ItemAnswer): number {
  if (answer.kind === 'deduct') {
    if (item.rule === 'ALL') return item.max
    return roundScore(Math.min(item.max, answer.occurrences.length * (item.perOccurrence ?? 0)))
  }
  if (answer.kind === 'level') return roundScore(item.max - (item.levels?.[answer.levelIndex]?.points ?? 0))
  return 0
}

function scoreItem(item: TemplateItem, sectionCode: string, answer: ItemAnswer | undefined): ItemScore {
  const problem = answer ? answerProblem(item, answer) : null
  const valid = answer !== undefined && problem === null
  const notApplicable = valid && answer.kind === 'not_applicable'
  const deducted = valid ? deductionFor(item, answer) : 0
  return { code: item.code, sectionCode, max: item.max, answered: valid, notApplicable, deducted, earned: notApplicable ? 0 : roundScore(item.max - deducted), problem }
}

const sum = (values: number[]): number => roundScore(values.reduce((a, b) => a + b, 0))

function totals(items: ItemScore[]): { max: number; applicableMax: number; earned: number; deducted: number; answeredCount: number } {
  return {
    max: sum(items.map((i) => i.max)),
    applicableMax: sum(items.filter((i) => !i.notApplicable).map((i) => i.max)),
    earned: sum(items.map((i) => i.earned)),
    deducted: sum(items.map((i) => i.deducted)),
    answeredCount: items.filter((i) => i.answered).length,
  }
}

/** The visit's score so far (the running total) — its final score once nothing is unanswered. */
export function scoreVisit(template: Pick<TemplateContent, 'sections'>, answers: Answers): VisitScore {
  const items = templateItems(template).map(({ item, sectionCode }) => scoreItem(item, sectionCode, answers[item.code]))
  const sections = template.sections.map((section) => {
    const own = items.filter((i) => i.sectionCode === section.code)
    return { code: section.code, ...totals(own), itemCount: own.length }
  })
  const all = totals(items)
  return {
    earned: all.earned,
    deducted: all.deducted,
    applicableMax: all.applicableMax,
    normalised: all.applicableMax === 0 ? 100 : roundScore((all.earned / all.applicableMax) * 100),
    answeredCount: all.answeredCount,
    itemCount: items.length,
    unanswered: items.filter((i) => !i.answered).map((i) => i.code),
    sections,
    items,
  }
}

/** Item codes, in template order, whose deduction lacks the photo the item requires. */
export function missingPhotos(template: Pick<TemplateContent, 'sections'>, answers: Answers): string[] {
  return templateItems(template)
    .filter(({ item }) => {
      const answer = answers[item.code]
      if (!item.photoRequired || !answer || (answer.kind !== 'deduct' && answer.kind !== 'level')) return false
      if (deductionFor(item, answer) === 0) return false
      return !answer.occurrences.some((o) => o.photoIds.length > 0)
    })
    .map(({ item }) => item.code)
}
