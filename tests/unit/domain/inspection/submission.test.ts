import { describe, expect, it } from 'vitest'
import { canSubmit, submissionBlockers, visitSummary } from '@/domain/inspection/submission'
import type { VetoFinding } from '@/domain/inspection/vetoes'
import { allItem, deduct, na, occurrence, pass, perItem, templateOf, times } from './fixtures'

const template = templateOf([perItem('A1', 30, 1, { photoRequired: true }), perItem('A2', 60, 1), allItem('A3', 10, { allowNotApplicable: true })])
const veto = (finding: string): VetoFinding => ({ vetoCode: 'V1', finding, photoIds: ['p1'], witnesses: [] })

describe('before submission', () => {
  it('lists the unanswered items, deductions lacking their photo and vetoes not yet confirmed', () => {
    const blockers = submissionBlockers(template, { A1: times(1) }, [veto('')])
    expect(blockers).toEqual({ unanswered: ['A2', 'A3'], missingPhotos: ['A1'], incompleteVetoes: ['V1'] })
    expect(canSubmit(blockers)).toBe(false)
  })

  it('a visit with every item answered, its photos and its vetoes confirmed can be submitted', () => {
    expect(canSubmit(submissionBlockers(template, { A1: deduct(occurrence(null, ['p'])), A2: pass, A3: na }, [veto('争吵')]))).toBe(true)
  })
})

describe('the figures a submitted visit keeps', () => {
  it('score, rescaled score, grade and items checked', () => {
    expect(visitSummary(template, { A1: pass, A2: times(9), A3: na }, [])).toEqual({
      earned: 81,
      applicableMax: 90,
      normalised: 90,
      grade: 'good',
      gradeByPoints: 'good',
      confirmedVetoes: 0,
      answeredCount: 3,
      itemCount: 3,
    })
  })

  it('a confirmed veto makes it 不合格, the points grade kept beside; an unconfirmed one does not count', () => {
    expect(visitSummary(template, { A1: pass, A2: pass, A3: pass }, [veto('争吵')])).toMatchObject({ normalised: 100, grade: 'fail', gradeByPoints: 'excellent', confirmedVetoes: 1 })
    expect(visitSummary(template, { A1: pass, A2: pass, A3: pass }, [veto(' ')])).toMatchObject({ grade: 'excellent', confirmedVetoes: 0 })
  })
})
