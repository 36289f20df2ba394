import { describe, expect, it } from 'vitest'
import { DEFAULT_INSPECTION_TEMPLATE } from '@/domain/inspection/defaultTemplate'
import { checkTemplate, isTemplateInUse, planTemplateEdit } from '@/domain/inspection/templates'
import type { TemplateContent } from '@/domain/inspection/scoring'
import { allItem, BANDS, gradeItem, perItem, templateOf } from './fixtures'

const problems = (template: TemplateContent) => checkTemplate(template).problems.map((p) => [p.code, p.at])

describe('checking a template', () => {
  it('the default sheet has no problem, 42 items and 100 points', () => {
    expect(checkTemplate(DEFAULT_INSPECTION_TEMPLATE)).toEqual({ problems: [], totalMax: 100, itemCount: 42 })
  })

  it('reports a total other than 100 without refusing it', () => {
    expect(checkTemplate(templateOf([perItem('A1', 3, 1), allItem('A2', 2.5)]))).toEqual({ problems: [], totalMax: 5.5, itemCount: 2 })
  })

  it('section, item and veto codes are unique', () => {
    const template = templateOf([perItem('A1', 1, 1), perItem('A2', 1, 1)], [perItem('A1', 1, 1)])
    template.sections[1] = { ...template.sections[1]!, code: 'A' }
    template.vetoes.push({ code: 'V1', text: 'again', level: 'visit' })
    expect(problems(template)).toEqual([
      ['duplicate_section_code', 'A'],
      ['duplicate_item_code', 'A1'],
      ['duplicate_veto_code', 'V1'],
    ])
  })

  it('a template needs items, and a section at least one', () => {
    expect(problems(templateOf([]))).toEqual([
      ['no_items', ''],
      ['empty_section', 'A'],
    ])
  })

  it('max is at least 0 and a PER item deducts more than 0 per occurrence', () => {
    expect(problems(templateOf([allItem('A1', -1), perItem('A2', 2, 0), perItem('A3', 2, 1, { perOccurrence: undefined })]))).toEqual([
      ['negative_max', 'A1'],
      ['per_needs_points', 'A2'],
      ['per_needs_points', 'A3'],
    ])
  })

  it('a GRADE item has at least two levels, best first, the best keeping the max, none above it or below 0', () => {
    expect(problems(templateOf([gradeItem('H1', [3])]))).toEqual([['grade_needs_levels', 'H1']])
    expect(problems(templateOf([gradeItem('H2', [1.5, 3, 0], { max: 3 })]))).toEqual([
      ['levels_not_best_first', 'H2'],
      ['best_level_not_max', 'H2'],
    ])
    expect(problems(templateOf([gradeItem('H3', [4, 1, -1], { max: 3 })]))).toEqual([
      ['level_out_of_range', 'H3'],
      ['best_level_not_max', 'H3'],
    ])
  })

  it('grade bands run from the best grade down, within 0–100, the last from 0', () => {
    const withBands = (gradeBands: TemplateContent['gradeBands']) => problems({ ...templateOf([allItem('A1', 1)]), gradeBands })
    expect(withBands(BANDS)).toEqual([])
    expect(withBands([...BANDS].reverse())).toEqual([
      ['bands_not_descending', 'gradeBands'],
      ['no_band_from_zero', 'gradeBands'],
    ])
    expect(withBands([{ grade: 'excellent', minScore: 101 }, { grade: 'fail', minScore: 0 }])).toEqual([['band_out_of_range', 'gradeBands']])
    expect(withBands([{ grade: 'excellent', minScore: 90 }, { grade: 'pass', minScore: 60 }])).toEqual([['no_band_from_zero', 'gradeBands']])
    expect(withBands([{ grade: 'excellent', minScore: 90 }, { grade: 'good', minScore: 90 }, { grade: 'fail', minScore: 0 }])).toEqual([['bands_not_descending', 'gradeBands']])
  })
})

describe('editing a template', () => {
  const current = DEFAULT_INSPECTION_TEMPLATE
  const edits = { name: current.name, sections: current.sections, vetoes: current.vetoes, gradeBands: [{ grade: 'excellent' as const, minScore: 96 }, ...current.gradeBands.slice(1)] }

  it('a template any inspection used becomes a new version: the next number after every version of its code, active', () => {
    const edit = planTemplateEdit(current, edits, true, [1, 2])
    expect(edit.kind).toBe('new_version')
    if (edit.kind === 'new_version') expect(edit.template).toMatchObject({ code: 'WINDOW_SERVICE', version: 3, active: 1, gradeBands: edits.gradeBands })
  })

  it('a template nobody used is edited in place, keeping its version', () => {
    const edit = planTemplateEdit(current, edits, false, [1])
    expect(edit).toEqual({ kind: 'in_place', template: { ...current, gradeBands: edits.gradeBands } })
  })

  it('saving the same content changes nothing, whatever the key order', () => {
    const reordered = { gradeBands: current.gradeBands.map((b) => ({ minScore: b.minScore, grade: b.grade })), vetoes: current.vetoes, sections: current.sections, name: current.name }
    expect(planTemplateEdit(current, reordered, true, [1])).toEqual({ kind: 'unchanged' })
  })

  it('a template is in use once any inspection, a draft included, names it', () => {
    expect(isTemplateInUse('t1', [{ templateId: 't2' }, { templateId: 't1' }])).toBe(true)
    expect(isTemplateInUse('t1', [{ templateId: 't2' }])).toBe(false)
  })
})
