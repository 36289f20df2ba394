/**
 * Rule sets that admin edits (the lobby's, the wealth area's): checked whole when submitted, and
 * read back key by key over their defaults so one stale stored value never voids the rest.
 */
import * as v from 'valibot'

export type RuleSetValidation<T> = { ok: true; rules: T } | { ok: false; issues: { path: string; message: string }[] }

type ObjectSchema<T> = v.GenericSchema<unknown, T>

/** Checks a whole rule set as admin submits it, with the path of every problem for the form. */
export function validateRuleSet<T>(schema: ObjectSchema<T>, candidate: unknown): RuleSetValidation<T> {
  const result = v.safeParse(schema, candidate)
  if (result.success) return { ok: true, rules: result.output }
  return { ok: false, issues: result.issues.map((issue) => ({ path: v.getDotPath(issue) ?? '', message: issue.message })) }
}

/** Stored rules merged over the defaults, key by key; a stored value that no longer validates is ignored. */
export function resolveRuleSet<T extends object>(schema: ObjectSchema<T>, defaults: T, stored: Partial<Record<string, unknown>>): T {
  const merged: Record<string, unknown> = { ...(defaults as Record<string, unknown>) }
  for (const key of Object.keys(defaults)) {
    if (!(key in stored)) continue
    const result = v.safeParse(schema, { ...defaults, [key]: stored[key] })
    if (result.success) merged[key] = (result.output as Record<string, unknown>)[key]
  }
  return merged as T
}
