import { describe, expect, it } from 'vitest'
import { confirmedVisitVetoes, isConfirmedVeto, vetoesInQuarter, vetoProblems, type PeriodVeto, type VetoFinding } from '@/domain/inspection/vetoes'
import { templateOf } from './fixtures'

const template = templateOf([])
const veto = (more: Partial<VetoFinding> = {}): VetoFinding => ({ vetoCode: 'V1', finding: '柜员与客户争吵', photoIds: [], witnesses: ['客户 王先生'], ...more })
const periodVeto = (branchId: string, quarter: PeriodVeto['quarter']): PeriodVeto => ({ ...veto({ vetoCode: 'V6' }), branchId, quarter, enteredBy: 'supervisor' })

describe('confirming a veto', () => {
  it('a visit veto with a written finding and a witness is confirmed', () => {
    expect(isConfirmedVeto(veto(), template, 'visit')).toBe(true)
  })

  it('a photo is evidence as good as a witness', () => {
    expect(isConfirmedVeto(veto({ witnesses: [], photoIds: ['p1'] }), template, 'visit')).toBe(true)
  })

  it('without a written finding, or without any evidence, it is not confirmed', () => {
    expect(vetoProblems(veto({ finding: '  ' }), template, 'visit')).toEqual(['finding_required'])
    expect(vetoProblems(veto({ witnesses: [' '] }), template, 'visit')).toEqual(['evidence_required'])
  })

  it('a period veto cannot be recorded on a visit, nor a visit veto against a quarter', () => {
    expect(vetoProblems(veto({ vetoCode: 'V6' }), template, 'visit')).toEqual(['wrong_level'])
    expect(vetoProblems(veto(), template, 'period')).toEqual(['wrong_level'])
    expect(vetoProblems(veto({ vetoCode: 'V9' }), template, 'visit')).toEqual(['unknown_veto'])
  })

  it('only confirmed visit vetoes count on a visit', () => {
    expect(confirmedVisitVetoes([veto(), veto({ finding: '' })], template)).toHaveLength(1)
  })
})

describe('vetoes in a quarter', () => {
  it('counts visit and period vetoes of the quarter per branch, and names only branches that have one', () => {
    const visits = [
      { branchId: 'b1', date: '2026-10-08', confirmedVetoes: 1 },
      { branchId: 'b2', date: '2026-10-09', confirmedVetoes: 0 },
      { branchId: 'b3', date: '2026-09-30', confirmedVetoes: 1 },
    ]
    expect(vetoesInQuarter('2026Q4', visits, [periodVeto('b1', '2026Q4'), periodVeto('b4', '2026Q4'), periodVeto('b2', '2026Q3')])).toEqual({ b1: 2, b4: 1 })
  })
})
