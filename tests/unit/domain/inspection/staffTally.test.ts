import { describe, expect, it } from 'vitest'
import type { Answers } from '@/domain/inspection/scoring'
import { staffTally, type TalliedVisit } from '@/domain/inspection/staffTally'
import { allItem, deduct, gradeItem, level, occurrence, perItem, templateOf, times } from './fixtures'

const template = templateOf([perItem('C1', 3, 1), perItem('C3', 2, 0.5), allItem('G3', 2), gradeItem('H3', [3, 1.5, 0])])
const visit = (date: string, answers: Answers): TalliedVisit => ({ date, template, answers })

describe('the staff tally', () => {
  it('rolls each named occurrence up to its person: count and points', () => {
    const tally = staffTally([visit('2026-12-01', { C1: deduct(occurrence('9011'), occurrence('9012'), occurrence('9011')), C3: times(1, '9011') })], '2026-12-01', '2026-12-31')
    expect(tally).toEqual([
      { staffNo: '9011', occurrences: 3, points: 2.5, itemCodes: ['C1', 'C3'] },
      { staffNo: '9012', occurrences: 1, points: 1, itemCodes: ['C1'] },
    ])
  })

  it('a person’s points on an item are capped at its max, whoever else was named', () => {
    const [person] = staffTally([visit('2026-12-01', { C1: times(5, '9011') })], '2026-12-01', '2026-12-31')
    expect(person).toMatchObject({ occurrences: 5, points: 3 })
  })

  it('an ALL item costs each person named its whole max; a GRADE item the level’s loss', () => {
    const tally = staffTally([visit('2026-12-01', { G3: deduct(occurrence('9011'), occurrence('9012')), H3: level(1, occurrence('9011')) })], '2026-12-01', '2026-12-31')
    expect(tally.map((t) => [t.staffNo, t.points])).toEqual([
      ['9011', 3.5],
      ['9012', 2],
    ])
  })

  it('adds up across visits of the period, both ends included, and leaves out unnamed occurrences', () => {
    const visits = [visit('2026-11-30', { C1: times(1, '9011') }), visit('2026-12-01', { C1: times(1, '9011') }), visit('2026-12-31', { C1: times(2, '9011'), C3: times(4) })]
    expect(staffTally(visits, '2026-12-01', '2026-12-31')).toEqual([{ staffNo: '9011', occurrences: 3, points: 3, itemCodes: ['C1'] }])
  })
})
