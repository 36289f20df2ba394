/** Colour with a word: green within target, amber nearing it, red over it, grey without data. */
export type Tone = 'ok' | 'warn' | 'bad' | 'none'

/** The tone of a waiting time against the queue board's thresholds (amber from, red from). */
export function waitTone(minutes: number | null, thresholds: { amberMinutes: number; redMinutes: number }): Tone {
  if (minutes === null) return 'none'
  if (minutes >= thresholds.redMinutes) return 'bad'
  if (minutes >= thresholds.amberMinutes) return 'warn'
  return 'ok'
}

/** A share 0–1 as a whole percentage in the language's style (36%). */
export function formatShare(share: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share)
}
