import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { freshDatabase } from '../../../support/db'
import { mountWithApp } from '../../../support/mount'
import SignaturePad from '@/components/inspection/capture/SignaturePad.vue'
import type { SignatureImage } from '@/components/inspection/capture/signatureStrokes'
import { i18n } from '@/i18n'
import { stubCanvas } from './canvasStub'

beforeEach(async () => {
  await freshDatabase()
})
afterEach(() => {
  i18n.global.locale.value = 'zh-CN'
})

/** A finger drawing through the points, on a pad laid out as 1000 × 240 px at the page's top left (jsdom lays out nothing). */
async function sign(wrapper: VueWrapper, points: [number, number][], pointer: PointerEventInit = {}): Promise<void> {
  const canvas = wrapper.get('[data-testid="signature-canvas"]').element
  vi.spyOn(canvas, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, 0, 1000, 240))
  const send = (type: string, [clientX, clientY]: [number, number]) =>
    canvas.dispatchEvent(new PointerEvent(type, { clientX, clientY, pointerId: 7, isPrimary: true, pointerType: 'touch', bubbles: true, cancelable: true, ...pointer }))
  const [first, ...rest] = points
  if (!first) return
  send('pointerdown', first)
  for (const point of rest) send('pointermove', point)
  send('pointerup', rest.at(-1) ?? first)
  await wrapper.vm.$nextTick()
}

const confirmButton = (wrapper: VueWrapper) => wrapper.get('[data-testid="signature-confirm"]')
const clearButton = (wrapper: VueWrapper) => wrapper.get('[data-testid="signature-clear"]')

