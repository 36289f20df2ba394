import type { ItemAnswer } from '@/domain/inspection/scoring'
import type { TemplateItem } from '@/domain/model/records'
import type { CapturedPhoto } from '../capture/usePhotoCapture'

/** A re-check's answer to one item as the card holds it: not yet answered, passed, or still failing. */
export interface RecheckChoice {
  verdict: 'pass' | 'fail' | null
  /** PER: places still found. */
  occurrences: number
  /** GRADE: the level observed now (below the best). */
  levelIndex: number
  note: string
  photos: CapturedPhoto[]
}

/** Unanswered, still failing as the visit found it should the inspector say so. */
export function firstChoice(original: ItemAnswer | undefined): RecheckChoice {
  const occurrences = original && 'occurrences' in original ? Math.max(1, original.occurrences.length) : 1
  const levelIndex = original?.kind === 'level' ? Math.max(1, original.levelIndex) : 1
  return { verdict: null, occurrences, levelIndex, note: '', photos: [] }
}

/** The choice as the scoring's answer (the shape a visit's answer has); null while unanswered. */
export function recheckAnswer(item: TemplateItem, choice: RecheckChoice): ItemAnswer | null {
  const note = choice.note.trim()
  if (choice.verdict === null) return null
  if (choice.verdict === 'pass') return item.rule === 'GRADE' ? { kind: 'level', levelIndex: 0, occurrences: [], fixedOnSpot: false, note } : { kind: 'pass', note }
  if (item.rule === 'GRADE') return { kind: 'level', levelIndex: choice.levelIndex, occurrences: [{ staffNo: null, note, photoIds: [] }], fixedOnSpot: false, note }
  const places = item.rule === 'PER' ? choice.occurrences : 1
  return { kind: 'deduct', occurrences: Array.from({ length: places }, () => ({ staffNo: null, note, photoIds: [] })), fixedOnSpot: false, note }
}
