/**
 * What the score-sheet editor needs besides checkTemplate (templates.ts): the fields a person left
 * blank (the stored sheet needs every name, title, text and code), codes for what is added (the
 * next free one, so nothing collides with an item in use), and an item switched to another rule
 * carrying only what that rule reads.
 */
import type { TemplateItem } from '../model/records'
import type { TemplateContent } from './scoring'

export type BlankField = 'name' | 'section_code' | 'section_title' | 'item_code' | 'item_text' | 'level_label' | 'veto_code' | 'veto_text'

export interface BlankProblem {
  field: BlankField
  /** Where: the section's or item's position ('s0', 's0.i3') or the veto's ('v2'); '' for the sheet's name. */
  at: string
}

type EditedContent = TemplateContent & { name: string }

const blank = (text: string) => text.trim() === ''

/** Every field the sheet must fill that is empty or only spaces, in the order they appear. */
export function blankFields(content: EditedContent): BlankProblem[] {
  const problems: BlankProblem[] = []
  if (blank(content.name)) problems.push({ field: 'name', at: '' })
  content.sections.forEach((section, s) => {
    if (blank(section.code)) problems.push({ field: 'section_code', at: `s${s}` })
    if (blank(section.title)) problems.push({ field: 'section_title', at: `s${s}` })
    section.items.forEach((item, i) => {
      const at = `s${s}.i${i}`
      if (blank(item.code)) problems.push({ field: 'item_code', at })
      if (blank(item.text)) problems.push({ field: 'item_text', at })
      if (item.rule === 'GRADE' && (item.levels ?? []).some((level) => blank(level.label))) problems.push({ field: 'level_label', at })
    })
  })
  content.vetoes.forEach((veto, v) => {
    if (blank(veto.code)) problems.push({ field: 'veto_code', at: `v${v}` })
    if (blank(veto.text)) problems.push({ field: 'veto_text', at: `v${v}` })
  })
  return problems
}

/** `prefix` followed by the lowest number above every code already so numbered: A7 after A1…A7 → A8. */
export function nextCode(prefix: string, taken: readonly string[]): string {
  const pattern = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\d+)$`)
  const numbers = taken.map((code) => pattern.exec(code)?.[1]).filter((n): n is string => n !== undefined).map(Number)
  let next = Math.max(0, ...numbers) + 1
  while (taken.includes(`${prefix}${next}`)) next++
  return `${prefix}${next}`
}

/** The first letter A–Z no section uses, then S1, S2…: sections of the paper sheet go by letter. */
export function nextSectionCode(taken: readonly string[]): string {
  const letter = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].find((l) => !taken.includes(l))
  return letter ?? nextCode('S', taken)
}

/**
 * The item under another rule: PER keeps (or gets) its points per occurrence, GRADE its levels
 * (or the three given labels at full, half and no points), ALL neither.
 */
export function withRule(item: TemplateItem, rule: TemplateItem['rule'], levelLabels: readonly [string, string, string]): TemplateItem {
  const { perOccurrence, levels, ...rest } = item
  if (rule === 'PER') return { ...rest, rule, perOccurrence: perOccurrence ?? 1 }
  if (rule === 'GRADE') {
    const [full, half, none] = levelLabels
    return { ...rest, rule, levels: levels ?? [{ label: full, points: item.max }, { label: half, points: item.max / 2 }, { label: none, points: 0 }] }
  }
  return { ...rest, rule }
}
