import { describe, expect, it } from 'vitest'
import { applyRecheck, changeAction, overdueActions, raiseActions, recheckItems, recheckScore, type ActionChange, type CorrectiveAction, type RaiseInput } from '@/domain/inspection/corrective'
import type { Answers } from '@/domain/inspection/scoring'
import { allItem, deduct, gradeItem, level, na, occurrence, pass, perItem, templateOf, times } from './fixtures'

const template = templateOf([perItem('A1', 3, 1), perItem('A2', 2, 0.5), allItem('A3', 5, { allowNotApplicable: true }), gradeItem('H3', [90, 45, 0])])
const input = (answers: Answers, more: Partial<RaiseInput> = {}): RaiseInput => ({
  inspectionId: 'i1',
  branchId: 'b1',
  visitDate: '2026-12-10',
  inspector: '9014',
  defaultOwner: '9001',
  dueDays: 7,
  template,
  answers,
  confirmedVetoes: [],
  ...more,
})
const veto = { vetoCode: 'V1', finding: '争吵', photoIds: ['p'], witnesses: [] }

describe('raising corrective actions', () => {
  it('each deducted item raises one action, due the visit date plus the configured days; passes, N/A and a top level raise none', () => {
    const actions = raiseActions(input({ A1: times(2), A2: pass, A3: na, H3: level(0) }))
    expect(actions).toHaveLength(1)
    expect(actions[0]).toMatchObject({ source: 'item', code: 'A1', status: 'open', raisedOn: '2026-12-10', dueDate: '2026-12-17', fixedOnSpot: false })
  })

  it('a lower GRADE level raises one too, and a confirmed veto raises a mandatory action after the items', () => {
    const actions = raiseActions(input({ H3: level(1) }, { confirmedVetoes: [veto] }))
    expect(actions.map((a) => [a.source, a.code])).toEqual([
      ['item', 'H3'],
      ['veto', 'V1'],
    ])
  })

  it('the owner is the staff member the deduction names when it names exactly one, otherwise the default owner', () => {
    const actions = raiseActions(input({ A1: deduct(occurrence('9011'), occurrence('9011')), A2: deduct(occurrence('9011'), occurrence('9012')), A3: deduct(occurrence()) }))
    expect(actions.map((a) => a.owner)).toEqual(['9011', '9001', '9001'])
  })

  it('an item fixed on the spot (当场整改) is closed at once: raised and verified by the inspector on the visit day', () => {
    const [action] = raiseActions(input({ A1: { kind: 'deduct', occurrences: [occurrence()], fixedOnSpot: true, note: '' } }))
    expect(action).toMatchObject({ status: 'verified', fixedOnSpot: true })
    expect(action?.timeline.map((e) => [e.status, e.by, e.on])).toEqual([
      ['open', '9014', '2026-12-10'],
      ['verified', '9014', '2026-12-10'],
    ])
  })
})

describe('an action’s status', () => {
  const [open] = raiseActions(input({ A1: times(1) })) as [CorrectiveAction]
  const change = (more: Partial<ActionChange>): ActionChange => ({ to: 'fixed', on: '2026-12-12', by: '9011', byInspector: false, via: 'manual', note: '', photoIds: [], ...more })
  const fixed = (changeAction(open, change({ photoIds: ['after'] })) as { ok: true; action: CorrectiveAction }).action

  it('open → fixed needs evidence of the fix: a note or a photo', () => {
    expect(changeAction(open, change({}))).toEqual({ ok: false, reason: 'evidence_required' })
    expect(fixed.status).toBe('fixed')
    expect(fixed.timeline.at(-1)).toEqual({ on: '2026-12-12', by: '9011', status: 'fixed', via: 'manual', note: '', photoIds: ['after'] })
  })

  it('fixed → verified by an inspector only', () => {
    expect(changeAction(fixed, change({ to: 'verified' }))).toEqual({ ok: false, reason: 'inspector_only' })
    expect(changeAction(fixed, change({ to: 'verified', by: '9014', byInspector: true }))).toMatchObject({ ok: true, action: { status: 'verified' } })
  })

  it('an inspector who sees an open item put right may verify it directly; nobody else may', () => {
    expect(changeAction(open, change({ to: 'verified', byInspector: true }))).toMatchObject({ ok: true, action: { status: 'verified' } })
    expect(changeAction(open, change({ to: 'verified' }))).toEqual({ ok: false, reason: 'inspector_only' })
  })

  it('fixed → open when the re-check fails, by an inspector with a reason', () => {
    expect(changeAction(fixed, change({ to: 'open', byInspector: true }))).toEqual({ ok: false, reason: 'reason_required' })
    expect(changeAction(fixed, change({ to: 'open', byInspector: false, note: '仍未更换' }))).toEqual({ ok: false, reason: 'inspector_only' })
    expect(changeAction(fixed, change({ to: 'open', byInspector: true, note: '仍未更换' }))).toMatchObject({ ok: true, action: { status: 'open' } })
  })

  it('verified is final, and an open action cannot go back to open', () => {
    const verified = (changeAction(fixed, change({ to: 'verified', byInspector: true })) as { ok: true; action: CorrectiveAction }).action
    expect(changeAction(verified, change({ to: 'open', byInspector: true, note: 'x' }))).toEqual({ ok: false, reason: 'not_allowed' })
    expect(changeAction(open, change({ to: 'open', byInspector: true, note: 'x' }))).toEqual({ ok: false, reason: 'not_allowed' })
  })
})

