// @vitest-environment node
/** Backups, restores, the demo wipe and the audit log name tables by label: every table needs one in both languages. */
import { describe, expect, it } from 'vitest'
import { RECORD_TABLES } from '@/domain/model/records'
import zh from '@/i18n/locales/zh-CN/setup'
import en from '@/i18n/locales/en/setup'

describe('table labels', () => {
  it('every replicated table has a label in Chinese and English', () => {
    const missing = (labels: Record<string, string>) => RECORD_TABLES.filter((table) => !labels[table])
    expect(missing(zh.table)).toEqual([])
    expect(missing(en.table)).toEqual([])
  })
})
