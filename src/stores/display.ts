import { ref } from 'vue'
import { defineStore } from 'pinia'
import { announcementText, speechLang, type AnnounceLocale } from '@/domain/lobby/announce'
import type { BoardCall } from '@/domain/lobby/board'

/** A call (or recall) the lobby display has seen, with what it needs to say it. */
export type DisplayCall = BoardCall

/**
 * The lobby TV's voice. Browsers refuse speech until the page has had a tap, so the display shows
 * one "tap to enable sound" overlay (kiosk Chromium started with
 * `--autoplay-policy=no-user-gesture-required` speaks without it). Every call and recall made after
 * the display started is spoken once, in Chinese, through window.speechSynthesis.
 */
export const useDisplayStore = defineStore('display', () => {
  const soundEnabled = ref(false)
  /** Calls older than this were made before the display was switched on: shown, never spoken. */
  const startedAt = ref(Date.now())
  const announced = new Set<string>()

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
  }

  /** The one tap: the browser now allows speech; says so, so whoever set the TV up hears it work. */
  function enableSound(confirmation: string, locale: AnnounceLocale = 'zh-CN'): void {
    soundEnabled.value = true
    speak(confirmation, speechLang(locale))
  }

  /** Speaks every call among `calls` made since the display started and not yet spoken, oldest first. */
  function announce(calls: readonly DisplayCall[], locale: AnnounceLocale = 'zh-CN'): string[] {
    const fresh = calls.filter((call) => call.at >= startedAt.value && !announced.has(call.eventId)).sort((a, b) => a.at - b.at)
    const texts: string[] = []
    for (const call of fresh) {
      announced.add(call.eventId)
      const text = announcementText(call, locale)
      speak(text, speechLang(locale))
      texts.push(text)
    }
    return texts
  }

  return { soundEnabled, startedAt, start, enableSound, announce }
})
