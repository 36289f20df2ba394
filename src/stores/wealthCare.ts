import { computed } from 'vue'
import { defineStore } from 'pinia'
import { branchCompliance, clientCareToday, dueList as readDueList, recomputeCare, type DueEntry, type DueList } from '@/db/repositories/wealth/care'
import { diaryPageWithClients, logContact as writeContact } from '@/db/repositories/wealth/contacts'
import { acknowledgeAlert, alertsWithClients, raiseNoContactAlerts, type AlertEntry, type AlertStatus } from '@/db/repositories/wealth/alerts'
import { loadWealthRules } from '@/db/repositories/wealth/rules'
import { listBranchStaff } from '@/db/repositories/staff'
import { branchStaffNames } from '@/db/repositories/staffNames'
import { checkContact, type ContactInput, type ContactProblem } from '@/domain/wealth/diary'
import type { ManagerCompliance } from '@/domain/wealth/compliance'
import { checkAcknowledgement, type AcknowledgeProblem, type AlertAction } from '@/domain/wealth/noContact'
import type { Client, Contact, Staff } from '@/domain/model/records'
import { useTerminalStore } from './terminal'
import { useSessionStore } from './session'

export type { AlertEntry, DueEntry, DueList }

/** Roles that keep a book of VIPs (分户到人). */
const MAINTAINER_ROLES: readonly string[] = ['customer_manager', 'wealth_manager']

/** Care between visits: the due list, the work diary, compliance per manager, anomaly alerts. */
export const useWealthCareStore = defineStore('wealthCare', () => {
  const terminal = useTerminalStore()
  const session = useSessionStore()
  const branchId = computed(() => terminal.state.branchId ?? '')
  const zone = () => terminal.settings.timeZone
  /** The branch head sees every manager's list, diary and alerts; a manager their own. */
  const seesBranch = computed(() => session.roles.includes('branch_head'))
  const me = computed(() => session.staff?.id ?? '')
  let sweeping: Promise<number> | null = null
  const refreshed = new Set<string>()

  /** The branch's active customer and wealth managers: the people who keep a book. */
  async function managers(): Promise<Staff[]> {
    return (await listBranchStaff(branchId.value)).filter((s) => s.active === 1 && s.roles.some((r) => MAINTAINER_ROLES.includes(r)))
  }

  /** Every person of the branch by id, with their full name (who maintains, who acknowledged). */
  async function staffNames(): Promise<Map<string, string>> {
    return branchStaffNames(branchId.value)
  }

  /** A manager's due list today (overdue, today, this week), from the indexed next care date. */
  function dueList(staffId: string): Promise<DueList> {
    return readDueList(staffId, terminal.today, zone())
  }

  /** Puts right the indexed next care date of clients a due list found stale (each once per day and tab); returns how many changed. */
  async function refreshStale(clientIds: readonly string[]): Promise<number> {
    const fresh = clientIds.filter((id) => !refreshed.has(`${terminal.today}:${id}`))
    for (const id of fresh) refreshed.add(`${terminal.today}:${id}`)
    return fresh.length ? recomputeCare(fresh, terminal.today) : 0
  }

  /** A client and their care items on today's list (for logging a contact from the client card), or null. */
  function clientCare(clientId: string): Promise<DueEntry | null> {
    return clientCareToday(clientId, terminal.today, zone())
  }

  /** Logs a contact by the signed-in person and moves the client's care on, in one write; the problems instead when incomplete. */
  async function logContact(clientId: string, input: ContactInput): Promise<{ ok: true; contact: Contact } | { ok: false; problems: ContactProblem[] }> {
    const problems = checkContact(input)
    if (problems.length > 0 || !input.channel) return { ok: false, problems }
    const rules = await loadWealthRules()
    const contact = await writeContact(
      { branchId: branchId.value, clientId, staffId: me.value, at: Date.now(), businessDate: terminal.today, channel: input.channel, service: input.service, occasion: input.occasion, note: input.note.trim(), nextStep: input.nextStep.trim() },
      rules,
      terminal.today,
      zone(),
    )
    return { ok: true, contact }
  }

  /** The first `limit` entries of a manager's diary, newest first, with the clients they name. */
  function diary(staffId: string, limit: number): Promise<{ contacts: Contact[]; clients: Map<string, Client> }> {
    return diaryPageWithClients(staffId, Number.MAX_SAFE_INTEGER, limit)
  }

  /** Compliance of every manager, worst first (branch head). */
  async function compliance(): Promise<ManagerCompliance[]> {
    const people = await managers()
    return branchCompliance(branchId.value, people.map((p) => p.id), terminal.today, zone())
  }

  /** Alerts of one status the signed-in person answers for: their clients', or all for the branch head. */
  async function alerts(status: AlertStatus): Promise<AlertEntry[]> {
    const entries = await alertsWithClients(branchId.value, status)
    return seesBranch.value ? entries : entries.filter((e) => e.client?.maintainerId === me.value)
  }

  /** Acknowledges an alert with the action taken (audited); the problems instead when no action is given. */
  async function acknowledge(alertId: string, action: AlertAction | null, note: string): Promise<{ ok: true } | { ok: false; problems: AcknowledgeProblem[] }> {
    const problems = checkAcknowledgement(action, note)
    if (problems.length > 0 || !action) return { ok: false, problems }
    await acknowledgeAlert(alertId, action, note.trim(), me.value, Date.now())
    return { ok: true }
  }

  /** Raises the no-contact alerts due today (idempotent; one sweep at a time per tab); returns how many were raised. */
  function sweepNoContact(): Promise<number> {
    sweeping ??= raiseNoContactAlerts(terminal.today, Date.now()).finally(() => (sweeping = null))
    return sweeping
  }

  return { seesBranch, me, managers, staffNames, dueList, refreshStale, clientCare, logContact, diary, compliance, alerts, acknowledge, sweepNoContact }
})
