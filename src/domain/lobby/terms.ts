/**
 * The lobby's shared vocabulary: zones (功能分区) clients are sent to, the priority classes they
 * queue under, the lanes a call is made from, and where a transferred client is placed.
 */
import { ZONES } from '../model/records'

/** A place a client is sent to and queues for: high counter, low counter, wealth room, … */
export type Zone = (typeof ZONES)[number]

export { ZONES }

/** Why a client is served ahead of the plain queue; 'none' for everyone else. */
export const PRIORITY_CLASSES = ['none', 'vip', 'elderly', 'disabled', 'pregnant'] as const
export type PriorityClass = (typeof PRIORITY_CLASSES)[number]

/** Where a transferred client joins the next queue: its front, its end, or by original arrival. */
export const TRANSFER_PLACEMENTS = ['front', 'end', 'original'] as const
export type TransferPlacement = (typeof TRANSFER_PLACEMENTS)[number]

/** How a client holds their place: by arrival, or by the placement chosen at a transfer. */
export type QueuePlacement = 'arrival' | TransferPlacement

/**
 * The lanes of the calling order a call is made from: a due appointment, a transfer placed at
 * the front, the priority lane, the normal lane. Recorded on each call, so the ratio of priority
 * to normal calls can be kept fair across calls.
 */
export const QUEUE_LANES = ['appointment', 'front', 'priority', 'normal'] as const
export type QueueLane = (typeof QUEUE_LANES)[number]

/** Any call's lane, including a call out of order (the person already standing at the point). */
export type CallLane = QueueLane | 'out_of_order'

/** Whether a client of this class belongs to the priority lane of the calling order. */
export function isPriority(priorityClass: PriorityClass): boolean {
  return priorityClass !== 'none'
}

/** Type guard for a zone read from storage or a form. */
export function isZone(value: unknown): value is Zone {
  return typeof value === 'string' && (ZONES as readonly string[]).includes(value)
}
