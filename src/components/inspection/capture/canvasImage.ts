/** The two canvas steps both capture pieces share: a blank canvas of a size, and its encoded image. */

/** A canvas of `width` × `height` px with a 2D context, or null when the browser cannot give one (out of memory). */
export function blankCanvas(width: number, height: number): { canvas: HTMLCanvasElement; context: CanvasRenderingContext2D } | null {
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const context = canvas.getContext('2d')
  return context ? { canvas, context } : null
}

/** The canvas encoded as `type`, or null when the browser could not encode it. */
export function encodeCanvas(canvas: HTMLCanvasElement, type: 'image/jpeg' | 'image/png', quality?: number): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, type, quality))
}

/**
 * Lets the browser drop a canvas's pixels now rather than at the next garbage collection: a
 * 1600 px photo canvas holds 10 MB, and a tablet taking photo after photo runs short of memory.
 */
export function releaseCanvas(canvas: HTMLCanvasElement): void {
  canvas.width = 0
  canvas.height = 0
}
