import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { freshDatabase } from '../../support/db'
import { mountWithApp } from '../../support/mount'
import { branchTerminal } from '../admin/fixtures'
import { createServicePoint } from '@/db/repositories/servicePoints'
import { openDuty } from '@/db/repositories/lobby/duty'
import { setActor } from '@/db/write'
import { i18n } from '@/i18n'
import type { ServicePoint, Staff } from '@/domain/model/records'
import { useLobbyStore } from '@/stores/lobby'
import { useTerminalStore } from '@/stores/terminal'
import TicketView from '@/views/lobby/checkin/TicketView.vue'

const walkIn = { client: null, purpose: 'cash', disabled: false, pregnant: false, age: null, amountFen: null }

/** Checks a cash walk-in in through the lobby store, as the check-in screen does; returns the visit and what it quoted. */
async function issueCashTicket(): Promise<{ visitId: string; estimateMinutes: number | null }> {
  setActivePinia(createPinia())
  await useTerminalStore().refresh()
  const issued = await useLobbyStore().checkIn(walkIn, {})
  return { visitId: issued.visit.id, estimateMinutes: issued.estimateMinutes }
}

const waitText = () => document.querySelector('[data-testid="ticket-wait"]')?.textContent?.trim() ?? ''

// The first mount loads element-plus and the app's i18n: slow on a cold start.
describe('the ticket when no window of its zone is open', { timeout: 20_000 }, () => {
  let admin: Staff
  let branchId: string
  let window1: ServicePoint

  beforeEach(async () => {
    await freshDatabase()
    ;({ branchId, admin } = await branchTerminal())
    setActor(admin.id)
    window1 = await createServicePoint({ branchId, kind: 'high_counter', number: 1, name: '1号窗口', active: 1 })
  })
  afterEach(() => {
    setActor(null)
    i18n.global.locale.value = 'zh-CN'
  })

  it('says no window is open instead of a wait estimate, with the people ahead still shown', async () => {
    const { visitId, estimateMinutes } = await issueCashTicket()
    expect(estimateMinutes).toBeNull()
    await mountWithApp(TicketView, { staff: admin, props: { visitId } })
    await vi.waitFor(() => expect(waitText()).toBe('当前没有开放窗口，开窗后按顺序叫号'))
    expect(document.querySelector('[data-testid="ticket-ahead"]')?.textContent?.trim()).toBe('0 人')
    expect(waitText()).not.toMatch(/\d/)

    i18n.global.locale.value = 'en'
    await vi.waitFor(() => expect(waitText()).toBe('No window is open right now; numbers are called in order once one opens'))
  })

  it('quotes minutes once a teller is on duty at a window of the zone', async () => {
    setActivePinia(createPinia())
    const terminal = useTerminalStore()
    await terminal.refresh()
    await openDuty(branchId, terminal.today, window1.id, admin.id)
    const { visitId, estimateMinutes } = await issueCashTicket()
    expect(estimateMinutes).not.toBeNull()
    await mountWithApp(TicketView, { staff: admin, props: { visitId } })
    await vi.waitFor(() => expect(waitText()).toBe(`约 ${estimateMinutes} 分钟`))
  })
})
