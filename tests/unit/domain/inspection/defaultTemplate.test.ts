import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { DEFAULT_INSPECTION_TEMPLATE } from '@/domain/inspection/defaultTemplate'
import { InspectionTemplate, TemplateItem } from '@/domain/model/records'

const items = DEFAULT_INSPECTION_TEMPLATE.sections.flatMap((section) => section.items)
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)

describe('the default 窗口服务检查计分表', () => {
  it('has 8 sections and 42 items worth 100 points, as the sheet says', () => {
    expect(DEFAULT_INSPECTION_TEMPLATE.sections).toHaveLength(8)
    expect(items).toHaveLength(42)
    expect(sum(items.map((item) => item.max))).toBe(100)
  })

  it('has the section totals of the sheet', () => {
    const totals = DEFAULT_INSPECTION_TEMPLATE.sections.map((section) => [section.code, sum(section.items.map((item) => item.max))])
    expect(totals).toEqual([['A', 16], ['B', 10], ['C', 12], ['D', 24], ['E', 12], ['F', 8], ['G', 10], ['H', 8]])
  })

  it('has unique item codes', () => {
    expect(new Set(items.map((item) => item.code)).size).toBe(items.length)
  })

  it('every item validates and carries what its rule needs', () => {
    for (const item of items) {
      expect(v.safeParse(TemplateItem, item).success, item.code).toBe(true)
      if (item.rule === 'PER') expect(item.perOccurrence, item.code).toBeGreaterThan(0)
      if (item.rule === 'GRADE') expect(item.levels?.[0]?.points, item.code).toBe(item.max)
    }
  })

  it('allows N/A and requires photos exactly where the sheet marks them', () => {
    expect(items.filter((item) => item.allowNotApplicable).map((item) => item.code)).toEqual(['A3', 'B2', 'D5', 'E5', 'F2', 'G4', 'H2'])
    expect(items.filter((item) => item.photoRequired).map((item) => item.code)).toEqual(['A1', 'A2', 'A3', 'A4', 'B2', 'B4'])
  })

  it('lists five visit vetoes and one period veto', () => {
    expect(DEFAULT_INSPECTION_TEMPLATE.vetoes.map((veto) => veto.level)).toEqual(['visit', 'visit', 'visit', 'visit', 'visit', 'period'])
  })

  it('grades 95 / 85 / 70', () => {
    expect(DEFAULT_INSPECTION_TEMPLATE.gradeBands).toEqual([
      { grade: 'excellent', minScore: 95 },
      { grade: 'good', minScore: 85 },
      { grade: 'pass', minScore: 70 },
      { grade: 'fail', minScore: 0 },
    ])
  })

  it('validates as a stored template', () => {
    const stored = { ...DEFAULT_INSPECTION_TEMPLATE, id: crypto.randomUUID(), createdAt: 0, updatedAt: 0, deviceId: 'test', hlc: '0000000000000-0000-test', deleted: 0 }
    expect(v.safeParse(InspectionTemplate, stored).success).toBe(true)
  })

  it('reads in English too: every section, item, level and veto has its English words', () => {
    const missing = [
      ...DEFAULT_INSPECTION_TEMPLATE.sections.filter((s) => !s.titleEn).map((s) => s.code),
      ...DEFAULT_INSPECTION_TEMPLATE.sections.flatMap((s) => s.items).filter((i) => !i.textEn || i.levels?.some((l) => !l.labelEn)).map((i) => i.code),
      ...DEFAULT_INSPECTION_TEMPLATE.vetoes.filter((veto) => !veto.textEn).map((veto) => veto.code),
    ]
    expect(missing).toEqual([])
  })
})
