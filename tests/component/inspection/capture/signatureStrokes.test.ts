import { describe, expect, it } from 'vitest'
import { fitStrokes, strokesBox } from '@/components/inspection/capture/signatureStrokes'

const signature = [
  [{ x: 100, y: 60 }, { x: 900, y: 120 }],
  [{ x: 400, y: 200 }],
]

describe('signature strokes', () => {
  it('are boxed with a margin on every side, and an empty pad has no box', () => {
    expect(strokesBox(signature, 10)).toEqual({ x: 90, y: 50, width: 820, height: 160 })
    expect(strokesBox([], 10)).toBeNull()
    expect(strokesBox([[]], 10)).toBeNull()
  })

  it('stay as drawn on a pad that grows or still holds them', () => {
    expect(fitStrokes(signature, 1200, 240)).toEqual(signature)
    expect(fitStrokes(signature, 900, 200)).toEqual(signature)
  })

  it('shrink evenly, never stretched, to fit a pad that became narrower (landscape to portrait)', () => {
    const fitted = fitStrokes(signature, 450, 240)
    expect(fitted).toEqual([
      [{ x: 50, y: 30 }, { x: 450, y: 60 }],
      [{ x: 200, y: 100 }],
    ])
  })

  it('are copied, so the pad can keep extending the stroke being drawn', () => {
    const fitted = fitStrokes(signature, 1200, 240)
    fitted[0]?.push({ x: 1, y: 1 })
    expect(signature[0]).toHaveLength(2)
  })
})
