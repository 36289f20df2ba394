/** Draws from a seeded generator: every helper consumes a fixed amount of randomness per range. */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64'
import { uniformInt } from 'pure-rand/distribution/uniformInt'
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator'
import type { Weighted } from './data'

export class Dice {
  constructor(private readonly rng: RandomGenerator) {}

  int(min: number, max: number): number {
    return uniformInt(this.rng, min, max)
  }

  /** In [0, 1). */
  fraction(): number {
    return uniformFloat64(this.rng)
  }

  chance(probability: number): boolean {
    return this.fraction() < probability
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!
  }

  weighted<T>(entries: readonly Weighted<T>[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0)
    let roll = this.int(0, total - 1)
    for (const [value, weight] of entries) {
      if (roll < weight) return value
      roll -= weight
    }
    throw new Error('Weights must be positive integers')
  }

  /** An integer in [min, max] spread evenly on a log scale: small amounts common, large ones rare. */
  logUniform(min: number, max: number): number {
    return Math.min(max, Math.round(min * (max / min) ** this.fraction()))
  }

  shuffled<T>(items: readonly T[]): T[] {
    const copy = [...items]
    for (let i = copy.length - 1; i > 0; i--) {
      const j = this.int(0, i)
      ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
    }
    return copy
  }

  digits(count: number): string {
    return String(this.int(0, 10 ** count - 1)).padStart(count, '0')
  }

  /** A real number in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.fraction()
  }

  /** Like `weighted`, for weights that may be fractions (shares rather than counts). */
  weightedByShare<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0)
    let roll = this.fraction() * total
    for (const [value, w] of entries) {
      if (roll < w) return value
      roll -= w
    }
    return entries[entries.length - 1]![0]
  }

  /** Minutes around a typical value, skewed long (a rough log-normal). */
  minutes(typical: number, min: number, max: number): number {
    const spread = (this.fraction() + this.fraction() + this.fraction() - 1.5) * 0.9
    return Math.min(max, Math.max(min, typical * Math.exp(spread)))
  }

  /** A version-4 UUID from the generator's bits. */
  uuid(): string {
    const bytes: number[] = []
    for (let i = 0; i < 4; i++) {
      const word = this.rng.next() >>> 0
      bytes.push(word >>> 24, (word >>> 16) & 0xff, (word >>> 8) & 0xff, word & 0xff)
    }
    bytes[6] = (bytes[6]! & 0x0f) | 0x40
    bytes[8] = (bytes[8]! & 0x3f) | 0x80
    const hex = bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('')
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
  }
}
