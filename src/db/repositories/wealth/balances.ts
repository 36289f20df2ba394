/**
 * Balances arrive by hand on the client page or from a core-banking file. Each arrival writes, in one
 * transaction: the dated snapshot, the client's current balances (when the snapshot is the latest),
 * the tier review with its tier changes, and the balance alerts it raises (deduplicated by key).
 * A file is applied whole or not at all.
 */
import type { BalanceSnapshot, TierChange, WealthAlert } from '@/domain/model/records'
import type { AcceptedRow, ClientOnFile } from '@/domain/wealth/balanceFile'
import { balanceAlerts } from '@/domain/wealth/tierAlerts'
import type { WealthRules } from '@/domain/wealth/rules'
import { fullName } from '@/domain/clients/names'
import type { BusinessDate } from '@/domain/time'
import { database } from '../../connection'
import { now, writeRecords, type RecordWriter } from '../../write'
import { MissingRecordError, saveWithTierReview } from './clients'
import { loadWealthRules } from './rules'

const BALANCE_TABLES = ['clients', 'balanceSnapshots', 'tierChanges', 'wealthAlerts'] as const

export interface BalanceEntry {
  clientId: string
  savingsFen: number
  totalAssetsFen: number
  asOf: BusinessDate
}

export interface BalanceOutcome {
  snapshots: number
  tierChanges: TierChange[]
  alerts: WealthAlert[]
}

/** A client's balance snapshots, latest first. */
export async function balanceHistory(clientId: string): Promise<BalanceSnapshot[]> {
  const rows = await database().records('balanceSnapshots').where('[clientId+asOf]').between([clientId, ''], [clientId, '\uffff']).toArray()
  return rows.filter((r) => r.deleted === 0).reverse()
}

/** The clients a balance file is matched against: everyone of the branch with an ID number on file. */
export async function clientsOnFile(branchId: string): Promise<ClientOnFile[]> {
  const rows = await database().records('clients').where('branchId').equals(branchId).toArray()
  return rows.filter((c) => c.deleted === 0 && c.idNumber).map((c) => ({ id: c.id, idNumber: c.idNumber!, name: fullName(c) }))
}

async function applyEntry(w: RecordWriter, entry: BalanceEntry, context: { today: BusinessDate; rules: WealthRules; source: 'edit' | 'import'; outcome: BalanceOutcome }): Promise<void> {
  const client = await database().records('clients').get(entry.clientId)
  if (!client || client.deleted !== 0) throw new MissingRecordError(`client ${entry.clientId}`)
  const history = await balanceHistory(entry.clientId)
  const sameDay = history.find((s) => s.asOf === entry.asOf)
  const balances = { savingsFen: entry.savingsFen, totalAssetsFen: entry.totalAssetsFen }
  if (sameDay) await w.update('balanceSnapshots', sameDay.id, { ...balances, source: context.source })
  else await w.insert('balanceSnapshots', { branchId: client.branchId, clientId: client.id, asOf: entry.asOf, ...balances, source: context.source })
  context.outcome.snapshots++

  // A back-dated figure joins the history but does not replace newer balances.
  const latestOther = history.find((s) => s.asOf !== entry.asOf)
  if (latestOther && latestOther.asOf > entry.asOf) return

  const action = context.source === 'import' ? 'client.balances_import' : 'client.balances_edit'
  const saved = await saveWithTierReview(w, client, balances, { today: context.today, rules: context.rules, cause: 'balance', action })
  context.outcome.tierChanges.push(...saved.tierChanges)
  for (const alert of balanceAlerts(client.id, client, balances, entry.asOf, context.rules)) {
    if ((await database().records('wealthAlerts').where('key').equals(alert.key).count()) > 0) continue
    context.outcome.alerts.push(
      await w.insert('wealthAlerts', { ...alert, branchId: client.branchId, clientId: client.id, raisedAt: now(), businessDate: context.today, status: 'open', action: '', acknowledgedBy: null, acknowledgedAt: null }),
    )
  }
}

async function applyEntries(entries: readonly BalanceEntry[], today: BusinessDate, source: 'edit' | 'import'): Promise<BalanceOutcome> {
  const rules = await loadWealthRules()
  return writeRecords(BALANCE_TABLES, async (w) => {
    const outcome: BalanceOutcome = { snapshots: 0, tierChanges: [], alerts: [] }
    for (const entry of entries) await applyEntry(w, entry, { today, rules, source, outcome })
    return outcome
  })
}

/** One client's balances as edited on the client page (audited). */
export function editBalances(entry: BalanceEntry, today: BusinessDate): Promise<BalanceOutcome> {
  return applyEntries([entry], today, 'edit')
}

/** Every accepted row of a balance file, in one transaction: a failure anywhere leaves nothing applied. */
export function importBalances(rows: readonly AcceptedRow[], today: BusinessDate): Promise<BalanceOutcome> {
  return applyEntries(rows, today, 'import')
}
