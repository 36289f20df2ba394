import { describe, expect, it } from 'vitest'
import { maskCard, maskIdNumber, maskName, maskPhone } from '@/domain/clients/mask'

describe('masking names for public display', () => {
  it('keeps the surname and stars every other character', () => {
    expect(maskName('王建国')).toBe('王**')
    expect(maskName('王芳')).toBe('王*')
    expect(maskName({ surname: '王', givenName: '建国' })).toBe('王**')
  })

  it('keeps a compound surname whole', () => {
    expect(maskName('欧阳建国')).toBe('欧阳**')
    expect(maskName({ surname: '欧阳', givenName: '磊' })).toBe('欧阳*')
  })

  it('masks a Western given name', () => {
    expect(maskName('John Smith')).toBe('**** Smith')
  })

  it('gives nothing for a missing name', () => {
    expect(maskName(null)).toBe('')
    expect(maskName(undefined)).toBe('')
    expect(maskName('')).toBe('')
  })
})

describe('masking numbers', () => {
  it('shows a mobile number as 138****1234', () => {
    expect(maskPhone('13812341234')).toBe('138****1234')
    expect(maskPhone('138-1234-1234')).toBe('138****1234')
  })

  it('shows an ID number as its first 6 and last 2 characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105**********2X')
  })

  it('shows a card as **** and its last four digits', () => {
    expect(maskCard('6222021234567890123')).toBe('**** 0123')
    expect(maskCard('1234')).toBe('**** 1234')
    expect(maskCard('12')).toBe('****')
  })

  it('never reveals more than half of a short value', () => {
    expect(maskPhone('86001234')).toBe('****1234')
    expect(maskIdNumber('E12345678')).toBe('*******78')
    expect(maskPhone('123')).toBe('**3')
  })

  it('gives nothing for missing values', () => {
    for (const mask of [maskPhone, maskIdNumber, maskCard]) {
      expect(mask(null)).toBe('')
      expect(mask(undefined)).toBe('')
      expect(mask('')).toBe('')
    }
  })
})
