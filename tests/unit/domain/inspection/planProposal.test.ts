import { describe, expect, it } from 'vitest'
import { leastRecentlyInspectedFirst, proposePlanFor, type PlanProposalInput } from '@/domain/inspection/planProposal'

const branches = ['b1', 'b2', 'b3', 'b4', 'b5', 'b6']
const lastInspected = new Map([
  ['b1', '2026-11-20'],
  ['b2', '2026-10-05'],
  ['b4', '2026-11-02'],
  ['b5', '2026-10-05'],
])
const input = (changes: Partial<PlanProposalInput> = {}): PlanProposalInput => ({
  halfMonth: '2026-12-H1',
  inspectorId: 'jiang',
  inspectorIds: ['jiang', 'shen'],
  branchIds: branches,
  lastInspected,
  saved: [],
  done: [],
  previous: [],
  perInspector: 2,
  ...changes,
})

describe('the outlets in the order a plan considers them', () => {
  it('never inspected first, then the longest ago; equal days keep the region’s order', () => {
    expect(leastRecentlyInspectedFirst(branches, lastInspected)).toEqual(['b3', 'b6', 'b2', 'b5', 'b4', 'b1'])
  })
})

describe('an executive’s suggested plan', () => {
  it('takes the outlets least recently inspected, shared with the executives still to plan', () => {
    expect(proposePlanFor(input())).toEqual(['b3', 'b2'])
    expect(proposePlanFor(input({ inspectorId: 'shen' }))).toEqual(['b6', 'b5'])
  })

  it('leaves the outlets a colleague has already planned to them, and no longer shares with that colleague', () => {
    const saved = [{ halfMonth: '2026-12-H1' as const, inspectorId: 'shen', branchIds: ['b3', 'b6'] }]
    expect(proposePlanFor(input({ saved, perInspector: 3 }))).toEqual(['b2', 'b5', 'b4'])
  })

  it('ignores the executive’s own saved plan, so asking again gives the same suggestion', () => {
    const saved = [{ halfMonth: '2026-12-H1' as const, inspectorId: 'jiang', branchIds: ['b1'] }]
    expect(proposePlanFor(input({ saved }))).toEqual(proposePlanFor(input()))
  })

  it('plans a colleague’s outlets too when too few others remain', () => {
    const saved = [{ halfMonth: '2026-12-H1' as const, inspectorId: 'shen', branchIds: ['b1', 'b2', 'b3', 'b4', 'b5'] }]
    expect(proposePlanFor(input({ saved }))).toHaveLength(2)
  })

  it('keeps the outlets the executive has already inspected this half month, first, and fills the rest', () => {
    expect(proposePlanFor(input({ done: ['b1'] }))).toEqual(['b1', 'b3'])
    expect(proposePlanFor(input({ done: ['b1', 'b4', 'b5'] }))).toEqual(['b1', 'b4', 'b5'])
  })

  it('avoids the outlets the executive planned the half month before', () => {
    const previous = [{ halfMonth: '2026-11-H2' as const, inspectorId: 'jiang', branchIds: ['b3', 'b6'] }]
    expect(proposePlanFor(input({ previous, inspectorIds: ['jiang'] }))).toEqual(['b2', 'b5'])
  })
})
