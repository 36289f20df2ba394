/**
 * Who is paged when a VIP arrives for the wealth room, from who is on which post as the lobby
 * records it (duty sessions with their pauses) and who is in a room with a client.
 *
 * - A booked client: the booking's manager ('booked'); they reserved the time, so they are paged
 *   even when busy.
 * - Otherwise the client's primary maintainer ('maintainer') when available.
 * - When that person is absent (no open duty session today) or busy (with a client in a room, or on
 *   a pause), the next available wealth manager is proposed and paged ('next_available'): on duty,
 *   not busy, fewest sessions with a client today, ties by staff number.
 * - An absent or busy maintainer is paged all the same: it is their client, and the page waits
 *   unread until they sign in or come out of the room. The one asked to seat the client now is the
 *   proposed manager.
 * Pure: takes `nowMs` as a parameter.
 */
import type { DutySession, RoomSession, StaffPage } from '../model/records'
import type { Role } from '../roles'
import { withClient } from './rooms'

export type PageReason = StaffPage['reason']
export type Availability = 'available' | 'absent' | 'busy' | 'paused'

export interface Manager {
  id: string
  staffNo: string
  roles: readonly Role[]
  active: 0 | 1
}

type Duty = Pick<DutySession, 'staffId' | 'endedAt' | 'pauses'>
type Seat = Pick<RoomSession, 'staffId' | 'clientId' | 'visitId' | 'endedAt'>

/** Whether a person is in a room with a client now. */
export function isWithClient(staffId: string, sessions: readonly Seat[]): boolean {
  return sessions.some((s) => s.staffId === staffId && s.endedAt === null && withClient(s))
}

/** Whether a person can take a client now: on duty (an open duty session), not paused, not with a client. */
export function availability(staffId: string, duty: readonly Duty[], sessions: readonly Seat[]): Availability {
  const onDuty = duty.filter((d) => d.staffId === staffId && d.endedAt === null)
  if (onDuty.length === 0) return 'absent'
  if (isWithClient(staffId, sessions)) return 'busy'
  if (onDuty.every((d) => d.pauses.some((p) => p.to === null))) return 'paused'
  return 'available'
}

/** The wealth manager to propose now: available, fewest sessions with a client today, then by staff number. */
export function nextAvailableManager<M extends Manager>(managers: readonly M[], duty: readonly Duty[], sessions: readonly Seat[]): M | null {
  const served = (id: string) => sessions.filter((s) => s.staffId === id && withClient(s)).length
  const free = managers.filter((m) => m.active === 1 && m.roles.includes('wealth_manager') && availability(m.id, duty, sessions) === 'available')
  return [...free].sort((a, b) => served(a.id) - served(b.id) || a.staffNo.localeCompare(b.staffNo))[0] ?? null
}

export interface PagingFacts<M extends Manager> {
  /** The manager of the wealth booking the visit honours, if it names one. */
  bookedStaffId: string | null
  /** The client's primary maintainer (分户到人), if any. */
  maintainerId: string | null
  managers: readonly M[]
  duty: readonly Duty[]
  sessions: readonly Seat[]
}

export interface PagePlan {
  /** Everyone to page, each once, the one proposed to seat the client first. */
  pages: { staffId: string; reason: PageReason }[]
  /** Who should seat the client now, or null when nobody is available. */
  proposed: { staffId: string; reason: PageReason } | null
  /** The maintainer and whether they can come (for the arrivals list). */
  maintainer: { staffId: string; availability: Availability } | null
}

/** Whom to page for an arrival, and whom to propose to seat them (see the rules above). */
export function planPages<M extends Manager>(facts: PagingFacts<M>): PagePlan {
  const maintainer = facts.maintainerId ? { staffId: facts.maintainerId, availability: availability(facts.maintainerId, facts.duty, facts.sessions) } : null
  const pages: PagePlan['pages'] = []
  const add = (staffId: string, reason: PageReason) => {
    if (!pages.some((p) => p.staffId === staffId)) pages.push({ staffId, reason })
  }
  let proposed: PagePlan['proposed'] = null
  if (facts.bookedStaffId) proposed = { staffId: facts.bookedStaffId, reason: 'booked' }
  else if (maintainer?.availability === 'available') proposed = { staffId: maintainer.staffId, reason: 'maintainer' }
  else {
    const next = nextAvailableManager(facts.managers, facts.duty, facts.sessions)
    if (next) proposed = { staffId: next.id, reason: 'next_available' }
  }
  if (proposed) add(proposed.staffId, proposed.reason)
  if (maintainer) add(maintainer.staffId, 'maintainer')
  return { pages, proposed, maintainer }
}
