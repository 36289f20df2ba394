/**
 * 异动预警: the no-contact sweep (idempotent: one alert per key) and the alerts list, where an
 * alert is acknowledged with the action taken, never just dismissed.
 */
import { VIP_TIERS, type Client, type WealthAlert } from '@/domain/model/records'
import { noContactAlert, type AlertAction } from '@/domain/wealth/noContact'
import { database } from '../../connection'
import { getLocal, LOCAL_KEYS } from '../../local'
import { writeRecords } from '../../write'
import { loadBranchSettings } from '../settings'
import { loadWealthRules } from './rules'

/**
 * Raises a 'no_contact' alert for every VIP of this terminal's branch silent for too long and not
 * yet alerted for that silence; returns how many were raised. Reads the VIPs by the tier index and
 * the existing alerts by the key index, so running it on every visit to the area costs little.
 */
export async function raiseNoContactAlerts(today: string, nowMs: number): Promise<number> {
  const branchId = await getLocal<string>(LOCAL_KEYS.branchId)
  if (!branchId) return 0
  const [rules, settings] = await Promise.all([loadWealthRules(), loadBranchSettings()])
  const vips = await database().records('clients').where('vipTier').anyOf([...VIP_TIERS]).toArray()
  const due = vips.filter((c) => c.branchId === branchId && c.deleted === 0).flatMap((client) => {
    const alert = noContactAlert(client, rules, today, settings.timeZone)
    return alert ? [{ client, alert }] : []
  })
  if (due.length === 0) return 0
  return writeRecords(['wealthAlerts'], async (w) => {
    // Read inside the transaction: two tabs sweeping at once must not both raise the same alert.
    const known = new Set((await database().records('wealthAlerts').where('key').anyOf(due.map((d) => d.alert.key)).toArray()).map((a) => a.key))
    const fresh = due.filter((d) => !known.has(d.alert.key))
    if (fresh.length > 0) {
      await w.insertMany(
        'wealthAlerts',
        fresh.map(({ client, alert }) => ({ branchId, clientId: client.id, kind: 'no_contact' as const, key: alert.key, raisedAt: nowMs, businessDate: today, facts: alert.facts, status: 'open' as const, action: '', acknowledgedBy: null, acknowledgedAt: null })),
      )
    }
    return fresh.length
  })
}

export type AlertStatus = WealthAlert['status']

/** The branch's alerts of one status, newest first. */
export async function branchAlerts(branchId: string, status: AlertStatus): Promise<WealthAlert[]> {
  const rows = await database().records('wealthAlerts').where('[branchId+status]').equals([branchId, status]).toArray()
  return rows.filter((a) => a.deleted === 0).sort((a, b) => b.raisedAt - a.raisedAt)
}

export interface AlertEntry {
  alert: WealthAlert
  client: Client | null
}

/** The branch's alerts of one status with their clients, in one read (a live query tracks all of it). */
export function alertsWithClients(branchId: string, status: AlertStatus): Promise<AlertEntry[]> {
  return database().transaction('r', ['wealthAlerts', 'clients'], async () => {
    const alerts = await branchAlerts(branchId, status)
    const clients = await database().records('clients').bulkGet([...new Set(alerts.map((a) => a.clientId))])
    const byId = new Map(clients.filter((c): c is Client => c !== undefined && c.deleted === 0).map((c) => [c.id, c]))
    return alerts.map((alert) => ({ alert, client: byId.get(alert.clientId) ?? null }))
  })
}

/**
 * Acknowledges an open alert with the action taken and a note (kept in the alert's facts as
 * `ackNote`: the record has one text field for the action). An alert acknowledged meanwhile is left as it is.
 */
export function acknowledgeAlert(id: string, action: AlertAction, note: string, staffId: string, nowMs: number): Promise<WealthAlert> {
  return writeRecords(['wealthAlerts'], async (w) => {
    const current = await database().records('wealthAlerts').get(id)
    if (!current) throw new Error(`No alert ${id}`)
    if (current.status !== 'open') return current
    return w.update('wealthAlerts', id, { status: 'acknowledged', action, facts: { ...current.facts, ackNote: note }, acknowledgedBy: staffId, acknowledgedAt: nowMs }, { action: 'wealthAlert.acknowledge' })
  })
}
