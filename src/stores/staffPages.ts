import { defineStore } from 'pinia'
import { markPageRead, pageForArrival, unreadPages, type PageNotice } from '@/db/repositories/wealth/pages'
import type { StaffPage } from '@/domain/model/records'
import { useSessionStore } from './session'

export type { PageNotice }

/** Pages to staff: a VIP has arrived for the wealth room. */
export const useStaffPagesStore = defineStore('staffPages', () => {
  const session = useSessionStore()

  /** The signed-in person's unread pages, newest first (for a live query). */
  function unread(): Promise<PageNotice[]> {
    const staffId = session.staff?.id
    return staffId ? unreadPages(staffId) : Promise.resolve([])
  }

  /** Marks a page seen. */
  function seen(pageId: string): Promise<StaffPage> {
    return markPageRead(pageId)
  }

  /** Pages the right managers for a client just checked in for the wealth room (or with a wealth booking). */
  function pageArrival(visitId: string): Promise<StaffPage | null> {
    return pageForArrival(visitId, Date.now())
  }

  return { unread, seen, pageArrival }
})
