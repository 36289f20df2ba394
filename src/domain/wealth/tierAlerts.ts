/**
 * 异动预警 raised by a change of balances: savings falling by the rules' share against the previous
 * balance, savings falling below the VIP line, and financial assets falling a tier. Each alert has a
 * key (kind, client, as-of date) so the same fall is never raised twice.
 */
import type { WealthAlert } from '../model/records'
import type { BusinessDate } from '../time'
import type { WealthRules } from './rules'
import { financialAssetsFen, tierByAssets, tierRank } from './tiers'

export type BalanceAlertKind = Extract<WealthAlert['kind'], 'savings_drop' | 'below_vip_line' | 'tier_drop'>
export type BalanceAlertDraft = Pick<WealthAlert, 'kind' | 'key' | 'facts'> & { kind: BalanceAlertKind }

export interface Balances {
  savingsFen: number
  totalAssetsFen: number
}

export function balanceAlertKey(kind: BalanceAlertKind, clientId: string, asOf: BusinessDate): string {
  return `${kind}:${clientId}:${asOf}`
}

/** The balance alerts a move from `before` to `after` (as of `asOf`) raises. */
export function balanceAlerts(clientId: string, before: Balances, after: Balances, asOf: BusinessDate, rules: WealthRules): BalanceAlertDraft[] {
  const facts = {
    asOf,
    savingsBeforeFen: before.savingsFen,
    savingsAfterFen: after.savingsFen,
    assetsBeforeFen: financialAssetsFen(before),
    assetsAfterFen: financialAssetsFen(after),
  }
  const alerts: BalanceAlertDraft[] = []
  const raise = (kind: BalanceAlertKind, extra: Record<string, unknown> = {}) => alerts.push({ kind, key: balanceAlertKey(kind, clientId, asOf), facts: { ...facts, ...extra } })

  const drop = before.savingsFen - after.savingsFen
  // Whole-number comparison: drop / before ≥ percent / 100 without a float division.
  if (before.savingsFen > 0 && drop > 0 && drop * 100 >= rules.alertSavingsDropPercent * before.savingsFen) raise('savings_drop', { dropFen: drop, thresholdPercent: rules.alertSavingsDropPercent })
  if (before.savingsFen >= rules.vipSavingsThresholdFen && after.savingsFen < rules.vipSavingsThresholdFen) raise('below_vip_line', { lineFen: rules.vipSavingsThresholdFen })
  const tierBefore = tierByAssets(facts.assetsBeforeFen, rules)
  const tierAfter = tierByAssets(facts.assetsAfterFen, rules)
  if (tierRank(tierAfter) < tierRank(tierBefore)) raise('tier_drop', { tierBefore, tierAfter })
  return alerts
}
