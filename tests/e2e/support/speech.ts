/** The lobby display's voice, recorded: headless Chromium has no voices to speak with. */
import type { Page } from 'playwright-core'

/** Replaces speechSynthesis with a recorder before the page loads (headless Chromium has no voices). */
export const SPEECH_RECORDER = `
  window.__spoken = [];
  const recorder = {
    speak(u) { window.__spoken.push({ text: u.text, lang: u.lang }) },
    cancel() {}, pause() {}, resume() {}, getVoices() { return [] },
    addEventListener() {}, removeEventListener() {},
    speaking: false, pending: false, paused: false, onvoiceschanged: null,
  };
  Object.defineProperty(window, 'speechSynthesis', { value: recorder, configurable: true });
  if (typeof window.SpeechSynthesisUtterance === 'undefined') {
    window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; this.lang = '' } };
  }
`

export async function spoken(page: Page): Promise<{ text: string; lang: string }[]> {
  return page.evaluate(() => (window as unknown as { __spoken: { text: string; lang: string }[] }).__spoken)
}

