import { describe, expect, it } from 'vitest'
import { fenToDecimalString, formatFen, formatFenCompact, MoneyParseError, parseYuanToFen } from '@/domain/money'

describe('money is integer fen, parsed from decimal text', () => {
  it('reads yuan with up to two decimals without floating point', () => {
    expect(parseYuanToFen('1234.56')).toBe(123456)
    expect(parseYuanToFen('0.1')).toBe(10)
    expect(parseYuanToFen('0.29')).toBe(29) // 0.29 * 100 is 28.999… in floating point
    expect(parseYuanToFen('100000')).toBe(10_000_000)
    expect(parseYuanToFen('99,999.99')).toBe(9_999_999)
    expect(parseYuanToFen('¥1,234.5')).toBe(123450)
    expect(parseYuanToFen('-20.05')).toBe(-2005)
    expect(parseYuanToFen('.5')).toBe(50)
    expect(parseYuanToFen('12元')).toBe(1200)
  })

  it('refuses what is not an amount, saying why', () => {
    const reason = (text: string) => {
      try {
        parseYuanToFen(text)
        return 'parsed'
      } catch (err) {
        return (err as MoneyParseError).reason
      }
    }
    expect(reason('')).toBe('empty')
    expect(reason('12.345')).toBe('precision')
    expect(reason('12a')).toBe('format')
    expect(reason('1,23.00')).toBe('format')
    expect(reason('.')).toBe('format')
    expect(reason('99999999999999999')).toBe('range')
  })

  it('writes fen back as exact decimal text', () => {
    expect(fenToDecimalString(123456)).toBe('1234.56')
    expect(fenToDecimalString(5)).toBe('0.05')
    expect(fenToDecimalString(-2005)).toBe('-20.05')
    expect(() => fenToDecimalString(1.5)).toThrow(TypeError)
  })

  it('formats money as ¥1,234.56', () => {
    expect(formatFen(123456, 'zh-CN')).toBe('¥1,234.56')
    expect(formatFen(123456, 'en')).toBe('¥1,234.56')
    expect(formatFen(0, 'zh-CN')).toBe('¥0.00')
    expect(formatFen(-99, 'zh-CN')).toBe('-¥0.99')
  })

  it('shows large balances in 万元 for Chinese readers, rounded half up on whole fen', () => {
    expect(formatFenCompact(123_456_789, 'zh-CN')).toBe('123.46 万元')
    expect(formatFenCompact(10_000_000, 'zh-CN')).toBe('10.00 万元')
    expect(formatFenCompact(999_999, 'zh-CN')).toBe('¥9,999.99')
    expect(formatFenCompact(12_345_678, 'en')).toBe('¥123.46k')
    expect(formatFenCompact(123_456_789, 'en')).toBe('¥1.23m')
    expect(formatFenCompact(9_876_543_210, 'en')).toBe('¥98.77m')
  })
})
