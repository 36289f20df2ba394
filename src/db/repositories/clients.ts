/** Client read models for the home screens; writes come with the areas that change clients. */
import type { Client, VipTier } from '@/domain/model/records'
import { addDays, weekOf, type BusinessDate } from '@/domain/time'
import { database } from '../connection'

export interface ClientSummary {
  total: number
  vips: number
  byTier: Partial<Record<VipTier, number>>
}

export async function clientSummary(branchId: string): Promise<ClientSummary> {
  const table = database().records('clients')
  const total = await table.where('branchId').equals(branchId).count()
  const byTier: Partial<Record<VipTier, number>> = {}
  let vips = 0
  await table
    .where('vipTier')
    .anyOf(['gold', 'platinum', 'diamond', 'private'])
    .each((c) => {
      if (c.branchId !== branchId || c.deleted || !c.vipTier) return
      byTier[c.vipTier] = (byTier[c.vipTier] ?? 0) + 1
      vips++
    })
  return { total, vips, byTier }
}

/** Clients whose birthday falls in the Monday-to-Sunday week of `today`, soonest first. */
export async function birthdaysInWeek(branchId: string, today: BusinessDate): Promise<Client[]> {
  const { start } = weekOf(today)
  const days = Array.from({ length: 7 }, (_, i) => addDays(start, i).slice(5))
  // 29 February birthdays are celebrated on 28 February in other years.
  if (days.includes('02-28')) days.push('02-29')
  const rows = await database().records('clients').where('birthdayMonthDay').anyOf(days).toArray()
  return rows
    .filter((c) => c.branchId === branchId && c.deleted === 0)
    .sort((a, b) => days.indexOf(a.birthdayMonthDay ?? '') - days.indexOf(b.birthdayMonthDay ?? '') || a.surname.localeCompare(b.surname, 'zh'))
}
