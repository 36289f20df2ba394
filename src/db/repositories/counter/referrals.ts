/**
 * 转推介: referrals a teller or the lobby manager makes to the low counter or a wealth manager. The
 * referrer is stored when the referral is made; the receiving conversation closes it (offers.ts) and
 * its sales credit the referrer their share. A referral can also be closed without a conversation
 * (the client could not be reached, or declined at once).
 */
import type { Referral, ReferralOutcome, ReferralTarget } from '@/domain/model/records'
import type { Role } from '@/domain/roles'
import type { BusinessDate } from '@/domain/time'
import { database } from '../../connection'
import { now, writeRecords } from '../../write'
import { CounterRefusedError } from './ledger'

export interface NewReferral {
  branchId: string
  referrerId: string
  clientId: string | null
  visitId: string | null
  target: ReferralTarget
  toStaffId: string | null
  productCode: string | null
  note: string
  today: BusinessDate
}

/** Which roles take referrals of each kind. */
export const REFERRAL_RECEIVERS: Record<ReferralTarget, readonly Role[]> = {
  low_counter: ['low_counter', 'customer_manager'],
  wealth_manager: ['wealth_manager'],
}

export async function makeReferral(input: NewReferral): Promise<Referral> {
  const { today, ...fields } = input
  return writeRecords(['referrals'], (w) => w.insert('referrals', { ...fields, note: fields.note.trim(), at: now(), businessDate: today, status: 'open', outcome: null, closedAt: null, closedBy: null, offerGroupId: null }, { action: 'referral.create' }))
}

/** Open referrals a person may take: named to them, or to the pool of a role they hold; oldest first. */
export async function openReferralsFor(branchId: string, staffId: string, roles: readonly Role[]): Promise<Referral[]> {
  const open = await database().records('referrals').where('[branchId+status]').equals([branchId, 'open']).toArray()
  const mine = (r: Referral) => r.toStaffId === staffId || (r.toStaffId === null && REFERRAL_RECEIVERS[r.target].some((role) => roles.includes(role)))
  return open.filter((r) => r.deleted === 0 && mine(r)).sort((a, b) => a.at - b.at)
}

/** Every open referral of the branch, oldest first (the branch head's view and the dashboard). */
export async function openReferrals(branchId: string): Promise<Referral[]> {
  const open = await database().records('referrals').where('[branchId+status]').equals([branchId, 'open']).toArray()
  return open.filter((r) => r.deleted === 0).sort((a, b) => a.at - b.at)
}

/** Closes a referral that no conversation answered. */
export async function closeReferral(id: string, outcome: Extract<ReferralOutcome, 'declined' | 'not_reached'>, byStaffId: string): Promise<Referral> {
  return writeRecords(['referrals'], async (w) => {
    const referral = await database().records('referrals').get(id)
    if (!referral || referral.status !== 'open') throw new CounterRefusedError('referral_closed')
    return w.update('referrals', id, { status: 'closed', outcome, closedAt: now(), closedBy: byStaffId }, { action: 'referral.close' })
  })
}

/** A branch's referrals made between two business days (both included), for conversion rates. */
export async function referralsBetween(branchId: string, from: BusinessDate, to: BusinessDate): Promise<Referral[]> {
  const rows = await database().records('referrals').where('[branchId+businessDate]').between([branchId, from], [branchId, to], true, true).toArray()
  return rows.filter((r) => r.deleted === 0)
}
