import { describe, expect, it } from 'vitest'
import { DEFAULT_INSPECTION_TEMPLATE } from '@/domain/inspection/defaultTemplate'
import { blankFields, nextCode, nextSectionCode, withRule } from '@/domain/inspection/templateEditing'
import { allItem, gradeItem, perItem, templateOf } from './fixtures'

const LEVELS = ['满意', '基本满意', '不满意'] as const

describe('editing a score sheet', () => {
  it('the default sheet leaves nothing blank', () => {
    expect(blankFields(DEFAULT_INSPECTION_TEMPLATE)).toEqual([])
  })

  it('names every blank field by where it is, spaces counting as blank', () => {
    const untitled = { ...templateOf([perItem('A1', 3, 1), allItem('A2', 2, { text: '  ' })], [gradeItem('', [3, 0], { text: '客户访谈' })]), name: ' ' }
    const [environment, feedback] = untitled.sections
    const sheet = {
      ...untitled,
      sections: [environment!, { ...feedback!, title: '', items: feedback!.items.map((item) => ({ ...item, levels: [{ label: '满意', points: 3 }, { label: '', points: 0 }] })) }],
      vetoes: [{ code: 'V1', text: '', level: 'visit' as const }],
    }
    expect(blankFields(sheet)).toEqual([
      { field: 'name', at: '' },
      { field: 'item_text', at: 's0.i1' },
      { field: 'section_title', at: 's1' },
      { field: 'item_code', at: 's1.i0' },
      { field: 'level_label', at: 's1.i0' },
      { field: 'veto_text', at: 'v0' },
    ])
  })

  it('a new item takes the number after the highest of its section, never one in use', () => {
    expect(nextCode('A', ['A1', 'A2', 'A7', 'B9'])).toBe('A8')
    expect(nextCode('D', ['D1', 'D10'])).toBe('D11')
    expect(nextCode('C', [])).toBe('C1')
    expect(nextCode('V', ['V1', 'V6'])).toBe('V7')
  })

  it('a new section takes the first free letter, then S-numbers once the alphabet is used', () => {
    expect(nextSectionCode(['A', 'B', 'D'])).toBe('C')
    expect(nextSectionCode([...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'])).toBe('S1')
  })

  it('switching the rule keeps only what the new rule reads', () => {
    const per = perItem('A1', 3, 0.5)
    expect(withRule(per, 'ALL', LEVELS)).toEqual({ ...allItem('A1', 3), photoRequired: per.photoRequired, allowNotApplicable: per.allowNotApplicable })
    expect(withRule(allItem('A2', 2), 'PER', LEVELS)).toMatchObject({ rule: 'PER', perOccurrence: 1 })
    expect(withRule(per, 'PER', LEVELS).perOccurrence).toBe(0.5)
    const graded = withRule(allItem('H3', 3), 'GRADE', LEVELS)
    expect(graded).toMatchObject({ rule: 'GRADE', levels: [{ label: '满意', points: 3 }, { label: '基本满意', points: 1.5 }, { label: '不满意', points: 0 }] })
    expect(graded).not.toHaveProperty('perOccurrence')
  })
})
