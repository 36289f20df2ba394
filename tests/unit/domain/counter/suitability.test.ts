import { describe, expect, it } from 'vitest'
import { judgeSuitability, needsRecordedSale, recordedSaleMissing } from '@/domain/counter/suitability'
import { RISK_LEVELS, RISK_RATINGS } from '@/domain/model/records'

const TODAY = '2026-11-25'
const current = (riskRating: (typeof RISK_RATINGS)[number]) => ({ riskRating, riskRatedOn: '2026-03-01' })

describe('suitability (适当性)', () => {
  describe('a current rating of C<n> may accept R1 … R<n> and nothing above', () => {
    for (const [ri, rating] of RISK_RATINGS.entries()) {
      for (const [li, level] of RISK_LEVELS.entries()) {
        const allowed = li <= ri
        it(`${rating} × ${level}: ${allowed ? 'accepted' : 'rating_too_low'}`, () => {
          expect(judgeSuitability({ riskLevel: level }, current(rating), TODAY)).toEqual({
            ok: allowed,
            reason: allowed ? null : 'rating_too_low',
            rating,
            riskLevel: level,
          })
        })
      }
    }
  })

  it('a C2 client cannot accept an R4 fund', () => {
    expect(judgeSuitability({ riskLevel: 'R4' }, current('C2'), TODAY)).toMatchObject({ ok: false, reason: 'rating_too_low' })
  })

  it('a product without a risk level needs no rating, even for an anonymous client', () => {
    expect(judgeSuitability({ riskLevel: null }, null, TODAY)).toEqual({ ok: true, reason: null, rating: null, riskLevel: null })
    expect(judgeSuitability({ riskLevel: null }, { riskRating: null, riskRatedOn: null }, TODAY).ok).toBe(true)
  })

  it('no rating, or an anonymous client, cannot accept a wealth product', () => {
    expect(judgeSuitability({ riskLevel: 'R1' }, { riskRating: null, riskRatedOn: null }, TODAY)).toMatchObject({ ok: false, reason: 'no_rating' })
    expect(judgeSuitability({ riskLevel: 'R1' }, null, TODAY)).toMatchObject({ ok: false, reason: 'no_rating' })
  })

  it('a rating holds one year: rated 2025-11-25 it still counts today, rated 2025-11-24 it has expired', () => {
    expect(judgeSuitability({ riskLevel: 'R2' }, { riskRating: 'C5', riskRatedOn: '2025-11-25' }, TODAY)).toMatchObject({ ok: true, reason: null })
    expect(judgeSuitability({ riskLevel: 'R2' }, { riskRating: 'C5', riskRatedOn: '2025-11-24' }, TODAY)).toEqual({ ok: false, reason: 'expired_rating', rating: 'C5', riskLevel: 'R2' })
  })

  it('a rating with no date counts as expired', () => {
    expect(judgeSuitability({ riskLevel: 'R1' }, { riskRating: 'C3', riskRatedOn: null }, TODAY)).toMatchObject({ ok: false, reason: 'expired_rating' })
  })

  it('an expired rating is reported before a rating too low', () => {
    expect(judgeSuitability({ riskLevel: 'R5' }, { riskRating: 'C1', riskRatedOn: '2024-01-01' }, TODAY).reason).toBe('expired_rating')
  })
})

describe('双录: recorded sales', () => {
  it('wealth, fund and insurance sales need the recording and the risk disclosure; others do not', () => {
    expect((['wealth', 'fund', 'insurance'] as const).every((category) => needsRecordedSale({ category }))).toBe(true)
    expect((['loan', 'card', 'deposit', 'e_banking', 'payment', 'agency'] as const).some((category) => needsRecordedSale({ category }))).toBe(false)
  })

  it('a fund sale cannot complete without the recording reference and the acknowledgement', () => {
    expect(recordedSaleMissing({ category: 'fund' }, { recordingRef: null, riskDisclosureAcknowledged: false })).toEqual(['recording_ref', 'risk_disclosure'])
    expect(recordedSaleMissing({ category: 'fund' }, { recordingRef: '  ', riskDisclosureAcknowledged: true })).toEqual(['recording_ref'])
    expect(recordedSaleMissing({ category: 'insurance' }, { recordingRef: 'SZ-20261125-0042', riskDisclosureAcknowledged: false })).toEqual(['risk_disclosure'])
    expect(recordedSaleMissing({ category: 'wealth' }, { recordingRef: 'SZ-20261125-0042', riskDisclosureAcknowledged: true })).toEqual([])
  })

  it('a card sale completes with neither', () => {
    expect(recordedSaleMissing({ category: 'card' }, { recordingRef: null, riskDisclosureAcknowledged: false })).toEqual([])
  })
})
