import { defineStore } from 'pinia'
import { saveTemplateEdits, templateVersions, type TemplateContentEdits, type TemplateSave } from '@/db/repositories/inspection/templates'
import { loadInspectionRules, saveInspectionRules } from '@/db/repositories/inspection/rules'
import { exportInspections, importInspections, type ExportedInspections, type ImportReport } from '@/db/backup/exchange'
import { exportableVisits, scorecardRecord, unexportedPhotoCount, visitCountsByTemplate, type ExportableVisit, type ExportFilter, type ScorecardRecord } from '@/db/repositories/inspection/settingsQueries'
import type { InspectionTemplate } from '@/domain/model/records'
import type { InspectionRules } from '@/domain/inspection/rules'
import type { RuleSetValidation } from '@/domain/ruleSets'
import { useInspectionStore } from './inspection'

export type { ExportableVisit, ExportFilter, ExportedInspections, ImportReport, ScorecardRecord, TemplateSave }

/** One version of a score sheet and how many visits were scored with it. */
export interface TemplateVersion {
  template: InspectionTemplate
  visits: number
}

/**
 * The inspection's settings: the score sheet's versions and edits, the inspection rules, the
 * files tablets exchange, and one visit's printable scorecard. Whatever changes the sheet, the
 * rules or the region's records is followed by the shared inspection store's refresh.
 */
export const useInspectionSettingsStore = defineStore('inspectionSettings', () => {
  const inspection = useInspectionStore()

  /** Every version of a sheet, newest first, with the visits each scored. */
  async function versions(code: string): Promise<TemplateVersion[]> {
    const [all, counts] = await Promise.all([templateVersions(code), visitCountsByTemplate()])
    return all.map((template) => ({ template, visits: counts[template.id] ?? 0 }))
  }

  /** Saves an edited sheet (a new version when the one edited was used); the shared sheet follows. */
  async function saveTemplate(templateId: string, edits: TemplateContentEdits): Promise<TemplateSave> {
    const saved = await saveTemplateEdits(templateId, edits)
    if (saved.ok) await inspection.refresh()
    return saved
  }

  /** The inspection rules in force. */
  function loadRules(): Promise<InspectionRules> {
    return loadInspectionRules()
  }

  /** Saves the rules as the next version when they are valid; the shared rules follow. */
  async function saveRules(candidate: InspectionRules): Promise<RuleSetValidation<InspectionRules>> {
    const saved = await saveInspectionRules(candidate)
    if (saved.ok) await inspection.refresh()
    return saved
  }

  /** Photos and signatures of visits never exported nor synchronised. */
  function unexportedCount(): Promise<number> {
    return unexportedPhotoCount()
  }

  /** Submitted visits that can go into a file, newest first. */
  function visitsToExport(filter: ExportFilter): Promise<ExportableVisit[]> {
    return exportableVisits(filter)
  }

  /** Seals the chosen visits into an encrypted file; their pictures count as exported from then on. */
  function exportVisits(ids: readonly string[], passphrase: string): Promise<ExportedInspections> {
    return exportInspections(ids, passphrase)
  }

  /** Merges another tablet's file (nothing changes when it is damaged, foreign or the passphrase is wrong); the outlets and sheets follow. */
  async function importFile(file: Blob, passphrase: string): Promise<ImportReport> {
    const report = await importInspections(file, passphrase)
    await inspection.refresh()
    return report
  }

  /** A submitted visit with its template version and signatures, or null. */
  function scorecard(id: string): Promise<ScorecardRecord | null> {
    return scorecardRecord(id)
  }

  return { versions, saveTemplate, loadRules, saveRules, unexportedCount, visitsToExport, exportVisits, importFile, scorecard }
})
