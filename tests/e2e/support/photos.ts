/** Camera pictures for the inspection journeys, made by the page's own canvas (no fixtures on disk). */
import type { Page } from 'playwright-core'

/** EXIF APP1 holding one tag, orientation (0x0112) = 6: "the stored pixels are turned; show them a quarter clockwise". */
function exifOrientationSix(): Buffer {
  const tiff = Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0])
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff])
  return Buffer.concat([Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]), payload])
}

/**
 * A 4000 × 3000 JPEG as a phone held upright stores it: sideways, with EXIF orientation 6, and a red
 * block in the stored top-left corner (which lands top-right once the picture is turned upright).
 */
export async function sidewaysCameraJpeg(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(4000, 3000)
    const context = canvas.getContext('2d')!
    context.fillStyle = '#2f7d4f'
    context.fillRect(0, 0, 4000, 3000)
    context.fillStyle = '#d01010'
    context.fillRect(0, 0, 800, 600)
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 })
    const bytes = new Uint8Array(await blob.arrayBuffer())
    let text = ''
    for (const byte of bytes) text += String.fromCharCode(byte)
    return btoa(text)
  })
  const jpeg = Buffer.from(base64, 'base64')
  // After SOI and the JFIF APP0 segment, where cameras put their EXIF block.
  const afterApp0 = jpeg[2] === 0xff && jpeg[3] === 0xe0 ? 4 + jpeg.readUInt16BE(4) : 2
  return Buffer.concat([jpeg.subarray(0, afterApp0), exifOrientationSix(), jpeg.subarray(afterApp0)])
}

/** The stored picture's size and whether its top-right corner is the red block (that is, upright). */
export async function storedPhoto(page: Page, attachmentId: string): Promise<{ width: number; height: number; bytes: number; redTopRight: boolean }> {
  return page.evaluate(
    (id) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('lobbydesk')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const request = open.result.transaction('attachments').objectStore('attachments').get(id)
          request.onerror = () => reject(request.error)
          request.onsuccess = async () => {
            open.result.close()
            const blob = (request.result as { blob: Blob }).blob
            const bitmap = await createImageBitmap(blob)
            const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
            const context = canvas.getContext('2d')!
            context.drawImage(bitmap, 0, 0)
            const [r, g] = context.getImageData(bitmap.width - 20, 20, 1, 1).data
            resolve({ width: bitmap.width, height: bitmap.height, bytes: blob.size, redTopRight: r! > 180 && g! < 80 })
          }
        }
      }),
    attachmentId,
  )
}
