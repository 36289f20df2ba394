/**
 * Inspection templates (窗口服务检查计分表): versioned. Editing a version that any inspection used
 * (a draft included) saves the next version and retires the one before, in one transaction, so
 * every inspection keeps the version it was scored with; an unused version is edited in place.
 */
import type { InspectionTemplate } from '@/domain/model/records'
import { DEFAULT_INSPECTION_TEMPLATE, SHIPPED_TEMPLATE_ID } from '@/domain/inspection/defaultTemplate'
import { checkTemplate, planTemplateEdit, type TemplateProblem } from '@/domain/inspection/templates'
import { database } from '../../connection'
import { writeRecords } from '../../write'

export type TemplateContentEdits = Pick<InspectionTemplate, 'name' | 'sections' | 'vetoes' | 'gradeBands'>

export type TemplateSave = { ok: true; template: InspectionTemplate; newVersion: boolean } | { ok: false; problems: TemplateProblem[] }

async function liveTemplates(): Promise<InspectionTemplate[]> {
  return (await database().records('inspectionTemplates').toArray()).filter((t) => t.deleted === 0)
}

/** The version in use for each template code (the active one, highest version first). */
export async function activeTemplates(): Promise<InspectionTemplate[]> {
  const byCode = new Map<string, InspectionTemplate>()
  for (const t of await liveTemplates()) {
    if (t.active !== 1) continue
    const seen = byCode.get(t.code)
    if (!seen || seen.version < t.version) byCode.set(t.code, t)
  }
  return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code))
}

/** Every version of a template code, newest first. */
export async function templateVersions(code: string): Promise<InspectionTemplate[]> {
  return (await liveTemplates()).filter((t) => t.code === code).sort((a, b) => b.version - a.version)
}

export async function getTemplate(id: string): Promise<InspectionTemplate | undefined> {
  return database().records('inspectionTemplates').get(id)
}

/** A terminal without any template gets the default score sheet (the one that ships). */
export async function ensureDefaultTemplate(): Promise<InspectionTemplate> {
  return writeRecords(['inspectionTemplates'], async (w) => {
    const existing = (await liveTemplates()).find((t) => t.code === DEFAULT_INSPECTION_TEMPLATE.code && t.active === 1)
    return existing ?? w.insert('inspectionTemplates', { ...structuredClone(DEFAULT_INSPECTION_TEMPLATE), id: SHIPPED_TEMPLATE_ID }, { action: 'inspectionTemplate.install' })
  })
}

/** Saves edits to a template version: checked first; a version in use gets a successor instead. */
export async function saveTemplateEdits(templateId: string, edits: TemplateContentEdits): Promise<TemplateSave> {
  const check = checkTemplate(edits)
  if (check.problems.length > 0) return { ok: false, problems: check.problems }
  return writeRecords(['inspectionTemplates', 'inspections'], async (w): Promise<TemplateSave> => {
    const current = await database().records('inspectionTemplates').get(templateId)
    if (!current) throw new Error(`No inspection template ${templateId}`)
    const inUse = (await database().records('inspections').filter((i) => i.templateId === templateId).count()) > 0
    const versions = (await liveTemplates()).filter((t) => t.code === current.code).map((t) => t.version)
    const plan = planTemplateEdit(current, edits, inUse, versions)
    if (plan.kind === 'unchanged') return { ok: true, template: current, newVersion: false }
    if (plan.kind === 'in_place') return { ok: true, template: await w.update('inspectionTemplates', current.id, edits, { action: 'inspectionTemplate.edit' }), newVersion: false }
    await w.update('inspectionTemplates', current.id, { active: 0 }, { action: 'inspectionTemplate.retire' })
    return { ok: true, template: await w.insert('inspectionTemplates', plan.template, { action: 'inspectionTemplate.version' }), newVersion: true }
  })
}
