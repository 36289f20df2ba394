/**
 * Money is integer fen (分). Amounts typed by people or read from files arrive as decimal strings
 * and are parsed digit by digit, never through floating point.
 */
export type Fen = number

export class MoneyParseError extends Error {
  constructor(readonly input: string, readonly reason: 'empty' | 'format' | 'precision' | 'range') {
    super(`Cannot read "${input}" as an amount of money (${reason})`)
    this.name = 'MoneyParseError'
  }
}

const AMOUNT = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/

/** "1,234.56" → 123456 fen. Accepts thousands separators, a leading ¥ and at most two decimals. */
export function parseYuanToFen(input: string): Fen {
  const text = input.trim().replace(/^[¥￥]/, '').replace(/元$/, '').trim()
  if (text === '') throw new MoneyParseError(input, 'empty')
  const match = AMOUNT.exec(text)
  if (!match || (match[2] === undefined && !match[3])) throw new MoneyParseError(input, 'format')
  const [, sign, whole = '0', decimals = ''] = match
  if (decimals.length > 2) throw new MoneyParseError(input, 'precision')
  const digits = whole.replace(/,/g, '') + decimals.padEnd(2, '0')
  const fen = BigInt(digits)
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) throw new MoneyParseError(input, 'range')
  const value = Number(fen)
  return sign === '-' ? -value : value
}

/** Exact decimal text of an amount, e.g. 123456 → "1234.56", for files and inputs. */
export function fenToDecimalString(fen: Fen): string {
  assertFen(fen)
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** "¥1,234.56" (or "CN¥1,234.56" style per locale) from integer fen, grouping by the locale. */
export function formatFen(fen: Fen, locale: string): string {
  assertFen(fen)
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  const whole = new Intl.NumberFormat(locale, { useGrouping: true, maximumFractionDigits: 0 }).format(Math.trunc(abs / 100))
  return `${sign}¥${whole}.${String(abs % 100).padStart(2, '0')}`
}

/**
 * Large balances as bankers read them: "12.35 万元" in Chinese, "¥123.5k" in English. Rounded half up
 * on whole fen so the figure never comes from a float division of a non-integer.
 */
export function formatFenCompact(fen: Fen, locale: string): string {
  assertFen(fen)
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  if (locale.startsWith('zh')) {
    if (abs < 1_000_000) return formatFen(fen, locale) // under 1 万元: the exact amount
    const hundredthsOfWan = Math.round(abs / 10_000) // 1 万元 = 1,000,000 fen → hundredths = 10,000 fen
    return `${sign}${groupHundredths(hundredthsOfWan, locale)} 万元`
  }
  if (abs < 100_000) return formatFen(fen, locale)
  if (abs < 100_000_000) return `${sign}¥${groupHundredths(Math.round(abs / 1_000), locale)}k`
  return `${sign}¥${groupHundredths(Math.round(abs / 1_000_000), locale)}m`
}

function groupHundredths(hundredths: number, locale: string): string {
  const whole = new Intl.NumberFormat(locale, { useGrouping: true }).format(Math.trunc(hundredths / 100))
  return `${whole}.${String(hundredths % 100).padStart(2, '0')}`
}

function assertFen(fen: Fen): void {
  if (!Number.isSafeInteger(fen)) throw new TypeError(`Money must be whole fen, got ${fen}`)
}
