import type { TemplateItem } from '@/domain/model/records'
import type { TemplateContent } from '@/domain/inspection/scoring'
import type { ItemAnswer, Occurrence } from '@/domain/inspection/scoring'

export const perItem = (code: string, max: number, perOccurrence: number, more: Partial<TemplateItem> = {}): TemplateItem => ({
  code,
  text: code,
  max,
  rule: 'PER',
  perOccurrence,
  allowNotApplicable: false,
  photoRequired: false,
  ...more,
})
export const allItem = (code: string, max: number, more: Partial<TemplateItem> = {}): TemplateItem => ({
  code,
  text: code,
  max,
  rule: 'ALL',
  allowNotApplicable: false,
  photoRequired: false,
  ...more,
})
export const gradeItem = (code: string, points: number[], more: Partial<TemplateItem> = {}): TemplateItem => ({
  code,
  text: code,
  max: points[0] ?? 0,
  rule: 'GRADE',
  levels: points.map((p, i) => ({ label: `L${i}`, points: p })),
  allowNotApplicable: false,
  photoRequired: false,
  ...more,
})

export const BANDS: TemplateContent['gradeBands'] = [
  { grade: 'excellent', minScore: 95 },
  { grade: 'good', minScore: 85 },
  { grade: 'pass', minScore: 70 },
  { grade: 'fail', minScore: 0 },
]

export const templateOf = (...sections: TemplateItem[][]): TemplateContent => ({
  sections: sections.map((items, i) => ({ code: String.fromCharCode(65 + i), title: `S${i}`, items })),
  vetoes: [
    { code: 'V1', text: 'quarrel', level: 'visit' },
    { code: 'V6', text: 'media', level: 'period' },
  ],
  gradeBands: BANDS,
})

export const occurrence = (staffNo: string | null = null, photoIds: string[] = []): Occurrence => ({ staffNo, note: '', photoIds })
export const pass: ItemAnswer = { kind: 'pass', note: '' }
export const na: ItemAnswer = { kind: 'not_applicable', note: '' }
export const deduct = (...occurrences: Occurrence[]): ItemAnswer => ({ kind: 'deduct', occurrences, fixedOnSpot: false, note: '' })
export const times = (n: number, staffNo: string | null = null): ItemAnswer => deduct(...Array.from({ length: n }, () => occurrence(staffNo)))
export const level = (levelIndex: number, ...occurrences: Occurrence[]): ItemAnswer => ({ kind: 'level', levelIndex, occurrences, fixedOnSpot: false, note: '' })
