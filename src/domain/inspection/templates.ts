/**
 * Score-sheet templates: checking one before it is saved, and versioning. Every inspection keeps
 * the template version it was scored with, so a template any inspection used (a draft included:
 * its items must not change under the inspector's fingers) is never edited in place — the edit
 * becomes the next version, and the version in use stays as it was (the caller marks it
 * inactive). A template nobody used yet is edited in place.
 */
import type { NewRecord } from '../model/base'
import type { InspectionTemplate } from '../model/records'
import { GRADES } from './grades'
import { roundScore, templateItems, type TemplateContent } from './scoring'

export type TemplateProblemCode =
  | 'no_items'
  | 'empty_section'
  | 'duplicate_section_code'
  | 'duplicate_item_code'
  | 'duplicate_veto_code'
  | 'negative_max'
  | 'per_needs_points'
  | 'grade_needs_levels'
  | 'level_out_of_range'
  | 'levels_not_best_first'
  | 'best_level_not_max'
  | 'band_out_of_range'
  | 'bands_not_descending'
  | 'no_band_from_zero'

export interface TemplateProblem {
  code: TemplateProblemCode
  /** The section, item or veto code concerned; 'gradeBands' for the bands; '' for the whole. */
  at: string
}

export interface TemplateCheck {
  problems: TemplateProblem[]
  /** The sum of the items' max: the default sheet's is 100; any other total is shown, not refused (scores are rescaled to 100). */
  totalMax: number
  itemCount: number
}

function duplicates(codes: string[]): string[] {
  return [...new Set(codes.filter((code, i) => codes.indexOf(code) !== i))]
}

function itemProblems(item: TemplateContent['sections'][number]['items'][number]): TemplateProblemCode[] {
  const problems: TemplateProblemCode[] = []
  if (item.max < 0) problems.push('negative_max')
  if (item.rule === 'PER' && !((item.perOccurrence ?? 0) > 0)) problems.push('per_needs_points')
  if (item.rule === 'GRADE') {
    const points = (item.levels ?? []).map((level) => level.points)
    if (points.length < 2) problems.push('grade_needs_levels')
    else {
      if (points.some((p) => p < 0 || p > item.max)) problems.push('level_out_of_range')
      if (points.some((p, i) => i > 0 && p >= (points[i - 1] ?? 0))) problems.push('levels_not_best_first')
      // The best level keeps the whole item: otherwise the item could never be passed in full.
      if (points[0] !== item.max) problems.push('best_level_not_max')
    }
  }
  return problems
}

function bandProblems(bands: TemplateContent['gradeBands']): TemplateProblemCode[] {
  const problems: TemplateProblemCode[] = []
  if (bands.some((band) => band.minScore < 0 || band.minScore > 100)) problems.push('band_out_of_range')
  const inGradeOrder = bands.every((band, i) => i === 0 || GRADES.indexOf(band.grade) > GRADES.indexOf(bands[i - 1]?.grade ?? 'excellent'))
  const descending = bands.every((band, i) => i === 0 || band.minScore < (bands[i - 1]?.minScore ?? 0))
  if (!inGradeOrder || !descending) problems.push('bands_not_descending')
  // Every score must fall in a band.
  if (bands.at(-1)?.minScore !== 0) problems.push('no_band_from_zero')
  return problems
}

export function checkTemplate(template: TemplateContent): TemplateCheck {
  const items = templateItems(template).map(({ item }) => item)
  const problems: TemplateProblem[] = []
  const add = (codes: TemplateProblemCode[], at: string) => problems.push(...codes.map((code) => ({ code, at })))

  if (items.length === 0) add(['no_items'], '')
  for (const section of template.sections) if (section.items.length === 0) add(['empty_section'], section.code)
  for (const code of duplicates(template.sections.map((s) => s.code))) add(['duplicate_section_code'], code)
  for (const code of duplicates(items.map((i) => i.code))) add(['duplicate_item_code'], code)
  for (const code of duplicates(template.vetoes.map((v) => v.code))) add(['duplicate_veto_code'], code)
  for (const item of items) add(itemProblems(item), item.code)
  add(bandProblems(template.gradeBands), 'gradeBands')

  return { problems, totalMax: roundScore(items.reduce((sum, item) => sum + item.max, 0)), itemCount: items.length }
}

/** Whether any inspection, a draft included, was scored with this template version. */
export function isTemplateInUse(templateId: string, inspections: readonly { templateId: string }[]): boolean {
  return inspections.some((inspection) => inspection.templateId === templateId)
}

type EditableTemplate = NewRecord<InspectionTemplate> | InspectionTemplate
type TemplateEdits = Pick<InspectionTemplate, 'name' | 'sections' | 'vetoes' | 'gradeBands'>

export type TemplateEdit<T extends EditableTemplate> =
  | { kind: 'unchanged' }
  | { kind: 'in_place'; template: T }
  | { kind: 'new_version'; template: NewRecord<InspectionTemplate> }

/** JSON with its keys sorted, so that two equal contents compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  )
}

/**
 * What saving `edits` to `current` does. `versions` are the version numbers of every template
 * with the same code (a new version takes the next after the highest, so numbers never repeat).
 */
export function planTemplateEdit<T extends EditableTemplate>(current: T, edits: TemplateEdits, inUse: boolean, versions: readonly number[]): TemplateEdit<T> {
  const content = { name: edits.name, sections: edits.sections, vetoes: edits.vetoes, gradeBands: edits.gradeBands }
  if (canonical(content) === canonical({ name: current.name, sections: current.sections, vetoes: current.vetoes, gradeBands: current.gradeBands })) return { kind: 'unchanged' }
  if (!inUse) return { kind: 'in_place', template: { ...current, ...content } }
  const version = Math.max(current.version, ...versions) + 1
  return { kind: 'new_version', template: { code: current.code, version, ...content, active: 1 } }
}
