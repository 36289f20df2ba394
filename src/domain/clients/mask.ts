/**
 * Masked personal data in the house style, one style everywhere: 王** on public display,
 * 138****1234, 110105**********2X, **** 1234. Missing values mask to '' and values too short for
 * the pattern show no more than their last half.
 */
import { fullName, splitChineseName, type PersonName } from './names'

type Maybe<T> = T | null | undefined

/** Fewer hidden characters than this and the mask hides next to nothing. */
const MIN_HIDDEN = 4

/**
 * Keeps `keepStart` characters at the front and `keepEnd` at the back, stars the rest. A value too
 * short for that keeps only its last half (at most `keepEnd`), so a short number is not revealed.
 */
function maskMiddle(text: string, keepStart: number, keepEnd: number): string {
  const chars = [...text]
  if (chars.length - keepStart - keepEnd < MIN_HIDDEN) {
    keepStart = 0
    keepEnd = Math.min(keepEnd, Math.floor(chars.length / 2))
  }
  return chars.map((char, i) => (i < keepStart || i >= chars.length - keepEnd ? char : '*')).join('')
}

/** The surname stays (a compound one whole: 欧阳**), every other character becomes *. */
export function maskName(name: Maybe<string | PersonName>): string {
  if (!name) return ''
  const parts = typeof name === 'string' ? splitChineseName(name) : name
  const givenName = [...parts.givenName].map((char) => (/\s/.test(char) ? char : '*')).join('')
  return fullName({ surname: parts.surname, givenName })
}

/** 13812341234 → 138****1234. */
export function maskPhone(phone: Maybe<string>): string {
  const text = phone?.replace(/[\s-]/g, '')
  return text ? maskMiddle(text, 3, 4) : ''
}

/** 11010519491231002X → 110105**********2X: region kept, birth date and sequence hidden. */
export function maskIdNumber(idNumber: Maybe<string>): string {
  const text = idNumber?.replace(/\s/g, '')
  return text ? maskMiddle(text, 6, 2) : ''
}

/** A card number or its stored tail → **** 1234; fewer than four digits → ****. */
export function maskCard(card: Maybe<string>): string {
  if (!card) return ''
  const digits = card.replace(/\D/g, '')
  return digits.length < 4 ? '****' : `**** ${digits.slice(-4)}`
}
