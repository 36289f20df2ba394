/**
 * Identity document numbers by type. Validation never throws: a teller typing a number gets a
 * reason to show next to the field. Numbers are normalised to upper case without spaces, which is
 * how they are printed on the documents (the resident ID's check character is an upper-case X).
 */
import type { Client, IdType } from '../model/records'

export type Gender = NonNullable<Client['gender']>

export type IdInvalidReason = 'length' | 'characters' | 'checksum' | 'birth_date' | 'future_birth_date'

export type IdValidation =
  | { ok: true; normalised: string; birthDate?: string; gender?: Gender }
  | { ok: false; reason: IdInvalidReason }

/** GB 11643 (ISO 7064 MOD 11-2): weight of position i is 2^(17-i) mod 11. */
const CHECK_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const
const CHECK_CHARACTERS = '10X98765432'

/** Region prefixes of the 港澳台居民居住证 (2018), which share the resident ID's layout. */
const HONG_KONG_MACAO_RESIDENCE_PREFIXES = ['810000', '820000']
const TAIWAN_RESIDENCE_PREFIX = '830000'

/** Oldest birth year accepted, so a mistyped century is caught rather than stored. */
const EARLIEST_BIRTH_YEAR = 1900

/** The check character of the first 17 digits of an 18-character number. */
export function idCheckCharacter(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * CHECK_WEIGHTS[i]!
  return CHECK_CHARACTERS[sum % 11]!
}

function normalise(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase()
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return day <= daysInMonth
}