describe('the signature pad', () => {
  it('names the signer under the pad and offers 清除 / 确认签名 as buttons, disabled while nothing is signed', async () => {
    stubCanvas()
    const { wrapper } = await mountWithApp(SignaturePad, { roles: ['inspector'], props: { signerName: '蒋平' } })
    expect(wrapper.get('[data-testid="signature-signer"]').text()).toBe('签名人蒋平')
    expect(confirmButton(wrapper).element.tagName).toBe('BUTTON')
    expect(confirmButton(wrapper).text()).toBe('确认签名')
    expect(clearButton(wrapper).text()).toBe('清除')
    expect(confirmButton(wrapper).attributes('disabled')).toBeDefined()
    expect(clearButton(wrapper).attributes('disabled')).toBeDefined()
    expect(wrapper.get('[data-testid="signature-canvas"]').attributes('aria-label')).toContain('用手指或鼠标')
  })

  it('enables both buttons once signed, and clearing empties it again', async () => {
    stubCanvas()
    const { wrapper } = await mountWithApp(SignaturePad, { roles: ['inspector'], props: { signerName: '蒋平' } })
    await sign(wrapper, [[40, 120], [80, 100], [120, 140]])
    expect(confirmButton(wrapper).attributes('disabled')).toBeUndefined()
    expect(clearButton(wrapper).attributes('disabled')).toBeUndefined()
    await clearButton(wrapper).trigger('click')
    expect(confirmButton(wrapper).attributes('disabled')).toBeDefined()
  })

  it('does not draw with a second finger or a right-click', async () => {
    stubCanvas()
    const { wrapper } = await mountWithApp(SignaturePad, { roles: ['inspector'], props: { signerName: '蒋平' } })
    await sign(wrapper, [[40, 120], [80, 100]], { isPrimary: false })
    await sign(wrapper, [[40, 120], [80, 100]], { pointerType: 'mouse', button: 2 })
    expect(confirmButton(wrapper).attributes('disabled')).toBeDefined()
  })

  it('emits a PNG trimmed to the ink with a margin, not the whole pad', async () => {
    const canvas = stubCanvas()
    const { wrapper } = await mountWithApp(SignaturePad, { roles: ['inspector'], props: { signerName: '蒋平' } })
    await sign(wrapper, [[100, 60], [200, 90], [300, 80]])
    await confirmButton(wrapper).trigger('click')
    await flushPromises()
    const signed = wrapper.emitted('signed') as [SignatureImage][]
    expect(signed).toHaveLength(1)
    const image = signed[0]![0]
    expect(image.mimeType).toBe('image/png')
    expect(image.blob.type).toBe('image/png')
    // The ink spans 200 × 30 CSS px; the image is that and a margin on each side, at twice the size for print.
    expect(image.width / 2).toBeGreaterThan(200 + 2 * 8)
    expect(image.width / 2).toBeLessThan(200 + 2 * 24)
    expect(image.height / 2).toBeGreaterThan(30 + 2 * 8)
    expect(image.height / 2).toBeLessThan(30 + 2 * 24)
    expect(canvas.encoded.at(-1)).toMatchObject({ width: image.width, height: image.height, type: 'image/png' })
  })

  it('draws every point the browser merged into one move of a fast finger', async () => {
    stubCanvas()
    const { wrapper } = await mountWithApp(SignaturePad, { roles: ['inspector'], props: { signerName: '蒋平' } })
    const canvas = wrapper.get('[data-testid="signature-canvas"]').element
    vi.spyOn(canvas, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, 0, 1000, 240))
    const touch = (type: string, clientX: number, clientY: number) => new PointerEvent(type, { clientX, clientY, pointerId: 3, isPrimary: true, pointerType: 'touch', bubbles: true, cancelable: true })
    canvas.dispatchEvent(touch('pointerdown', 100, 100))
    // The merged events are never dispatched themselves: they have no target to measure against.
    const move = Object.assign(touch('pointermove', 600, 100), { getCoalescedEvents: () => [touch('pointermove', 300, 200), touch('pointermove', 600, 100)] })
    canvas.dispatchEvent(move)
    canvas.dispatchEvent(touch('pointerup', 600, 100))
    await wrapper.vm.$nextTick()
    await confirmButton(wrapper).trigger('click')
    await flushPromises()
    const image = (wrapper.emitted('signed') as [SignatureImage][])[0]![0]
    // 500 × 100 px of ink (the merged point at y 200 included), not a dot at each end.
    expect(image.width / 2).toBeGreaterThan(500)
    expect(image.height / 2).toBeGreaterThan(100)
  })

  it('keeps a finger that wanders off the pad at its edge, so the image is what the signer saw', async () => {
    stubCanvas()
    const { wrapper } = await mountWithApp(SignaturePad, { roles: ['inspector'], props: { signerName: '蒋平' } })
    await sign(wrapper, [[900, 100], [1400, 100], [1400, 600]])
    await confirmButton(wrapper).trigger('click')
    await flushPromises()
    const image = (wrapper.emitted('signed') as [SignatureImage][])[0]![0]
    // Ink from x 900 to the edge at 1000 and from y 100 to the bottom at 240, with its margins.
    expect(image.width / 2).toBeLessThan(100 + 2 * 24)
    expect(image.height / 2).toBeLessThan(140 + 2 * 24)
  })

  it('says so when the signature cannot be saved, and keeps the drawing to try again', async () => {
    stubCanvas({ encodes: false })
    const failure = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const { wrapper } = await mountWithApp(SignaturePad, { roles: ['inspector'], props: { signerName: '蒋平' } })
    await sign(wrapper, [[40, 120], [80, 100]])
    await confirmButton(wrapper).trigger('click')
    await flushPromises()
    expect(wrapper.emitted('signed')).toBeUndefined()
    expect(wrapper.get('[data-testid="signature-failed"]').text()).toContain('签名没能保存')
    expect(failure).toHaveBeenCalled()
    expect(confirmButton(wrapper).attributes('disabled')).toBeUndefined()
  })

  it('reads in English', async () => {
    stubCanvas()
    const { wrapper } = await mountWithApp(SignaturePad, { roles: ['inspector'], props: { signerName: 'Jiang Ping' } })
    i18n.global.locale.value = 'en'
    await wrapper.vm.$nextTick()
    expect(confirmButton(wrapper).text()).toBe('Confirm signature')
    expect(clearButton(wrapper).text()).toBe('Clear')
    expect(wrapper.get('[data-testid="signature-signer"]').text()).toBe('Signed byJiang Ping')
  })
})
