/**
 * A signature kept as strokes (points in CSS px of the pad) rather than as canvas pixels: a canvas
 * is wiped whenever it is resized, so the pad redraws from these after a turn of the tablet, even
 * in the middle of a stroke, and the exported image is drawn from them at its own resolution.
 */

export interface StrokePoint {
  x: number
  y: number
}

export type Stroke = StrokePoint[]

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

/** The box around every point, widened by `margin` on each side; null without a point. */
export function strokesBox(strokes: readonly Stroke[], margin: number): Box | null {
  let left = Infinity
  let top = Infinity
  let right = -Infinity
  let bottom = -Infinity
  for (const stroke of strokes) {
    for (const { x, y } of stroke) {
      left = Math.min(left, x)
      top = Math.min(top, y)
      right = Math.max(right, x)
      bottom = Math.max(bottom, y)
    }
  }
  if (left === Infinity) return null
  return { x: left - margin, y: top - margin, width: right - left + 2 * margin, height: bottom - top + 2 * margin }
}

/**
 * The strokes made to fit a pad that became `width` × `height`: shrunk evenly (never stretched)
 * when they reach past it, unchanged otherwise, so a signature begun in landscape stays whole
 * and in proportion on the narrower portrait pad.
 */
export function fitStrokes(strokes: readonly Stroke[], width: number, height: number): Stroke[] {
  const box = strokesBox(strokes, 0)
  if (!box || width <= 0 || height <= 0) return strokes.map((s) => [...s])
  const scale = Math.min(1, width / (box.x + box.width), height / (box.y + box.height))
  return strokes.map((stroke) => stroke.map(({ x, y }) => ({ x: x * scale, y: y * scale })))
}

/**
 * Draws the strokes as smooth ink (curves through the midpoints of successive points, so fast
 * strokes with sparse points do not look like polylines); a single point is a dot.
 */
export function drawStrokes(context: CanvasRenderingContext2D, strokes: readonly Stroke[], lineWidth: number): void {
  context.lineWidth = lineWidth
  context.lineCap = 'round'
  context.lineJoin = 'round'
  for (const stroke of strokes) {
    const [first, ...rest] = stroke
    if (!first) continue
    context.beginPath()
    if (rest.length === 0) {
      context.arc(first.x, first.y, lineWidth / 2, 0, 2 * Math.PI)
      context.fill()
      continue
    }
    context.moveTo(first.x, first.y)
    let previous = first
    for (const point of rest) {
      context.quadraticCurveTo(previous.x, previous.y, (previous.x + point.x) / 2, (previous.y + point.y) / 2)
      previous = point
    }
    context.lineTo(previous.x, previous.y)
    context.stroke()
  }
}

/** A confirmed signature: a PNG of the drawn area (with a margin) on white. */
export interface SignatureImage {
  blob: Blob
  width: number
  height: number
  mimeType: 'image/png'
}
