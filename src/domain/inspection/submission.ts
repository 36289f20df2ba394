/**
 * Submitting a visit: what still stands in the way ("unanswered items are listed before
 * submission"), and the figures the submitted inspection keeps (its score, grade and vetoes as
 * scored with its template version, so a later template never changes them).
 */
import { visitGrade, type Grade } from './grades'
import { missingPhotos, scoreVisit, type Answers, type TemplateContent } from './scoring'
import { confirmedVisitVetoes, vetoProblems, type VetoFinding } from './vetoes'

export interface SubmissionBlockers {
  /** Item codes in template order. */
  unanswered: string[]
  missingPhotos: string[]
  /** Veto codes marked on the visit but not confirmed (a finding and evidence), to complete or remove. */
  incompleteVetoes: string[]
}

export function submissionBlockers(template: TemplateContent, answers: Answers, vetoes: readonly VetoFinding[]): SubmissionBlockers {
  return {
    unanswered: scoreVisit(template, answers).unanswered,
    missingPhotos: missingPhotos(template, answers),
    incompleteVetoes: vetoes.filter((veto) => vetoProblems(veto, template, 'visit').length > 0).map((veto) => veto.vetoCode),
  }
}

export function canSubmit(blockers: SubmissionBlockers): boolean {
  return blockers.unanswered.length === 0 && blockers.missingPhotos.length === 0 && blockers.incompleteVetoes.length === 0
}

/** The figures a submitted inspection keeps. */
export interface VisitSummary {
  earned: number
  applicableMax: number
  normalised: number
  grade: Grade
  gradeByPoints: Grade
  confirmedVetoes: number
  answeredCount: number
  itemCount: number
}

/** The visit's figures — the running ones while it is scored, its final ones once nothing blocks it. */
export function visitSummary(template: TemplateContent, answers: Answers, vetoes: readonly VetoFinding[]): VisitSummary {
  const score = scoreVisit(template, answers)
  const confirmedVetoes = confirmedVisitVetoes(vetoes, template).length
  const { grade, gradeByPoints } = visitGrade(score.normalised, template.gradeBands, confirmedVetoes)
  return {
    earned: score.earned,
    applicableMax: score.applicableMax,
    normalised: score.normalised,
    grade,
    gradeByPoints,
    confirmedVetoes,
    answeredCount: score.answeredCount,
    itemCount: score.itemCount,
  }
}