/** 'YYYY-MM-DD' from 'YYYYMMDD', or null when it is not a real calendar date. */
function dateFromDigits(digits: string): string | null {
  const year = Number(digits.slice(0, 4))
  const month = Number(digits.slice(4, 6))
  const day = Number(digits.slice(6, 8))
  if (!isRealDate(year, month, day)) return null
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`
}

/** The birth date written in a resident ID (18 digits, or the old 15-digit form read as 19YY). */
export function residentIdBirthDate(idNumber: string): string | null {
  const id = normalise(idNumber)
  if (/^\d{17}[\dX]$/.test(id)) return dateFromDigits(id.slice(6, 14))
  if (/^\d{15}$/.test(id)) return dateFromDigits(`19${id.slice(6, 12)}`)
  return null
}

/** The sequence digit (the 17th of 18, the last of 15) is odd for men and even for women. */
export function residentIdGender(idNumber: string): Gender | null {
  const id = normalise(idNumber)
  let digit: string | undefined
  if (/^\d{17}[\dX]$/.test(id)) digit = id[16]
  else if (/^\d{15}$/.test(id)) digit = id[14]
  if (digit === undefined) return null
  return Number(digit) % 2 === 1 ? 'M' : 'F'
}

/** An 18-character resident ID with its check character, e.g. for demo data. */
export function makeResidentId(regionCode6: string, birthDate: string, sequence3: number): string {
  if (!/^\d{6}$/.test(regionCode6)) throw new Error(`Region code must be six digits: ${regionCode6}`)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) throw new Error(`Birth date must be YYYY-MM-DD: ${birthDate}`)
  if (!Number.isInteger(sequence3) || sequence3 < 0 || sequence3 > 999) throw new Error(`Sequence must be 0–999: ${sequence3}`)
  const first17 = regionCode6 + birthDate.replace(/-/g, '') + String(sequence3).padStart(3, '0')
  return first17 + idCheckCharacter(first17)
}

/** Checks an 18-character number laid out like the resident ID: characters, checksum, birth date. */
function validateEighteen(id: string, todayIso: string, withGender: boolean): IdValidation {
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, reason: 'characters' }
  if (idCheckCharacter(id.slice(0, 17)) !== id[17]) return { ok: false, reason: 'checksum' }
  return withBirthDate(id, dateFromDigits(id.slice(6, 14)), todayIso, withGender)
}

function withBirthDate(id: string, birthDate: string | null, todayIso: string, withGender: boolean): IdValidation {
  if (birthDate === null || Number(birthDate.slice(0, 4)) < EARLIEST_BIRTH_YEAR) return { ok: false, reason: 'birth_date' }
  if (birthDate > todayIso) return { ok: false, reason: 'future_birth_date' }
  const gender = withGender ? residentIdGender(id) : null
  return gender ? { ok: true, normalised: id, birthDate, gender } : { ok: true, normalised: id, birthDate }
}

function validateResident(id: string, todayIso: string): IdValidation {
  if (id.length === 18) return validateEighteen(id, todayIso, true)
  if (id.length === 15) {
    if (!/^\d{15}$/.test(id)) return { ok: false, reason: 'characters' }
    return withBirthDate(id, dateFromDigits(`19${id.slice(6, 12)}`), todayIso, true)
  }
  return { ok: false, reason: 'length' }
}

/** 港澳居民来往内地通行证: H (Hong Kong) or M (Macao) + 8 digits (card since 2013) or 10 (older booklet). */
function validateHongKongMacao(id: string, todayIso: string): IdValidation {
  if (id.length === 18) {
    if (!HONG_KONG_MACAO_RESIDENCE_PREFIXES.includes(id.slice(0, 6))) return { ok: false, reason: 'characters' }
    return validateEighteen(id, todayIso, true)
  }
  if (id.length !== 9 && id.length !== 11) return { ok: false, reason: 'length' }
  return /^[HM]\d+$/.test(id) ? { ok: true, normalised: id } : { ok: false, reason: 'characters' }
}

/**
 * 台湾居民来往大陆通行证: 8 digits (card since 2015) or 10 characters (older booklet), plus the
 * Taiwan residents' residence permit, 18 characters starting 830000.
 */
function validateTaiwan(id: string, todayIso: string): IdValidation {
  if (id.length === 18) {
    if (!id.startsWith(TAIWAN_RESIDENCE_PREFIX)) return { ok: false, reason: 'characters' }
    return validateEighteen(id, todayIso, true)
  }
  if (id.length === 8) return /^\d{8}$/.test(id) ? { ok: true, normalised: id } : { ok: false, reason: 'characters' }
  if (id.length === 10) return /^[0-9A-Z]{10}$/.test(id) ? { ok: true, normalised: id } : { ok: false, reason: 'characters' }
  return { ok: false, reason: 'length' }
}

function validatePassport(id: string): IdValidation {
  if (id.length < 5 || id.length > 17) return { ok: false, reason: 'length' }
  return /^[0-9A-Z]+$/.test(id) ? { ok: true, normalised: id } : { ok: false, reason: 'characters' }
}

/**
 * 外国人永久居留身份证: the older card is 3 letters (nationality) + 12 digits; the 2023 card has 18
 * characters starting with 9, the birth date and check character where the resident ID has them.
 */
function validateForeignPermanent(id: string, todayIso: string): IdValidation {
  if (id.length === 15) return /^[A-Z]{3}\d{12}$/.test(id) ? { ok: true, normalised: id } : { ok: false, reason: 'characters' }
  if (id.length === 18) {
    if (!id.startsWith('9')) return { ok: false, reason: 'characters' }
    return validateEighteen(id, todayIso, false)
  }
  return { ok: false, reason: 'length' }
}

/** Validates a document number of the given type; `todayIso` ('YYYY-MM-DD') rules out future birth dates. */
export function validateIdNumber(type: IdType, raw: string, todayIso: string): IdValidation {
  const id = normalise(raw)
  if (id.length === 0) return { ok: false, reason: 'length' }
  switch (type) {
    case 'resident':
      return validateResident(id, todayIso)
    case 'hk_macao_permit':
      return validateHongKongMacao(id, todayIso)
    case 'taiwan_permit':
      return validateTaiwan(id, todayIso)
    case 'passport':
      return validatePassport(id)
    case 'foreign_permanent':
      return validateForeignPermanent(id, todayIso)
  }
}
