/**
 * Lookup keys for the clients' multi-entry index, matched by prefix (`startsWith`) so a search
 * never scans the table. Keys and queries share one space: lower case, no spaces or dashes,
 * half-width characters, ü written v (as typed on a keyboard) and an ID number's check character
 * as a lower-case x.
 *
 * A four-digit query matches both phone tails and card tails: both are what a client offers at
 * the door ("尾号 1234"), so showing either kind of match is what the lobby manager wants.
 */
import { pinyin } from 'pinyin-pro'
import { fullName, type PersonName } from './names'

export interface SearchableClient extends PersonName {
  phone: string | null
  idNumber: string | null
  cardTails: readonly string[]
}

const HAN = /\p{Script=Han}/u

/** A typed query (or a value to index) in the key space. */
export function normaliseQuery(query: string): string {
  return query.normalize('NFKC').toLowerCase().replace(/[\s\-·.]/g, '').replace(/ü/g, 'v')
}

function syllables(text: string, surnameMode: boolean): string[] {
  return pinyin(text, { toneType: 'none', type: 'array', v: true, nonZh: 'removed', surname: surnameMode ? 'all' : 'off' })
}

/**
 * Surname readings to index: the surname reading first (单 → shan, 曾 → zeng) and the everyday
 * reading too when it differs, since staff who do not know the name type what they would say.
 */
function surnameReadings(surname: string): string[][] {
  const asSurname = syllables(surname, true)
  const everyday = syllables(surname, false)
  return asSurname.join('') === everyday.join('') ? [asSurname] : [asSurname, everyday]
}

function nameKeys(name: PersonName): string[] {
  const keys = [normaliseQuery(fullName(name))]
  if (!HAN.test(name.surname + name.givenName)) return keys
  const given = syllables(name.givenName, false)
  for (const surname of surnameReadings(name.surname)) {
    const all = [...surname, ...given]
    keys.push(all.map((syllable) => syllable.charAt(0)).join(''), all.join(''))
  }
  return keys
}

/** Name in characters, pinyin initials (wjg), full pinyin (wangjianguo), phone and its tail, ID, card tails. */
export function clientSearchKeys(client: SearchableClient): string[] {
  const keys = nameKeys(client)
  const phone = client.phone ? normaliseQuery(client.phone) : ''
  if (phone) keys.push(phone, phone.slice(-4))
  if (client.idNumber) keys.push(normaliseQuery(client.idNumber))
  keys.push(...client.cardTails.map(normaliseQuery))
  return [...new Set(keys.filter((key) => key.length > 0))]
}
