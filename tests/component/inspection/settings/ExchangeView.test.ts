/**
 * The exchange page in jsdom: the file's sealing and merging are the repository's (tested on
 * fake-indexeddb under Node in tests/unit/db/inspection-exchange.test.ts, where Blobs survive), so
 * here they stand in for it and the page is checked for what it offers, sends and says.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { RouterView } from 'vue-router'
import { flushPromises } from '@vue/test-utils'
import { freshDatabase } from '../../../support/db'
import { today } from '../../../support/counterSeed'
import { allPassed, seedInspectionBranch, type InspectionBranch } from '../../../support/inspectionSeed'
import { mountWithApp } from '../../../support/mount'
import { click, getByTestId, typeInto } from '../../admin/dom'
import { writeRecords } from '@/db/write'
import { BackupError } from '@/db/backup'
import { exportInspections, importInspections } from '@/db/backup/exchange'
import { unexportedPhotoCount } from '@/db/repositories/inspection/settingsQueries'
import { addDays } from '@/domain/time'
import UnexportedPhotosNote from '@/components/inspection/exchange/UnexportedPhotosNote.vue'

vi.mock('@/db/backup/exchange', () => ({ exportInspections: vi.fn(), importInspections: vi.fn() }))
vi.mock('@/db/repositories/inspection/settingsQueries', async (original) => ({ ...(await original<object>()), unexportedPhotoCount: vi.fn() }))

const PASSPHRASE = 'hangzhou-2026'
let b: InspectionBranch
beforeEach(async () => {
  await freshDatabase()
  b = await seedInspectionBranch()
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:exchange'), revokeObjectURL: vi.fn() }))
  vi.mocked(unexportedPhotoCount).mockResolvedValue(7)
})

/** A submitted visit as the repository leaves it (its signature aside: jsdom cannot store the picture). */
async function submittedVisit(branchId: string, date: string, normalised: number) {
  return writeRecords(['inspections'], (w) =>
    w.insert('inspections', {
      templateId: b.template.id, templateVersion: 1, branchId, inspectorId: b.inspector.id, date, status: 'submitted', details: {}, kind: 'unannounced', halfMonth: `${date.slice(0, 7)}-H${Number(date.slice(8)) <= 15 ? 1 : 2}`,
      observedWindows: [], observedStaffNos: [], context: { traffic: null, openCounters: null, team: ['蒋平'], accompaniedBy: '' }, answers: allPassed(b.template), vetoes: [], startedAt: 1, submittedAt: 2,
      summary: { earned: normalised, applicableMax: 100, normalised, grade: 'excellent', gradeByPoints: 'excellent', confirmedVetoes: 0, answeredCount: 42, itemCount: 42 }, inspectorSignature: null, acknowledgement: null, amends: null, amendReason: '',
    }),
  )
}

async function opened() {
  const { wrapper } = await mountWithApp(RouterView, { route: '/inspection/exchange', staff: b.inspector })
  await vi.waitFor(() => expect(wrapper.find('[data-testid="exchange-unexported"]').exists()).toBe(true))
  return wrapper
}

