import { describe, expect, it } from 'vitest'
import { fullName, greetingName, splitChineseName, surnameInPinyin, type GreetingSubject } from '@/domain/clients/names'

function client(fields: Partial<GreetingSubject>): GreetingSubject {
  return { surname: '王', givenName: '建国', addressAs: null, gender: 'M', ...fields }
}

describe('greeting a client', () => {
  it('uses the preferred form of address when the client has one', () => {
    expect(greetingName(client({ addressAs: '王总' }), 'zh-CN')).toBe('王总')
    expect(greetingName(client({ surname: '李', addressAs: '李老师', gender: 'F' }), 'en')).toBe('李老师')
  })

  it('otherwise says surname + 先生 / 女士', () => {
    expect(greetingName(client({}), 'zh-CN')).toBe('王先生')
    expect(greetingName(client({ surname: '李', givenName: '芳', gender: 'F' }), 'zh-CN')).toBe('李女士')
  })

  it('keeps a compound surname whole', () => {
    expect(greetingName(client({ surname: '欧阳', givenName: '磊' }), 'zh-CN')).toBe('欧阳先生')
    expect(greetingName(client({ surname: '欧阳', givenName: '磊' }), 'en')).toBe('Mr Ouyang')
  })

  it('with no sex on file, uses the neutral 客户 in Chinese and the bare surname in English', () => {
    expect(greetingName(client({ gender: null }), 'zh-CN')).toBe('王客户')
    expect(greetingName(client({ gender: null }), 'en')).toBe('Wang')
  })

  it('in English, writes the surname in capitalised pinyin with its surname reading', () => {
    expect(greetingName(client({ surname: '李', gender: 'F' }), 'en')).toBe('Ms Li')
    expect(greetingName(client({ surname: '单', givenName: '雄信' }), 'en')).toBe('Mr Shan')
    expect(surnameInPinyin('曾')).toBe('Zeng')
  })

  it('ignores a blank preferred form', () => {
    expect(greetingName(client({ addressAs: '  ' }), 'zh-CN')).toBe('王先生')
  })
})

describe('full names', () => {
  it('writes a Chinese name surname first without a space', () => {
    expect(fullName({ surname: '欧阳', givenName: '建国' })).toBe('欧阳建国')
  })

  it('writes a Western name given name first', () => {
    expect(fullName({ surname: 'Smith', givenName: 'John' })).toBe('John Smith')
  })
})

describe('splitting a full name', () => {
  it('takes the first character as the surname', () => {
    expect(splitChineseName('王建国')).toEqual({ surname: '王', givenName: '建国' })
    expect(splitChineseName('王芳')).toEqual({ surname: '王', givenName: '芳' })
  })

  it('recognises compound surnames', () => {
    for (const [name, surname] of [['欧阳磊', '欧阳'], ['司马光', '司马'], ['诸葛亮', '诸葛'], ['上官婉儿', '上官'], ['尉迟恭', '尉迟'], ['西门吹雪', '西门']]) {
      expect(splitChineseName(name!).surname).toBe(surname)
    }
  })

  it('reads a two-character name as surname + given name even when it looks compound', () => {
    expect(splitChineseName('欧阳')).toEqual({ surname: '欧', givenName: '阳' })
  })

  it('takes the last word of a Western name as the surname', () => {
    expect(splitChineseName(' John Smith ')).toEqual({ surname: 'Smith', givenName: 'John' })
  })
})
