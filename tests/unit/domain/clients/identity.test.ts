import { describe, expect, it } from 'vitest'
import { idCheckCharacter, makeResidentId, residentIdBirthDate, residentIdGender, validateIdNumber } from '@/domain/clients/identity'

const TODAY = '2026-11-25'

describe('resident ID numbers (居民身份证)', () => {
  it('accepts an 18-digit number whose check character matches (ISO 7064 MOD 11-2)', () => {
    expect(validateIdNumber('resident', '11010519491231002X', TODAY)).toEqual({ ok: true, normalised: '11010519491231002X', birthDate: '1949-12-31', gender: 'F' })
  })

  it('normalises a lower-case x, spaces and full-width digits', () => {
    const result = validateIdNumber('resident', ' 110105 19491231 002x ', TODAY)
    expect(result.ok && result.normalised).toBe('11010519491231002X')
    expect(validateIdNumber('resident', '１１０１０５１９４９１２３１００２Ｘ', TODAY).ok).toBe(true)
  })

  it('rejects a wrong check character', () => {
    expect(validateIdNumber('resident', '110105194912310021', TODAY)).toEqual({ ok: false, reason: 'checksum' })
  })

  it('rejects letters other than a final X', () => {
    expect(validateIdNumber('resident', '1101051949123100AX', TODAY)).toEqual({ ok: false, reason: 'characters' })
  })

  it('rejects numbers that are neither 15 nor 18 characters long', () => {
    expect(validateIdNumber('resident', '1101051949123100', TODAY)).toEqual({ ok: false, reason: 'length' })
    expect(validateIdNumber('resident', '', TODAY)).toEqual({ ok: false, reason: 'length' })
  })

  it('rejects a birth date that does not exist', () => {
    const thirtiethOfFebruary = makeResidentId('110105', '1990-02-28', 123).replace('19900228', '19900230')
    const fixed = thirtiethOfFebruary.slice(0, 17) + idCheckCharacter(thirtiethOfFebruary.slice(0, 17))
    expect(validateIdNumber('resident', fixed, TODAY)).toEqual({ ok: false, reason: 'birth_date' })
  })

  it('rejects a birth date after today', () => {
    expect(validateIdNumber('resident', makeResidentId('110105', '2026-11-26', 11), TODAY)).toEqual({ ok: false, reason: 'future_birth_date' })
    expect(validateIdNumber('resident', makeResidentId('110105', '2026-11-25', 11), TODAY).ok).toBe(true)
  })

  it('reads the old 15-digit form with its date as 19YYMMDD and the last digit as the sex', () => {
    expect(validateIdNumber('resident', '110105491231002', TODAY)).toEqual({ ok: true, normalised: '110105491231002', birthDate: '1949-12-31', gender: 'F' })
    expect(validateIdNumber('resident', '110105491331002', TODAY)).toEqual({ ok: false, reason: 'birth_date' })
  })

  it('gives birth date and sex (odd sequence digit: man) from either form', () => {
    expect(residentIdBirthDate('110105198003150031')).toBe('1980-03-15')
    expect(residentIdGender(makeResidentId('330106', '1980-03-15', 3))).toBe('M')
    expect(residentIdGender(makeResidentId('330106', '1980-03-15', 4))).toBe('F')
    expect(residentIdBirthDate('not an id')).toBeNull()
    expect(residentIdGender('not an id')).toBeNull()
  })

  it('makes a valid number from region, birth date and sequence', () => {
    expect(makeResidentId('110105', '1949-12-31', 2)).toBe('11010519491231002X')
    expect(() => makeResidentId('11010', '1949-12-31', 2)).toThrow()
  })
})

describe('other documents', () => {
  it('accepts a Hong Kong / Macao travel permit: H or M and 8 or 10 digits', () => {
    expect(validateIdNumber('hk_macao_permit', 'h12345678', TODAY)).toEqual({ ok: true, normalised: 'H12345678' })
    expect(validateIdNumber('hk_macao_permit', 'M1234567890', TODAY).ok).toBe(true)
    expect(validateIdNumber('hk_macao_permit', 'K12345678', TODAY)).toEqual({ ok: false, reason: 'characters' })
    expect(validateIdNumber('hk_macao_permit', 'H1234567', TODAY)).toEqual({ ok: false, reason: 'length' })
  })

  it('accepts the Hong Kong / Macao residence permit (810000 / 820000, resident-ID checksum)', () => {
    expect(validateIdNumber('hk_macao_permit', makeResidentId('810000', '1985-06-01', 21), TODAY)).toMatchObject({ ok: true, birthDate: '1985-06-01', gender: 'M' })
    expect(validateIdNumber('hk_macao_permit', makeResidentId('110105', '1985-06-01', 21), TODAY)).toEqual({ ok: false, reason: 'characters' })
    const permit = makeResidentId('820000', '1985-06-01', 21)
    expect(validateIdNumber('hk_macao_permit', permit.slice(0, 17) + (permit.endsWith('1') ? '2' : '1'), TODAY)).toEqual({ ok: false, reason: 'checksum' })
  })

  it('accepts a Taiwan permit of 8 digits or 10 characters, and the 830000 residence permit', () => {
    expect(validateIdNumber('taiwan_permit', '12345678', TODAY).ok).toBe(true)
    expect(validateIdNumber('taiwan_permit', '1234567890', TODAY).ok).toBe(true)
    expect(validateIdNumber('taiwan_permit', makeResidentId('830000', '1970-01-01', 1), TODAY).ok).toBe(true)
    expect(validateIdNumber('taiwan_permit', '1234567', TODAY)).toEqual({ ok: false, reason: 'length' })
  })

  it('accepts a passport of 5 to 17 letters and digits', () => {
    expect(validateIdNumber('passport', 'e12345678', TODAY)).toEqual({ ok: true, normalised: 'E12345678' })
    expect(validateIdNumber('passport', 'E123', TODAY)).toEqual({ ok: false, reason: 'length' })
    expect(validateIdNumber('passport', 'E1234-5678', TODAY)).toEqual({ ok: false, reason: 'characters' })
  })

  it('accepts both forms of the foreign permanent resident ID', () => {
    expect(validateIdNumber('foreign_permanent', 'USA110080010101', TODAY)).toEqual({ ok: true, normalised: 'USA110080010101' })
    const newForm = makeResidentId('931840', '1980-01-01', 12)
    expect(validateIdNumber('foreign_permanent', newForm, TODAY)).toEqual({ ok: true, normalised: newForm, birthDate: '1980-01-01' })
    expect(validateIdNumber('foreign_permanent', makeResidentId('331840', '1980-01-01', 12), TODAY)).toEqual({ ok: false, reason: 'characters' })
  })

  it('never throws, whatever is typed', () => {
    for (const type of ['resident', 'hk_macao_permit', 'taiwan_permit', 'passport', 'foreign_permanent'] as const) {
      for (const raw of ['', '   ', '王建国', '!!!!!!!!!!!!!!!!!!', 'x'.repeat(100)]) {
        expect(validateIdNumber(type, raw, TODAY).ok).toBe(false)
      }
    }
  })
})
