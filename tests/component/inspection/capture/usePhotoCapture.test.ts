import { afterEach, describe, expect, it } from 'vitest'
import { vi } from 'vitest'
import { PhotoCaptureError, resizePhoto, usePhotoCapture } from '@/components/inspection/capture/usePhotoCapture'
import { DEFAULT_INSPECTION_RULES } from '@/domain/inspection/rules'
import { photoFile, stubCanvas, stubDecoder } from './canvasStub'

afterEach(() => {
  vi.unstubAllGlobals()
})

async function problemOf(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(PhotoCaptureError)
  return (err as PhotoCaptureError).problem
}

describe('resizing a photo for storage', () => {
  it('stores a large landscape photo at the rules’ longest side as JPEG, keeping its proportions', async () => {
    const canvas = stubCanvas()
    stubDecoder({ width: 4000, height: 3000 })
    const photo = await resizePhoto(photoFile())
    expect(DEFAULT_INSPECTION_RULES.photoLongestSidePx).toBe(1600)
    expect(photo).toMatchObject({ width: 1600, height: 1200, mimeType: 'image/jpeg' })
    expect(photo.blob.type).toBe('image/jpeg')
    expect(canvas.encoded).toEqual([{ width: 1600, height: 1200, type: 'image/jpeg', quality: 0.82 }])
  })

  it('asks the decoder to turn the pixels by their EXIF orientation and then draws them unturned (never twice)', async () => {
    const canvas = stubCanvas()
    // What Chromium hands over for a 4000×3000 sensor image marked orientation 6: upright already.
    const decoder = stubDecoder({ width: 3000, height: 4000 })
    const photo = await resizePhoto(photoFile())
    expect(decoder.calls[0]?.options).toEqual({ imageOrientation: 'from-image' })
    expect(canvas.drawn).toEqual([{ width: 1200, height: 1600, transform: [1, 0, 0, 1, 0, 0] }])
    expect(photo).toMatchObject({ width: 1200, height: 1600 })
  })

  it('never enlarges a small photo, and follows a longest side given by the settings', async () => {
    stubCanvas()
    stubDecoder({ width: 800, height: 600 })
    expect(await resizePhoto(photoFile())).toMatchObject({ width: 800, height: 600 })
    expect(await resizePhoto(photoFile(), { longestSide: 400 })).toMatchObject({ width: 400, height: 300 })
  })

  it('lets go of the decoded pixels whether it succeeds or fails', async () => {
    stubCanvas({ encodes: false })
    const decoder = stubDecoder({ width: 4000, height: 3000 })
    expect(await problemOf(resizePhoto(photoFile()))).toBe('processing_failed')
    expect(decoder.closed()).toBe(1)
  })

  it('refuses a file that is not an image without trying to decode it', async () => {
    stubCanvas()
    const decoder = stubDecoder({ width: 10, height: 10 })
    expect(await problemOf(resizePhoto(photoFile('application/pdf', 'notice.pdf')))).toBe('not_an_image')
    expect(decoder.calls).toEqual([])
  })

  it('says an image the browser cannot decode is unreadable, and an untyped undecodable file is no image', async () => {
    stubCanvas()
    stubDecoder('refuses')
    expect(await problemOf(resizePhoto(photoFile('image/heic', 'IMG_0002.HEIC')))).toBe('unreadable_image')
    expect(await problemOf(resizePhoto(photoFile('', 'upload')))).toBe('not_an_image')
  })
})

describe('the photo capture state', () => {
  it('is busy while the photo is prepared and returns it', async () => {
    stubCanvas()
    let decoded!: () => void
    stubDecoder({ width: 4000, height: 3000 }, new Promise((resolve) => (decoded = resolve)))
    const { busy, problem, capture } = usePhotoCapture(() => ({ longestSide: 1000 }))
    const pending = capture(photoFile())
    expect(busy.value).toBe(true)
    decoded()
    expect(await pending).toMatchObject({ width: 1000, height: 750 })
    expect(busy.value).toBe(false)
    expect(problem.value).toBeNull()
  })

  it('keeps the problem of a failed attempt until the next one', async () => {
    stubCanvas()
    stubDecoder({ width: 400, height: 300 })
    const { busy, problem, capture } = usePhotoCapture()
    expect(await capture(photoFile('text/plain', 'notes.txt'))).toBeNull()
    expect(problem.value).toBe('not_an_image')
    expect(busy.value).toBe(false)
    expect(await capture(photoFile())).not.toBeNull()
    expect(problem.value).toBeNull()
  })
})
