/**
 * 一票否决 (inspection-template.md, section 3). A veto is confirmed only with a written finding and
 * at least one piece of evidence (a photo or a witness). A visit-level veto is recorded on a visit
 * and makes it 不合格; a period-level veto (such as a verified complaint that reached the media) is
 * entered by the supervision team against a branch and a quarter. A branch with any confirmed veto
 * in a quarter, of either level, is ineligible for that quarter's red flag.
 *
 * A veto marked but not yet confirmed does not count; it blocks the visit's submission until it is
 * completed or removed (`vetoProblems`).
 */
import type { BusinessDate } from '../time'
import type { TemplateContent } from './scoring'
import { quarterOf, type QuarterKey } from '../quarters'

export type VetoLevel = TemplateContent['vetoes'][number]['level']

export interface VetoFinding {
  /** The template's veto code (V1…). */
  vetoCode: string
  finding: string
  photoIds: string[]
  witnesses: string[]
}

/** Entered by the supervision team against a branch and a quarter. */
export interface PeriodVeto extends VetoFinding {
  branchId: string
  quarter: QuarterKey
  enteredBy: string
}

export type VetoProblem = 'unknown_veto' | 'wrong_level' | 'finding_required' | 'evidence_required'

/** What keeps a veto from being confirmed, for a visit (`level` 'visit') or a period entry. */
export function vetoProblems(veto: VetoFinding, template: Pick<TemplateContent, 'vetoes'>, level: VetoLevel): VetoProblem[] {
  const defined = template.vetoes.find((v) => v.code === veto.vetoCode)
  const problems: VetoProblem[] = []
  if (!defined) problems.push('unknown_veto')
  else if (defined.level !== level) problems.push('wrong_level')
  if (veto.finding.trim() === '') problems.push('finding_required')
  if (veto.photoIds.length === 0 && !veto.witnesses.some((w) => w.trim() !== '')) problems.push('evidence_required')
  return problems
}

export function isConfirmedVeto(veto: VetoFinding, template: Pick<TemplateContent, 'vetoes'>, level: VetoLevel): boolean {
  return vetoProblems(veto, template, level).length === 0
}

export function confirmedVisitVetoes(vetoes: readonly VetoFinding[], template: Pick<TemplateContent, 'vetoes'>): VetoFinding[] {
  return vetoes.filter((veto) => isConfirmedVeto(veto, template, 'visit'))
}

/** A visit as the red-flag rule sees it: its branch, date and confirmed visit vetoes. */
export interface VetoedVisit {
  branchId: string
  date: BusinessDate
  confirmedVetoes: number
}

/**
 * Confirmed vetoes per branch in a quarter (visit and period together), for the branches that
 * have any: these branches cannot hold the red flag that quarter. Period vetoes are counted as
 * given (the caller passes the confirmed ones; `isConfirmedVeto(…, 'period')` decides).
 */
export function vetoesInQuarter(quarter: QuarterKey, visits: readonly VetoedVisit[], periodVetoes: readonly PeriodVeto[]): Record<string, number> {
  const counts: Record<string, number> = {}
  const add = (branchId: string, n: number) => {
    if (n > 0) counts[branchId] = (counts[branchId] ?? 0) + n
  }
  for (const visit of visits) if (quarterOf(visit.date) === quarter) add(visit.branchId, visit.confirmedVetoes)
  for (const veto of periodVetoes) if (veto.quarter === quarter) add(veto.branchId, 1)
  return counts
}
