import { describe, expect, it } from 'vitest'
import { DEFAULT_INSPECTION_TEMPLATE } from '@/domain/inspection/defaultTemplate'
import { formatScore, missingPhotos, scoreVisit, templateItems, type Answers } from '@/domain/inspection/scoring'
import { allItem, deduct, gradeItem, level, na, occurrence, pass, perItem, templateOf, times } from './fixtures'

const allPass = (template: { sections: { items: { code: string }[] }[] }): Answers =>
  Object.fromEntries(template.sections.flatMap((s) => s.items).map((item) => [item.code, pass]))

describe('scoring a PER item', () => {
  const template = templateOf([perItem('A4', 2, 0.5), perItem('A1', 8, 1)])

  it('a PER item with 0.5 per occurrence and max 2 loses 0.5 for each occurrence', () => {
    expect(scoreVisit(template, { A4: times(3) }).items[0]?.deducted).toBe(1.5)
  })

  it('a PER item with 0.5 per occurrence and max 2 loses 2 after five occurrences, never more', () => {
    expect(scoreVisit(template, { A4: times(5) }).items[0]?.deducted).toBe(2)
    expect(scoreVisit(template, { A4: times(40) }).items[0]?.earned).toBe(0)
  })

  it('a deduction with no occurrence is not an answer', () => {
    const score = scoreVisit(template, { A4: deduct(), A1: pass })
    expect(score.items[0]?.problem).toBe('deduct_needs_occurrence')
    expect(score.unanswered).toEqual(['A4'])
  })
})

describe('scoring ALL and GRADE items', () => {
  const template = templateOf([allItem('G3', 2), gradeItem('H3', [3, 1.5, 0])])

  it('an ALL item loses its whole max on one failure as on three', () => {
    expect(scoreVisit(template, { G3: times(1) }).items[0]?.deducted).toBe(2)
    expect(scoreVisit(template, { G3: times(3) }).items[0]?.deducted).toBe(2)
  })

  it('a GRADE item keeps the points of the level observed', () => {
    expect(scoreVisit(template, { H3: level(0) }).items[1]?.earned).toBe(3)
    expect(scoreVisit(template, { H3: level(1) }).items[1]?.earned).toBe(1.5)
    expect(scoreVisit(template, { H3: level(2) }).items[1]?.earned).toBe(0)
  })

  it('a level the item does not have, or a level answer on an ALL item, leaves the item unanswered', () => {
    const score = scoreVisit(template, { G3: level(0), H3: level(3) })
    expect(score.items.map((i) => i.problem)).toEqual(['wrong_kind_for_rule', 'unknown_level'])
    expect(score.unanswered).toEqual(['G3', 'H3'])
  })

  it('a GRADE item answered pass keeps its full points; a PER-style deduction on it is refused', () => {
    expect(scoreVisit(template, { H3: pass }).items[1]?.earned).toBe(3)
    expect(scoreVisit(template, { H3: times(1) }).items[1]?.problem).toBe('wrong_kind_for_rule')
  })
})

describe('not applicable', () => {
  const template = templateOf([perItem('A1', 90, 1), allItem('A3', 10, { allowNotApplicable: true })])

  it('an N/A item leaves the maximum and the score is rescaled to 100', () => {
    const score = scoreVisit(template, { A1: times(9), A3: na })
    expect(score.applicableMax).toBe(90)
    expect(score.earned).toBe(81)
    expect(score.normalised).toBe(90)
  })

  it('counts as checked in 已检 x/y', () => {
    expect(scoreVisit(template, { A3: na })).toMatchObject({ answeredCount: 1, itemCount: 2 })
  })

  it('is refused where the item does not allow it', () => {
    const score = scoreVisit(template, { A1: na })
    expect(score.items[0]?.problem).toBe('not_applicable_not_allowed')
    expect(score.applicableMax).toBe(100)
  })
})

describe('the running total', () => {
  const template = DEFAULT_INSPECTION_TEMPLATE

  it('starts at 100 with 已检 0/42 and every item unanswered, in template order', () => {
    const score = scoreVisit(template, {})
    expect(score).toMatchObject({ normalised: 100, answeredCount: 0, itemCount: 42 })
    expect(score.unanswered).toEqual(templateItems(template).map(({ item }) => item.code))
  })

  it('counts unanswered items at full points: it is the best the visit can still reach', () => {
    const score = scoreVisit(template, { A1: times(2), D10: times(1) })
    expect(score.normalised).toBe(96)
    expect(score.answeredCount).toBe(2)
    expect(score.unanswered).toHaveLength(40)
  })

  it('is the final score once every item is answered', () => {
    const answers = { ...allPass(template), A1: times(2), D10: times(1), A3: na }
    const score = scoreVisit(template, answers)
    expect(score.unanswered).toEqual([])
    expect(score.applicableMax).toBe(98)
    expect(score.earned).toBe(94)
    expect(score.normalised).toBe(95.918367)
  })

  it('gives section subtotals', () => {
    const score = scoreVisit(template, { A1: times(2), A3: na, D2: times(1) })
    expect(score.sections.find((s) => s.code === 'A')).toEqual({ code: 'A', max: 16, applicableMax: 14, earned: 12, deducted: 2, answeredCount: 2, itemCount: 7 })
    expect(score.sections.find((s) => s.code === 'D')).toMatchObject({ max: 24, earned: 23, deducted: 1 })
  })
})

describe('precision', () => {
  it('removes floating-point noise: three 0.1 deductions are 0.3', () => {
    const template = templateOf([perItem('X', 1, 0.1), perItem('Y', 99, 1)])
    expect(scoreVisit(template, { X: times(3) }).deducted).toBe(0.3)
  })

  it('is shown with one decimal, truncated, so 94.97 shows 94.9 and 95 shows 95.0', () => {
    expect(formatScore(94.97)).toBe('94.9')
    expect(formatScore(95)).toBe('95.0')
    expect(formatScore(100)).toBe('100.0')
    expect(formatScore((66.5 / 70) * 100)).toBe('95.0')
  })
})

describe('photo evidence', () => {
  const template = templateOf([perItem('A1', 3, 1, { photoRequired: true }), perItem('A5', 2, 0.5), allItem('A3', 2, { photoRequired: true, allowNotApplicable: true })])

  it('a deduction on an item marked 📷 without any photo is listed', () => {
    expect(missingPhotos(template, { A1: times(2), A5: times(1), A3: deduct(occurrence()) })).toEqual(['A1', 'A3'])
  })

  it('one photo on any occurrence is enough; passes, N/A and unmarked items need none', () => {
    expect(missingPhotos(template, { A1: deduct(occurrence(), occurrence(null, ['p1'])), A3: na, A5: times(3) })).toEqual([])
  })
})
