/**
 * Mounts the visit screens as the app runs them: the test router's /inspection area, whose layout
 * prepares the score sheet, rules, outlets and people before a visit screen renders, at the route
 * asked for. Visits are made through the repositories, as another tablet or an earlier session
 * would have left them.
 */
import { RouterView } from 'vue-router'
import { vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { freshDatabase } from '../../../support/db'
import { mountWithApp, type Mounted } from '../../../support/mount'
import { today } from '../../../support/counterSeed'
import { allPassed, picture, seedInspectionBranch, type InspectionBranch } from '../../../support/inspectionSeed'
import { stubCanvas } from '../capture/canvasStub'
import { saveDraft, startInspection, submitInspection } from '@/db/repositories/inspection/visits'
import type { ItemAnswer } from '@/domain/inspection/scoring'
import type { VetoFinding } from '@/domain/inspection/vetoes'
import type { Inspection, Staff } from '@/domain/model/records'

/** The visit screens at `at`, signed in as `staff`; resolves once the screen is there. */
export async function mountVisits(at: string, staff: Staff, ready: string): Promise<Mounted> {
  const mounted = await mountWithApp(RouterView, { staff, route: at })
  await vi.waitFor(() => {
    if (!mounted.wrapper.find(`[data-testid="${ready}"]`).exists()) throw new Error(`${ready} not shown`)
    // The first screen of a run waits for its lazy route to be transformed.
  }, 15_000)
  await flushPromises()
  return mounted
}

/**
 * What jsdom lacks: object URLs (thumbnails and signatures get stand-ins, counted so tests can see
 * them revoked) and scrolling an element into view.
 */
export function stubBrowser(): { made: string[]; revoked: string[] } {
  Element.prototype.scrollIntoView = vi.fn()
  const made: string[] = []
  const revoked: string[] = []
  URL.createObjectURL = vi.fn(() => {
    const url = `blob:test/${made.length}`
    made.push(url)
    return url
  })
  URL.revokeObjectURL = vi.fn((url: string) => void revoked.push(url))
  return { made, revoked }
}

/** Each test's start: a fresh database with the inspection branch, the browser stand-ins, no remembered positions. */
export async function freshVisitBranch(): Promise<InspectionBranch> {
  await freshDatabase()
  stubBrowser()
  stubCanvas()
  localStorage.clear()
  return seedInspectionBranch()
}

export async function draftVisit(b: InspectionBranch, answers: Record<string, ItemAnswer> = {}, vetoes: VetoFinding[] = []): Promise<Inspection> {
  const visit = await startInspection({
    templateId: b.template.id,
    branchId: b.branchId,
    inspectorId: b.inspector.id,
    date: today,
    kind: 'on_site',
    observedWindows: ['1号窗口'],
    observedStaffNos: ['9005'],
    context: { traffic: 'normal', openCounters: 4, team: ['蒋平'], accompaniedBy: '赵建华' },
  })
  return Object.keys(answers).length || vetoes.length ? saveDraft(visit.id, answers, vetoes) : visit
}

/** A submitted visit: every item passed but C1, one occurrence naming 9005. */
export async function submittedVisit(b: InspectionBranch): Promise<Inspection> {
  const visit = await draftVisit(b, { ...allPassed(b.template), C1: { kind: 'deduct', occurrences: [{ staffNo: '9005', note: '未佩戴工号牌', photoIds: [] }], fixedOnSpot: false, note: '' } })
  return submitInspection(visit.id, { image: picture('signature'), name: '蒋平', staffId: b.inspector.id }, today)
}

export const signature = () => ({ blob: new Blob(['png'], { type: 'image/png' }), mimeType: 'image/png' as const, width: 300, height: 80 })
