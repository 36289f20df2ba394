import { describe, expect, it } from 'vitest'
import { clientSearchKeys, normaliseQuery, type SearchableClient } from '@/domain/clients/searchKeys'

function client(fields: Partial<SearchableClient>): SearchableClient {
  return { surname: '王', givenName: '建国', phone: null, idNumber: null, cardTails: [], ...fields }
}

/** What the clients index does: any key starting with the normalised query. */
function finds(c: SearchableClient, typed: string): boolean {
  const query = normaliseQuery(typed)
  return clientSearchKeys(c).some((key) => key.startsWith(query))
}

describe('client search keys', () => {
  it('holds the name in characters, its pinyin initials and its full pinyin', () => {
    expect(clientSearchKeys(client({}))).toEqual(['王建国', 'wjg', 'wangjianguo'])
  })

  it('finds a client by the start of any of them', () => {
    const wang = client({})
    for (const typed of ['王', '王建', 'wj', 'WJG', 'wang', 'wang jian', 'Wangjianguo']) expect(finds(wang, typed)).toBe(true)
    expect(finds(wang, 'jg')).toBe(false)
  })

  it('keeps a compound surname together in the pinyin', () => {
    expect(clientSearchKeys(client({ surname: '欧阳', givenName: '磊' }))).toEqual(['欧阳磊', 'oyl', 'ouyanglei'])
  })

  it('reads a polyphonic surname as a surname, and as everyday speech too', () => {
    const keys = clientSearchKeys(client({ surname: '单', givenName: '雄信' }))
    expect(keys).toContain('sxx')
    expect(keys).toContain('shanxiongxin')
    expect(keys).toContain('danxiongxin')
  })

  it('writes ü as v, as it is typed', () => {
    expect(clientSearchKeys(client({ surname: '吕', givenName: '绿' }))).toContain('lvlv')
    expect(finds(client({ surname: '吕', givenName: '绿' }), 'lü')).toBe(true)
  })

  it('holds the phone number and its last four digits', () => {
    const keys = clientSearchKeys(client({ phone: '13812341234' }))
    expect(keys).toContain('13812341234')
    expect(keys).toContain('1234')
  })

  it('holds the ID number with a lower-case x, whatever case is typed', () => {
    const withId = client({ idNumber: '11010519491231002X' })
    expect(clientSearchKeys(withId)).toContain('11010519491231002x')
    expect(finds(withId, '11010519491231002X')).toBe(true)
    expect(finds(withId, '11010519491231002x')).toBe(true)
  })

  it('holds card tails; four digits find a phone tail or a card tail alike', () => {
    const withCard = client({ phone: '13800005678', cardTails: ['4321', '8765'] })
    expect(finds(withCard, '4321')).toBe(true)
    expect(finds(withCard, '5678')).toBe(true)
  })

  it('has no duplicates and no empty keys', () => {
    const keys = clientSearchKeys(client({ phone: '13800001234', cardTails: ['1234', '1234'] }))
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys).not.toContain('')
  })

  it('indexes a Western name as typed', () => {
    expect(clientSearchKeys(client({ surname: 'Smith', givenName: 'John' }))).toEqual(['johnsmith'])
  })
})

describe('typed queries', () => {
  it('drop spaces and dashes, fold case and full-width characters', () => {
    expect(normaliseQuery(' 138-1234 1234 ')).toBe('13812341234')
    expect(normaliseQuery('ＷＪＧ')).toBe('wjg')
    expect(normaliseQuery('王 建国')).toBe('王建国')
  })
})