describe('exchanging inspections as files', () => {
  it('says first how many pictures are only on this tablet', async () => {
    const wrapper = await opened()
    await vi.waitFor(() => expect(wrapper.get('[data-testid="exchange-unexported"]').text()).toContain('尚未导出或同步的照片和签名：7 张'))
  })

  it('exports the visits of the period picked all at once, with the passphrase typed twice, and offers the file', async () => {
    const near = await submittedVisit(b.branchId, addDays(today, -1), 98)
    const other = await submittedVisit(b.otherBranchId, addDays(today, -3), 96.5)
    await submittedVisit(b.branchId, addDays(today, -60), 90)
    vi.mocked(exportInspections).mockResolvedValue({ blob: new Blob(['sealed']), fileName: 'lobbydesk-inspections-2.ldbackup', counts: { branches: 2, inspections: 2 } as never })
    const wrapper = await opened()
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="exchange-visit-${other.id}"]`).exists()).toBe(true))
    expect(wrapper.findAll('[data-testid^="exchange-visit-"]')).toHaveLength(2)
    expect(wrapper.get(`[data-testid="exchange-visit-${other.id}"]`).text()).toContain('江北支行 · 暗访')
    expect(wrapper.get(`[data-testid="exchange-visit-${other.id}"]`).text()).toContain('96.5 分 优秀')

    await click('exchange-export')
    await vi.waitFor(() => expect(getByTestId('exchange-export-failure').textContent).toBe('请至少选择一次检查。'))
    await click('exchange-select-all')
    expect(wrapper.get('[data-testid="exchange-selected"]').text()).toBe('已选 2 次检查')
    await typeInto('exchange-passphrase', 'short')
    await click('exchange-export')
    await vi.waitFor(() => expect(wrapper.text()).toContain('口令至少要 8 个字符。'))
    expect(exportInspections).not.toHaveBeenCalled()

    await typeInto('exchange-passphrase', PASSPHRASE)
    await typeInto('exchange-passphrase-again', PASSPHRASE)
    await click('exchange-export')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="exchange-download"]').exists()).toBe(true))
    expect(exportInspections).toHaveBeenCalledWith([near.id, other.id], PASSPHRASE)
    expect(wrapper.get('[data-testid="exchange-download"]').attributes()).toMatchObject({ href: 'blob:exchange', download: 'lobbydesk-inspections-2.ldbackup' })
    expect(wrapper.get('[data-testid="exchange-count-inspections"]').text()).toBe('2')
  })

  it('reports what an import added, what was already here and each difference with the newer side', async () => {
    vi.mocked(importInspections).mockResolvedValue({
      added: { branches: 0, periodVetoes: 0, inspectionTemplates: 1, inspections: 3, attachments: 5, correctiveActions: 2 },
      unchanged: 4,
      conflicts: [{ table: 'inspections', id: '0b5d4c1e-0000-4000-8000-000000000001', newerIn: 'file' }],
    } as never)
    const wrapper = await opened()
    const input = getByTestId('exchange-import-file') as HTMLInputElement
    const file = new File(['sealed'], 'from-tablet.ldbackup')
    Object.defineProperty(input, 'files', { value: [file] })
    input.dispatchEvent(new Event('change'))
    await click('exchange-import')
    await vi.waitFor(() => expect(getByTestId('exchange-import-failure').textContent).toBe('请输入这个文件的口令。'))
    await typeInto('exchange-import-passphrase', PASSPHRASE)
    await click('exchange-import')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="exchange-report"]').exists()).toBe(true))
    expect(importInspections).toHaveBeenCalledWith(file, PASSPHRASE)
    expect(wrapper.get('[data-testid="exchange-added-inspections"]').text()).toBe('3')
    expect(wrapper.get('[data-testid="exchange-unchanged"]').text()).toBe('已有且相同：4 条')
    expect(wrapper.get('[data-testid="exchange-conflicts-inspections"]').text()).toBe('检查记录：文件里的较新 1 条，本机的较新 0 条')
  })

  it('a wrong passphrase is said in words, with nothing changed', async () => {
    vi.mocked(importInspections).mockRejectedValue(new BackupError({ kind: 'wrong_passphrase' }))
    const wrapper = await opened()
    const input = getByTestId('exchange-import-file') as HTMLInputElement
    Object.defineProperty(input, 'files', { value: [new File(['sealed'], 'from-tablet.ldbackup')] })
    input.dispatchEvent(new Event('change'))
    await typeInto('exchange-import-passphrase', 'not-the-one')
    await click('exchange-import')
    await vi.waitFor(() => expect(getByTestId('exchange-import-failure').textContent).toBe('口令不对，或者文件被改动过。请核对口令后重试。 本机数据没有任何改动。'))
    expect(wrapper.find('[data-testid="exchange-report"]').exists()).toBe(false)
  })
})

describe('the note for the visits page', () => {
  it('shows the count with the way to the exchange page, and nothing once every picture has left', async () => {
    const { wrapper, router } = await mountWithApp(UnexportedPhotosNote, { route: '/inspection/templates', staff: b.inspector })
    await vi.waitFor(() => expect(wrapper.text()).toContain('尚未导出或同步的照片和签名：7 张'))
    await wrapper.get('[data-testid="unexported-photos-open"]').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('inspection-exchange'))

    vi.mocked(unexportedPhotoCount).mockResolvedValue(0)
    const asked = vi.mocked(unexportedPhotoCount).mock.calls.length
    const { wrapper: none } = await mountWithApp(UnexportedPhotosNote, { route: '/inspection/templates', staff: b.inspector })
    await vi.waitFor(() => expect(vi.mocked(unexportedPhotoCount).mock.calls.length).toBeGreaterThan(asked))
    await flushPromises()
    expect(none.find('[data-testid="unexported-photos-note"]').exists()).toBe(false)
  })
})
