/**
 * jsdom has no canvas and no image decoder. These stand-ins let the capture pieces run: a 2D
 * context that only records what it was asked to draw at, an encoder that returns a small blob
 * of the requested type (or nothing, to test a failed encoding), and a decoder that answers with
 * pixels of a given size (or refuses, as a browser does for a file that is not an image).
 */
import { vi } from 'vitest'

export interface CanvasStub {
  /** The size each canvas had when it was encoded, with the type and quality asked for. */
  encoded: { width: number; height: number; type: string; quality: number | undefined }[]
  /** Every drawImage call as (width, height) drawn, with the transform set just before it. */
  drawn: { width: number; height: number; transform: number[] }[]
}

export function stubCanvas(options: { encodes?: boolean } = {}): CanvasStub {
  const stub: CanvasStub = { encoded: [], drawn: [] }
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
    let transform = [1, 0, 0, 1, 0, 0]
    const context = {
      canvas: this,
      setTransform: (...args: number[]) => {
        transform = args
      },
      drawImage: (_image: unknown, _x: number, _y: number, width: number, height: number) => stub.drawn.push({ width, height, transform }),
    }
    // Everything else a drawing may call (fillRect, arc, stroke…) does nothing.
    return new Proxy(context, { get: (target, key) => (key in target ? target[key as keyof typeof target] : () => undefined), set: () => true }) as unknown as CanvasRenderingContext2D
  } as never)
  vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation(function (this: HTMLCanvasElement, callback: BlobCallback, type?: string, quality?: number) {
    stub.encoded.push({ width: this.width, height: this.height, type: type ?? 'image/png', quality })
    queueMicrotask(() => callback(options.encodes === false ? null : new Blob(['encoded'], { type: type ?? 'image/png' })))
  })
  return stub
}

export interface DecoderStub {
  calls: { file: Blob; options: ImageBitmapOptions | undefined }[]
  closed: () => number
}

/** createImageBitmap answering with `width` × `height` pixels, or refusing when `width` is 'refuses'. */
export function stubDecoder(size: { width: number; height: number } | 'refuses', wait?: Promise<void>): DecoderStub {
  const calls: DecoderStub['calls'] = []
  let closed = 0
  vi.stubGlobal('createImageBitmap', async (file: Blob, options?: ImageBitmapOptions) => {
    calls.push({ file, options })
    await wait
    if (size === 'refuses') throw new DOMException('The source image could not be decoded.', 'InvalidStateError')
    return { ...size, close: () => void closed++ }
  })
  return { calls, closed: () => closed }
}

/** A file as the camera input hands it over. */
export function photoFile(type = 'image/jpeg', name = 'IMG_0001.jpg'): File {
  return new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe1])], name, { type })
}