describe('the re-check', () => {
  const visitAnswers: Answers = { A1: times(3), A2: times(2), A3: times(1), H3: level(0) }
  const actions = raiseActions(input(visitAnswers))
  const [a1, a2, a3] = actions as [CorrectiveAction, CorrectiveAction, CorrectiveAction]
  const verifiedA1 = { ...a1, status: 'verified' as const }
  const fixedA2 = { ...a2, status: 'fixed' as const }
  const afterFix = [verifiedA1, fixedA2, a3]

  it('looks only at the items whose action is not verified, in template order', () => {
    expect(recheckItems(template, [a3, fixedA2, verifiedA1])).toEqual(['A2', 'A3'])
  })

  it('re-rates only those items: the verified item keeps its deduction, an answer for it is ignored', () => {
    expect(recheckScore(template, visitAnswers, afterFix, { A1: pass, A2: pass, A3: pass }).normalised).toBe(97)
    expect(recheckScore(template, visitAnswers, afterFix, { A2: pass }).normalised).toBe(92)
  })

  it('verifies the re-checked items that pass, reopens a fixed one still deducted, leaves the rest', () => {
    const after = applyRecheck(template, afterFix, { A1: times(3), A2: times(1), A3: pass }, '2026-12-20', '9015')
    expect(after.map((a) => a.status)).toEqual(['verified', 'open', 'verified'])
    expect(after[2]?.timeline.at(-1)).toMatchObject({ status: 'verified', via: 'recheck' })
    expect(after[1]?.timeline.at(-1)).toMatchObject({ status: 'open', via: 'recheck', by: '9015', on: '2026-12-20' })
    expect(after[0]).toBe(verifiedA1)
  })

  it('an open item still failing stays open, with the re-check and what it found in its timeline', () => {
    const after = applyRecheck(template, afterFix, { A3: times(1) }, '2026-12-20', '9015')
    expect(after[2]?.status).toBe('open')
    expect(after[2]?.timeline).toHaveLength(a3.timeline.length + 1)
    expect(after[2]?.timeline.at(-1)).toMatchObject({ status: 'open', via: 'recheck', by: '9015', on: '2026-12-20' })
  })

  it('a re-check that does not answer an item leaves its action alone', () => {
    expect(applyRecheck(template, afterFix, {}, '2026-12-20', '9015')).toEqual(afterFix)
  })
})

describe('overdue actions', () => {
  const [a1, a2, a3] = raiseActions(input({ A1: times(1), A2: times(1), A3: times(1) })) as [CorrectiveAction, CorrectiveAction, CorrectiveAction]
  const list = [{ ...a1, dueDate: '2026-12-17' }, { ...a2, dueDate: '2026-12-15' }, { ...a3, dueDate: '2026-12-10', status: 'fixed' as const }]

  it('are the open actions past their due date, the most overdue first; the due date itself is not late', () => {
    expect(overdueActions(list, '2026-12-17').map((a) => a.code)).toEqual(['A2'])
    expect(overdueActions(list, '2026-12-18').map((a) => a.code)).toEqual(['A2', 'A1'])
  })

  it('a fixed action waiting for its re-check is not overdue', () => {
    expect(overdueActions(list, '2027-01-01').map((a) => a.code)).not.toContain('A3')
  })
})
