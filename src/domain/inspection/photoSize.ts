/**
 * The pure part of "photos are resized in the browser before they are stored": the size to store,
 * and how to draw a camera image upright. A camera stores its pixels as the sensor saw them and an
 * EXIF orientation (1–8) saying how to turn them; 5–8 are a quarter turn, so width and height
 * swap. The stored copy is drawn upright on a canvas and re-encoded without EXIF.
 *
 * The browser part draws with the plan:
 *   canvas.width = plan.width; canvas.height = plan.height
 *   ctx.setTransform(...plan.transform); ctx.drawImage(pixels, 0, 0, plan.drawWidth, plan.drawHeight)
 * Mind what the decoder already did: Chromium applies the EXIF orientation itself when it decodes
 * (<img>, and createImageBitmap's default imageOrientation 'from-image'), so pixels decoded that
 * way are upright already and take orientation 1; the transform is for pixels decoded as stored.
 */

export type ExifOrientation = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8

export interface PhotoPlan {
  /** The stored image, upright. */
  width: number
  height: number
  /** The pixels as stored by the camera, scaled: what is drawn under the transform. */
  drawWidth: number
  drawHeight: number
  /** For ctx.setTransform(a, b, c, d, e, f). */
  transform: [number, number, number, number, number, number]
  /** Smaller than the original (an image is never enlarged). */
  scaled: boolean
  /** Turned or mirrored to stand upright. */
  reoriented: boolean
}

function transformFor(orientation: ExifOrientation, w: number, h: number): PhotoPlan['transform'] {
  switch (orientation) {
    case 1:
      return [1, 0, 0, 1, 0, 0]
    case 2: // mirrored
      return [-1, 0, 0, 1, w, 0]
    case 3: // upside down
      return [-1, 0, 0, -1, w, h]
    case 4: // upside down, mirrored
      return [1, 0, 0, -1, 0, h]
    case 5: // mirrored along the diagonal
      return [0, 1, 1, 0, 0, 0]
    case 6: // turn a quarter clockwise
      return [0, 1, -1, 0, h, 0]
    case 7: // mirrored along the other diagonal
      return [0, -1, -1, 0, h, w]
    case 8: // turn a quarter anticlockwise
      return [0, -1, 1, 0, 0, w]
  }
}

/** How to store a photo of `width` × `height` stored pixels with its EXIF orientation, at most `longestSide` px. */
export function photoPlan(width: number, height: number, orientation: ExifOrientation, longestSide: number): PhotoPlan {
  const scale = Math.min(1, longestSide / Math.max(width, height))
  const drawWidth = Math.max(1, Math.round(width * scale))
  const drawHeight = Math.max(1, Math.round(height * scale))
  const swaps = orientation >= 5
  return {
    width: swaps ? drawHeight : drawWidth,
    height: swaps ? drawWidth : drawHeight,
    drawWidth,
    drawHeight,
    transform: transformFor(orientation, drawWidth, drawHeight),
    scaled: scale < 1,
    reoriented: orientation !== 1,
  }
}

/**
 * The EXIF orientation of a JPEG's bytes (its first 64 KiB are enough), 1 when it has none or
 * the bytes are not a JPEG.
 */
export function jpegOrientation(bytes: Uint8Array): ExifOrientation {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  try {
    if (view.getUint16(0) !== 0xffd8) return 1
    let offset = 2
    while (offset + 4 <= view.byteLength) {
      const marker = view.getUint16(offset)
      if ((marker & 0xff00) !== 0xff00 || marker === 0xffda) return 1 // not a marker, or the image data: no EXIF before it
      const length = view.getUint16(offset + 2)
      if (marker === 0xffe1 && view.getUint32(offset + 4) === 0x45786966 /* 'Exif' */) return tiffOrientation(view, offset + 10)
      offset += 2 + length
    }
  } catch {
    // A truncated or damaged header reads as no orientation.
  }
  return 1
}

function tiffOrientation(view: DataView, tiff: number): ExifOrientation {
  const little = view.getUint16(tiff) === 0x4949 // 'II'
  const ifd = tiff + view.getUint32(tiff + 4, little)
  const entries = view.getUint16(ifd, little)
  for (let i = 0; i < entries; i++) {
    const entry = ifd + 2 + i * 12
    if (view.getUint16(entry, little) !== 0x0112) continue
    const value = view.getUint16(entry + 8, little)
    return value >= 1 && value <= 8 ? (value as ExifOrientation) : 1
  }
  return 1
}
