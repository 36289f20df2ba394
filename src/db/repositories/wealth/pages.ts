/**
 * Pages to staff (a VIP has arrived): who is paged comes from the paging rule (src/domain/wealth/
 * paging.ts), written in one transaction, once per visit and person however often it is asked.
 */
import type { Client, StaffPage, Visit } from '@/domain/model/records'
import { planPages } from '@/domain/wealth/paging'
import { database } from '../../connection'
import { writeRecords } from '../../write'
import { listBranchStaff } from '../staff'
import { dutySessions } from '../lobby/duty'
import { roomSessionsOn } from './rooms'

/**
 * Pages the right people for a client who has just arrived for the wealth room (or honours a
 * wealth booking): the booked manager, the maintainer, or the next available wealth manager.
 * Returns the page of the person proposed to seat the client (else the first page), or null when
 * the visit is not for the wealth room or nobody could be paged. Calling it again pages nobody twice.
 */
export async function pageForArrival(visitId: string, nowMs: number): Promise<StaffPage | null> {
  const db = database()
  const visit = await db.records('visits').get(visitId)
  if (!visit || visit.deleted === 1) return null
  const [client, booking] = await Promise.all([visit.clientId ? db.records('clients').get(visit.clientId) : undefined, visit.appointmentId ? db.records('appointments').get(visit.appointmentId) : undefined])
  const wealthBooking = booking?.zone === 'wealth_room' && booking.deleted === 0 ? booking : null
  if (visit.zone !== 'wealth_room' && !wealthBooking) return null
  const [managers, duty, sessions] = await Promise.all([listBranchStaff(visit.branchId), dutySessions(visit.branchId, visit.businessDate), roomSessionsOn(visit.branchId, visit.businessDate)])
  const plan = planPages({ bookedStaffId: wealthBooking?.staffId ?? null, maintainerId: client?.maintainerId ?? null, managers, duty, sessions })
  if (plan.pages.length === 0) return null
  return writeRecords(['staffPages'], async (w) => {
    const existing = (await db.records('staffPages').where('visitId').equals(visitId).toArray()).filter((p) => p.deleted === 0)
    const pages: StaffPage[] = []
    for (const { staffId, reason } of plan.pages) {
      const already = existing.find((p) => p.staffId === staffId)
      pages.push(already ?? (await w.insert('staffPages', { branchId: visit.branchId, staffId, at: nowMs, kind: wealthBooking ? 'booking_arrived' : 'vip_arrived', reason, visitId, clientId: visit.clientId, read: 0 })))
    }
    return pages.find((p) => p.staffId === plan.proposed?.staffId) ?? pages[0]!
  })
}

export interface PageNotice {
  page: StaffPage
  client: Client | null
  visit: Visit | null
  /** The ticket the client holds (as called), if any. */
  ticketCode: string | null
}

/** A person's unread pages, newest first, with the client and where they wait. */
export async function unreadPages(staffId: string): Promise<PageNotice[]> {
  const db = database()
  const pages = (await db.records('staffPages').where('[staffId+read]').equals([staffId, 0]).toArray()).filter((p) => p.deleted === 0).sort((a, b) => b.at - a.at)
  return Promise.all(
    pages.map(async (page) => {
      const [client, visit, tickets] = await Promise.all([
        page.clientId ? db.records('clients').get(page.clientId) : undefined,
        page.visitId ? db.records('visits').get(page.visitId) : undefined,
        page.visitId ? db.records('tickets').where('visitId').equals(page.visitId).toArray() : Promise.resolve([]),
      ])
      const latest = tickets.filter((t) => t.deleted === 0).sort((a, b) => b.createdAt - a.createdAt)[0]
      return { page, client: client ?? null, visit: visit ?? null, ticketCode: latest?.code ?? null }
    }),
  )
}

/** Marks a page seen. */
export function markPageRead(pageId: string): Promise<StaffPage> {
  return writeRecords(['staffPages'], (w) => w.update('staffPages', pageId, { read: 1 }))
}
