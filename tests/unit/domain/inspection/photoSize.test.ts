import { describe, expect, it } from 'vitest'
import { jpegOrientation, photoPlan, type ExifOrientation, type PhotoPlan } from '@/domain/inspection/photoSize'

/** Where a point of the stored pixels lands on the canvas. */
const apply = ([a, b, c, d, e, f]: PhotoPlan['transform'], x: number, y: number) => [a * x + c * y + e, b * x + d * y + f]

describe('the stored size', () => {
  it('a 4000 × 3000 photo is stored at 1600 × 1200', () => {
    expect(photoPlan(4000, 3000, 1, 1600)).toMatchObject({ width: 1600, height: 1200, scaled: true, reoriented: false })
  })

  it('a small photo is never enlarged', () => {
    expect(photoPlan(800, 600, 1, 1600)).toMatchObject({ width: 800, height: 600, scaled: false })
  })

  it('orientations 5–8 swap width and height: a sideways 4000 × 3000 turned upright is 1200 × 1600', () => {
    for (const o of [5, 6, 7, 8] as const) expect(photoPlan(4000, 3000, o, 1600)).toMatchObject({ width: 1200, height: 1600, drawWidth: 1600, drawHeight: 1200, reoriented: true })
    for (const o of [2, 3, 4] as const) expect(photoPlan(4000, 3000, o, 1600)).toMatchObject({ width: 1600, height: 1200, reoriented: true })
  })

  it('rounds to whole pixels and never to nothing', () => {
    expect(photoPlan(3001, 7, 1, 1600)).toMatchObject({ width: 1600, height: 4 })
    expect(photoPlan(100_000, 1, 1, 1600)).toMatchObject({ width: 1600, height: 1 })
  })
})

describe('drawing upright', () => {
  it('every orientation draws the stored pixels exactly onto the canvas', () => {
    for (let o = 1; o <= 8; o++) {
      const plan = photoPlan(400, 300, o as ExifOrientation, 1600)
      const corners = [apply(plan.transform, 0, 0), apply(plan.transform, 400, 0), apply(plan.transform, 0, 300), apply(plan.transform, 400, 300)]
      expect(corners.map(([x]) => x).sort((a, b) => a! - b!), `orientation ${o}`).toEqual([0, 0, plan.width, plan.width])
      expect(corners.map(([, y]) => y).sort((a, b) => a! - b!), `orientation ${o}`).toEqual([0, 0, plan.height, plan.height])
    }
  })

  it('orientation 6 turns a quarter clockwise: the stored top-left corner ends top-right', () => {
    const plan = photoPlan(400, 300, 6, 1600)
    expect(apply(plan.transform, 0, 0)).toEqual([300, 0])
  })

  it('orientation 8 turns a quarter anticlockwise: the stored top-left corner ends bottom-left', () => {
    expect(apply(photoPlan(400, 300, 8, 1600).transform, 0, 0)).toEqual([0, 400])
  })

  it('orientation 3 is upside down and 2 is a mirror image', () => {
    expect(apply(photoPlan(400, 300, 3, 1600).transform, 0, 0)).toEqual([400, 300])
    expect(apply(photoPlan(400, 300, 2, 1600).transform, 0, 0)).toEqual([400, 0])
  })
})

/** A JPEG's first bytes with an EXIF block holding one orientation tag. */
function jpegWithOrientation(orientation: number, littleEndian: boolean): Uint8Array {
  const tiff = new DataView(new ArrayBuffer(26))
  tiff.setUint16(0, littleEndian ? 0x4949 : 0x4d4d)
  tiff.setUint16(2, 42, littleEndian)
  tiff.setUint32(4, 8, littleEndian)
  tiff.setUint16(8, 1, littleEndian)
  tiff.setUint16(10, 0x0112, littleEndian)
  tiff.setUint16(12, 3, littleEndian)
  tiff.setUint32(14, 1, littleEndian)
  tiff.setUint16(18, orientation, littleEndian)
  const exif = [0x45, 0x78, 0x69, 0x66, 0, 0, ...new Uint8Array(tiff.buffer)]
  const length = exif.length + 2
  return new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xe1, length >> 8, length & 0xff, ...exif, 0xff, 0xda, 0, 2])
}

describe('reading the EXIF orientation', () => {
  it('reads it from a big-endian and a little-endian EXIF block, after another segment', () => {
    expect(jpegOrientation(jpegWithOrientation(6, false))).toBe(6)
    expect(jpegOrientation(jpegWithOrientation(8, true))).toBe(8)
  })

  it('is 1 without EXIF, for something that is not a JPEG, a damaged header or an impossible value', () => {
    expect(jpegOrientation(new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2]))).toBe(1)
    expect(jpegOrientation(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBe(1)
    expect(jpegOrientation(jpegWithOrientation(6, false).slice(0, 30))).toBe(1)
    expect(jpegOrientation(jpegWithOrientation(9, false))).toBe(1)
  })
})
