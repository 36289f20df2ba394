/**
 * Grades from the template's bands (inspection-template.md, section 4): a score takes the highest
 * band whose minimum it reaches (≥ 95 优秀, 85–<95 良好, 70–<85 合格, below 不合格 by default),
 * compared at full precision (94.99 is 良好). A score below every band is 不合格. Any confirmed
 * visit veto makes the visit 不合格 whatever its points; the score is kept for information
 * (评级锁定).
 */
import type { TemplateContent } from './scoring'

export type GradeBands = TemplateContent['gradeBands']
export type Grade = GradeBands[number]['grade']

/** Best first. */
export const GRADES = ['excellent', 'good', 'pass', 'fail'] as const satisfies readonly Grade[]

export function gradeOf(score: number, bands: GradeBands): Grade {
  const reached = bands.filter((band) => score >= band.minScore).sort((a, b) => b.minScore - a.minScore)
  return reached[0]?.grade ?? 'fail'
}

export interface VisitGrade {
  grade: Grade
  /** What the points alone would have given: shown beside a veto's 不合格. */
  gradeByPoints: Grade
  vetoed: boolean
}

export function visitGrade(score: number, bands: GradeBands, confirmedVisitVetoes: number): VisitGrade {
  const gradeByPoints = gradeOf(score, bands)
  const vetoed = confirmedVisitVetoes > 0
  return { grade: vetoed ? 'fail' : gradeByPoints, gradeByPoints, vetoed }
}
