import { ref } from 'vue'
import { defineStore } from 'pinia'
import { announcementText, speechLang, type AnnounceLocale } from '@/domain/lobby/announce'
import type { BoardCall } from '@/domain/lobby/board'
import { readHubSettings } from '@/db/sync/hubSettings'
import { isOnHub } from '@/db/sync/replicator'

/** A call (or recall) the lobby display has seen, with what it needs to say it. */
export type DisplayCall = BoardCall

/** How often calls waiting for the hub's acceptance are looked at again. */
export const HUB_RECHECK_MS = 500

/**
 * The lobby TV's voice. Browsers refuse speech until the page has had a tap, so the display shows
 * one "tap to enable sound" overlay (kiosk Chromium started with
 * `--autoplay-policy=no-user-gesture-required` speaks without it). Every call and recall made after
 * the display started is spoken once, in Chinese, through window.speechSynthesis.
 *
 * With a hub, a call is spoken only once the hub has accepted it (a call from another terminal
 * came through the hub, so it has): until then another window's earlier call of the same ticket
 * may still arrive and win, and a call that lost is gone from the calls and never spoken.
 */
export const useDisplayStore = defineStore('display', () => {
  const soundEnabled = ref(false)
  /** Calls older than this were made before the display was switched on: shown, never spoken. */
  const startedAt = ref(Date.now())
  const announced = new Set<string>()
  /** The latest calls handed in, looked at again while some wait for the hub. */
  let latestCalls: readonly DisplayCall[] = []
  let recheck: ReturnType<typeof setTimeout> | null = null

  function speak(text: string, lang: string): void {
    const synth = typeof window !== 'undefined' ? window.speechSynthesis : undefined
    if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return
    const utterance = new SpeechSynthesisUtterance(text)
    utterance.lang = lang
    utterance.rate = 0.85
    synth.speak(utterance)
  }

  /** (Re)starts the display: calls made from now on are announced. */
  function start(nowMs = Date.now()): void {
    startedAt.value = nowMs
    announced.clear()
    stop()
  }

  /** The display closes: no more looking at calls waiting for the hub. */
  function stop(): void {
    if (recheck) clearTimeout(recheck)
    recheck = null
  }

  /** The one tap: the browser now allows speech; says so, so whoever set the TV up hears it work. */
  function enableSound(confirmation: string, locale: AnnounceLocale = 'zh-CN'): void {
    soundEnabled.value = true
    speak(confirmation, speechLang(locale))
  }

  /**
   * Speaks every call among `calls` (all the day's accepted calls, as now stored) made since the
   * display started and not yet spoken, oldest first; with a hub, only those it has accepted, the
   * others looked at again shortly among the latest calls.
   */
  async function announce(calls: readonly DisplayCall[], locale: AnnounceLocale = 'zh-CN'): Promise<string[]> {
    latestCalls = calls
    const unspoken = (list: readonly DisplayCall[]) => list.filter((call) => call.at >= startedAt.value && !announced.has(call.eventId))
    let fresh = unspoken(calls)
    if (fresh.length > 0 && (await readHubSettings())) {
      const accepted = await Promise.all(fresh.map((call) => isOnHub('visitEvents', call.eventId)))
      const waiting = fresh.filter((_, i) => !accepted[i])
      fresh = fresh.filter((_, i) => accepted[i])
      if (waiting.length > 0 && !recheck) {
        recheck = setTimeout(() => {
          recheck = null
          void announce(latestCalls, locale)
        }, HUB_RECHECK_MS)
      }
    }
    // Another announce may have spoken some of them while this one waited for storage.
    fresh = unspoken(fresh).sort((a, b) => a.at - b.at)
    const texts: string[] = []
    for (const call of fresh) {
      announced.add(call.eventId)
      const text = announcementText(call, locale)
      speak(text, speechLang(locale))
      texts.push(text)
    }
    return texts
  }

  return { soundEnabled, startedAt, start, stop, enableSound, announce }
})
