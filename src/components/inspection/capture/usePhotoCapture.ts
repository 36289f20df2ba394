/**
 * A camera photo made fit to store: decoded, drawn upright on a canvas no larger than the
 * inspection rules' longest side, and re-encoded as JPEG (which also drops its EXIF, GPS included).
 * Nothing of the original file is kept: only the returned copy leaves this module.
 *
 * Orientation: createImageBitmap with imageOrientation 'from-image' hands over pixels already
 * turned by the image's EXIF orientation (Chromium, Firefox and Safari all do this), so they are
 * planned as orientation 1; planning them with the header's orientation would turn them twice.
 */
import { readonly, ref } from 'vue'
import { photoPlan, type PhotoPlan } from '@/domain/inspection/photoSize'
import { DEFAULT_INSPECTION_RULES } from '@/domain/inspection/rules'
import { blankCanvas, encodeCanvas, releaseCanvas } from './canvasImage'

/** Near the size/quality knee for phone photos: text on a notice stays legible at ~200–300 KB. */
export const PHOTO_JPEG_QUALITY = 0.82

export interface CapturedPhoto {
  blob: Blob
  width: number
  height: number
  mimeType: 'image/jpeg'
}

/**
 * What went wrong, in terms a screen can say to the inspector: the file is not a picture; it is
 * one the browser cannot read (HEIC, damaged, too large to decode); or the tablet could not redraw it.
 */
export type PhotoCaptureProblem = 'not_an_image' | 'unreadable_image' | 'processing_failed'

export class PhotoCaptureError extends Error {
  constructor(
    readonly problem: PhotoCaptureProblem,
    options?: { cause?: unknown },
  ) {
    super(`Photo capture failed: ${problem}`, options)
    this.name = 'PhotoCaptureError'
  }
}

export interface PhotoOptions {
  /** The stored photo's longest side in px (the inspection setting photoLongestSidePx). */
  longestSide?: number
  quality?: number
}

async function decodeUpright(file: Blob): Promise<ImageBitmap> {
  // A type the browser named and that is not an image (a PDF, a video) needs no decoding attempt;
  // an empty type (some camera apps send none) still gets one.
  if (file.type !== '' && !file.type.startsWith('image/')) throw new PhotoCaptureError('not_an_image')
  try {
    return await createImageBitmap(file, { imageOrientation: 'from-image' })
  } catch (cause) {
    throw new PhotoCaptureError(file.type === '' ? 'not_an_image' : 'unreadable_image', { cause })
  }
}

function drawPlanned(pixels: ImageBitmap, plan: PhotoPlan): HTMLCanvasElement {
  const target = blankCanvas(plan.width, plan.height)
  if (!target) throw new PhotoCaptureError('processing_failed')
  const { canvas, context } = target
  // A transparent PNG would come out black in a JPEG: paper-white behind it, as it looks on screen.
  context.fillStyle = '#fff'
  context.fillRect(0, 0, plan.width, plan.height)
  context.imageSmoothingQuality = 'high'
  context.setTransform(...plan.transform)
  context.drawImage(pixels, 0, 0, plan.drawWidth, plan.drawHeight)
  return canvas
}

/** The file as a stored photo: upright, at most `longestSide` px, JPEG. Throws PhotoCaptureError. */
export async function resizePhoto(file: Blob, options: PhotoOptions = {}): Promise<CapturedPhoto> {
  const longestSide = options.longestSide ?? DEFAULT_INSPECTION_RULES.photoLongestSidePx
  const pixels = await decodeUpright(file)
  let canvas: HTMLCanvasElement | null = null
  try {
    const plan = photoPlan(pixels.width, pixels.height, 1, longestSide)
    canvas = drawPlanned(pixels, plan)
    const blob = await encodeCanvas(canvas, 'image/jpeg', options.quality ?? PHOTO_JPEG_QUALITY)
    if (!blob) throw new PhotoCaptureError('processing_failed')
    return { blob, width: plan.width, height: plan.height, mimeType: 'image/jpeg' }
  } catch (cause) {
    throw cause instanceof PhotoCaptureError ? cause : new PhotoCaptureError('processing_failed', { cause })
  } finally {
    pixels.close()
    if (canvas) releaseCanvas(canvas)
  }
}

/**
 * resizePhoto with the state a capture button shows: busy while it works, the problem when it
 * failed (cleared by the next attempt). `capture` resolves to null on failure instead of throwing.
 */
export function usePhotoCapture(options: () => PhotoOptions = () => ({})) {
  const busy = ref(false)
  const problem = ref<PhotoCaptureProblem | null>(null)

  async function capture(file: Blob): Promise<CapturedPhoto | null> {
    busy.value = true
    problem.value = null
    try {
      return await resizePhoto(file, options())
    } catch (err) {
      if (!(err instanceof PhotoCaptureError)) throw err
      problem.value = err.problem
      return null
    } finally {
      busy.value = false
    }
  }

  return { busy: readonly(busy), problem: readonly(problem), capture }
}
