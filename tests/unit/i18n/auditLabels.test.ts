// @vitest-environment node
/**
 * The audit log shows each entry's action by name: every action the code writes must have a label
 * in both languages, or the log would show raw codes such as 'client.balances_import'.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import zh from '@/i18n/locales/zh-CN/admin'
import en from '@/i18n/locales/en/admin'

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|vue)$/.test(name) ? [path] : []
  })
}

/** Dotted literals on the lines of src/db (the only writer) that name an action or audit: `{ action: 'x.y' }`, `w.audit('x.y', …)`, `const action = a ? 'x.y' : 'x.z'`. */
function writtenActions(): string[] {
  const found = new Set<string>()
  for (const file of sourceFiles(join(__dirname, '../../../src/db'))) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!/\baction\b|\.audit\(/.test(line)) continue
      for (const match of line.matchAll(/'([a-z][a-zA-Z_]*(?:\.[a-z][a-zA-Z_]*)+)'/g)) found.add(match[1]!)
    }
  }
  return [...found].sort()
}

function label(messages: unknown, action: string): unknown {
  return action.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], messages)
}

describe('audit log labels', () => {
  const actions = writtenActions()

  it('finds the actions the code writes', () => {
    expect(actions).toContain('client.balances_import')
    expect(actions).toContain('lobby.auto_close_day')
  })

  it.each([
    ['zh-CN', zh.audit.action],
    ['en', en.audit.action],
  ])('every written action has a %s label', (_lang, labels) => {
    expect(actions.filter((action) => typeof label(labels, action) !== 'string')).toEqual([])
  })
})
