import { describe, expect, it } from 'vitest'
import { mostDeductedItems, type ItemVisit } from '@/domain/inspection/itemTally'
import type { Answers } from '@/domain/inspection/scoring'
import { allItem, pass, perItem, templateOf, times } from './fixtures'

const template = templateOf([perItem('C1', 3, 1), perItem('C3', 2, 0.5), allItem('G3', 2)])
const visit = (branchId: string, answers: Answers): ItemVisit => ({ branchId, template, answers })

describe('the most-deducted items', () => {
  it('counts per item the visits and branches that lost points on it and the points lost, most points first, then most visits', () => {
    const visits = [visit('b1', { C1: times(2), C3: times(1), G3: pass }), visit('b1', { C1: times(1), G3: times(1) }), visit('b2', { C1: times(1), G3: times(1) })]
    expect(mostDeductedItems(visits)).toEqual([
      { itemCode: 'C1', visits: 3, branches: 2, points: 4 },
      { itemCode: 'G3', visits: 2, branches: 2, points: 4 },
      { itemCode: 'C3', visits: 1, branches: 1, points: 0.5 },
    ])
  })
})
