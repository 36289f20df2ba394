/**
 * A two-note chime made with the Web Audio API (no sound file to ship). Browsers may keep audio
 * suspended until the person has touched the page: `play` then reports false, and `unlock` (called
 * from a tap) lets the next chime through.
 */
let context: AudioContext | null = null

function audio(): AudioContext | null {
  if (context) return context
  const Ctor = globalThis.AudioContext ?? (globalThis as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext
  context = Ctor ? new Ctor() : null
  return context
}

/** Lets audio play from now on; call it from a tap. */
export async function unlockChime(): Promise<boolean> {
  const ctx = audio()
  if (!ctx) return false
  try {
    await ctx.resume()
  } catch {
    return false
  }
  return ctx.state === 'running'
}

/** Plays the chime; false when the browser keeps audio off (no tap yet) or has none. */
export async function playChime(): Promise<boolean> {
  if (!(await unlockChime())) return false
  const ctx = audio()!
  const start = ctx.currentTime
  for (const [i, frequency] of [880, 660].entries()) {
    const tone = ctx.createOscillator()
    const gain = ctx.createGain()
    tone.type = 'sine'
    tone.frequency.value = frequency
    const at = start + i * 0.22
    gain.gain.setValueAtTime(0.0001, at)
    gain.gain.exponentialRampToValueAtTime(0.35, at + 0.02)
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.4)
    tone.connect(gain).connect(ctx.destination)
    tone.start(at)
    tone.stop(at + 0.42)
  }
  return true
}
