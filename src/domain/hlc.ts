/**
 * Hybrid logical clock: a stamp that orders changes across terminals even when their wall clocks
 * disagree. Encoded as a fixed-width string so that plain string comparison orders stamps:
 * `<wall ms, 13 digits>-<counter, 4 hex>-<device id>`.
 */
export interface HlcState {
  wallMs: number
  counter: number
}

export const HLC_ZERO: HlcState = { wallMs: 0, counter: 0 }

const COUNTER_LIMIT = 0xffff

/** The next stamp for a local change at `nowMs`. */
export function tickHlc(state: HlcState, nowMs: number): HlcState {
  if (nowMs > state.wallMs) return { wallMs: nowMs, counter: 0 }
  if (state.counter >= COUNTER_LIMIT) return { wallMs: state.wallMs + 1, counter: 0 }
  return { wallMs: state.wallMs, counter: state.counter + 1 }
}

/** The state after taking in a stamp from another terminal, so later local stamps sort after it. */
export function receiveHlc(state: HlcState, remote: HlcState, nowMs: number): HlcState {
  const wallMs = Math.max(state.wallMs, remote.wallMs, nowMs)
  let counter = 0
  if (wallMs === state.wallMs && wallMs === remote.wallMs) counter = Math.max(state.counter, remote.counter) + 1
  else if (wallMs === state.wallMs) counter = state.counter + 1
  else if (wallMs === remote.wallMs) counter = remote.counter + 1
  if (counter > COUNTER_LIMIT) return { wallMs: wallMs + 1, counter: 0 }
  return { wallMs, counter }
}

export function encodeHlc(state: HlcState, deviceId: string): string {
  return `${String(state.wallMs).padStart(13, '0')}-${state.counter.toString(16).padStart(4, '0')}-${deviceId}`
}

export function decodeHlc(stamp: string): HlcState & { deviceId: string } {
  const match = /^(\d{13})-([0-9a-f]{4})-(.+)$/.exec(stamp)
  if (!match) throw new Error(`Not a hybrid-logical-clock stamp: ${stamp}`)
  return { wallMs: Number(match[1]), counter: parseInt(match[2]!, 16), deviceId: match[3]! }
}

/** Orders two stamps: negative when `a` happened before `b`; the device id breaks exact ties. */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
