/**
 * Client names and how staff address clients. The seed asks that known clients be greeted by name
 * and honorific (准确地称呼某先生或某小姐); a client's own preferred form (王总, 李老师) comes first.
 */
import { pinyin } from 'pinyin-pro'
import type { Gender } from './identity'
import type { Locale } from '../settings'

export interface PersonName {
  surname: string
  givenName: string
}

export interface GreetingSubject extends PersonName {
  /** The client's preferred form of address, e.g. 王总; null to use surname + honorific. */
  addressAs: string | null
  gender: Gender | null
}

/**
 * Two-character surnames (复姓) recognised when splitting a full name. A two-character name is
 * always read as surname + given name, so only names of three characters or more can carry one.
 */
export const COMPOUND_SURNAMES: readonly string[] = [
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '慕容', '令狐', '夏侯', '尉迟', '公孙', '长孙',
  '宇文', '司徒', '端木', '独孤', '南宫', '西门', '万俟', '闻人', '赫连', '澹台', '钟离', '呼延',
  '轩辕', '拓跋', '百里', '东郭', '公羊', '司空', '申屠', '太史', '鲜于', '濮阳', '第五', '左丘',
]

const LATIN_LETTER = /[A-Za-z]/

function isWesternName(name: PersonName): boolean {
  return LATIN_LETTER.test(name.surname) || LATIN_LETTER.test(name.givenName)
}

/** Chinese names run surname first with no space; Western names "Given Surname". */
export function fullName(name: PersonName): string {
  if (isWesternName(name)) return `${name.givenName} ${name.surname}`.trim()
  return name.surname + name.givenName
}

/** 欧阳建国 → 欧阳 + 建国; 王芳 → 王 + 芳; "John Smith" → Smith + John. */
export function splitChineseName(full: string): PersonName {
  const name = full.trim()
  const words = name.split(/\s+/)
  if (words.length > 1) return { surname: words[words.length - 1]!, givenName: words.slice(0, -1).join(' ') }
  const chars = [...name]
  const surnameLength = chars.length >= 3 && COMPOUND_SURNAMES.includes(chars.slice(0, 2).join('')) ? 2 : 1
  return { surname: chars.slice(0, surnameLength).join(''), givenName: chars.slice(surnameLength).join('') }
}

/** The surname in pinyin as it is written in English, capitalised: 欧阳 → Ouyang, 单 → Shan. */
export function surnameInPinyin(surname: string): string {
  const syllables = pinyin(surname, { toneType: 'none', surname: 'all', type: 'array', nonZh: 'consecutive' }).join('')
  return syllables.charAt(0).toUpperCase() + syllables.slice(1)
}

/**
 * How to address the client: their preferred form when they have one (kept as is in English, as
 * staff say it), else surname + honorific. With no gender on file Chinese uses the neutral 客户
 * (王客户) and English the bare surname.
 */
export function greetingName(client: GreetingSubject, locale: Locale): string {
  const preferred = client.addressAs?.trim()
  if (preferred) return preferred
  if (locale === 'en') {
    const surname = LATIN_LETTER.test(client.surname) ? client.surname : surnameInPinyin(client.surname)
    if (client.gender === 'M') return `Mr ${surname}`
    if (client.gender === 'F') return `Ms ${surname}`
    return surname
  }
  if (client.gender === 'M') return `${client.surname}先生`
  if (client.gender === 'F') return `${client.surname}女士`
  return `${client.surname}客户`
}
