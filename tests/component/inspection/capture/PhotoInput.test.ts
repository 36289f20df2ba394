import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { freshDatabase } from '../../../support/db'
import { mountWithApp } from '../../../support/mount'
import PhotoInput from '@/components/inspection/capture/PhotoInput.vue'
import { i18n } from '@/i18n'
import { photoFile, stubCanvas, stubDecoder } from './canvasStub'

beforeEach(async () => {
  await freshDatabase()
})
afterEach(() => {
  vi.unstubAllGlobals()
  i18n.global.locale.value = 'zh-CN'
})

/** What the browser does when a file is chosen in the camera (or gallery) input. */
async function choose(wrapper: VueWrapper, file: File, input = 'photo-camera-file'): Promise<HTMLInputElement> {
  const element = wrapper.get<HTMLInputElement>(`[data-testid="${input}"]`).element
  Object.defineProperty(element, 'files', { value: [file], configurable: true })
  element.dispatchEvent(new Event('change'))
  return element
}

describe('the photo button', () => {
  it('opens the rear camera from 拍照 and the gallery from the second button', async () => {
    const { wrapper } = await mountWithApp(PhotoInput, { roles: ['inspector'] })
    const camera = wrapper.get<HTMLInputElement>('[data-testid="photo-camera-file"]')
    const gallery = wrapper.get<HTMLInputElement>('[data-testid="photo-gallery-file"]')
    expect(camera.attributes()).toMatchObject({ type: 'file', accept: 'image/*', capture: 'environment' })
    expect(gallery.attributes()).toMatchObject({ type: 'file', accept: 'image/*' })
    expect(gallery.attributes('capture')).toBeUndefined()

    const cameraOpened = vi.spyOn(camera.element, 'click')
    const galleryOpened = vi.spyOn(gallery.element, 'click')
    expect(wrapper.get('[data-testid="photo-take"]').text()).toBe('拍照')
    await wrapper.get('[data-testid="photo-take"]').trigger('click')
    expect(cameraOpened).toHaveBeenCalledOnce()
    await wrapper.get('[data-testid="photo-pick"]').trigger('click')
    expect(galleryOpened).toHaveBeenCalledOnce()
  })

  it('shows it is busy while resizing, then emits the stored-size photo and lets go of the chosen file', async () => {
    stubCanvas()
    let decoded!: () => void
    stubDecoder({ width: 3000, height: 4000 }, new Promise((resolve) => (decoded = resolve)))
    const { wrapper } = await mountWithApp(PhotoInput, { roles: ['inspector'] })
    const input = await choose(wrapper, photoFile())
    expect(input.value).toBe('')
    await wrapper.vm.$nextTick()
    expect(wrapper.get('[data-testid="photo-take"]').text()).toBe('正在处理照片…')
    expect(wrapper.get('[data-testid="photo-pick"]').attributes('disabled')).toBeDefined()

    decoded()
    await flushPromises()
    const captured = wrapper.emitted('captured') as [{ blob: Blob; width: number; height: number; mimeType: string }][]
    expect(captured).toHaveLength(1)
    expect(captured[0]?.[0]).toMatchObject({ width: 1200, height: 1600, mimeType: 'image/jpeg' })
    expect(wrapper.get('[data-testid="photo-take"]').text()).toBe('拍照')
  })

  it('resizes to the longest side it is given', async () => {
    stubCanvas()
    stubDecoder({ width: 4000, height: 3000 })
    const { wrapper } = await mountWithApp(PhotoInput, { roles: ['inspector'], props: { longestSide: 1024 } })
    await choose(wrapper, photoFile(), 'photo-gallery-file')
    await flushPromises()
    expect(wrapper.emitted('captured')?.[0]?.[0]).toMatchObject({ width: 1024, height: 768 })
  })

  it('says in the user’s language that a chosen file is not a photo, and emits nothing', async () => {
    stubCanvas()
    stubDecoder({ width: 10, height: 10 })
    const { wrapper } = await mountWithApp(PhotoInput, { roles: ['inspector'] })
    await choose(wrapper, new File(['minutes of the meeting'], 'notes.txt', { type: 'text/plain' }), 'photo-gallery-file')
    await flushPromises()
    expect(wrapper.emitted('captured')).toBeUndefined()
    expect(wrapper.get('[data-testid="photo-problem"]').attributes('role')).toBe('alert')
    expect(wrapper.get('[data-testid="photo-problem"]').text()).toBe('所选文件不是照片。请重新拍照，或从相册选一张照片。')
    i18n.global.locale.value = 'en'
    await wrapper.vm.$nextTick()
    expect(wrapper.get('[data-testid="photo-problem"]').text()).toContain('is not a photo')
  })

  it('says when a photo cannot be read, and forgets the problem once a photo goes through', async () => {
    stubCanvas()
    stubDecoder('refuses')
    const { wrapper } = await mountWithApp(PhotoInput, { roles: ['inspector'] })
    await choose(wrapper, photoFile('image/heic', 'IMG_0003.HEIC'))
    await flushPromises()
    expect(wrapper.get('[data-testid="photo-problem"]').text()).toContain('这张照片读不出来')

    stubDecoder({ width: 1600, height: 1200 })
    await choose(wrapper, photoFile())
    await flushPromises()
    expect(wrapper.find('[data-testid="photo-problem"]').exists()).toBe(false)
    expect(wrapper.emitted('captured')).toHaveLength(1)
  })

  it('opens nothing while disabled', async () => {
    const { wrapper } = await mountWithApp(PhotoInput, { roles: ['inspector'], props: { disabled: true } })
    expect(wrapper.get('[data-testid="photo-take"]').attributes('disabled')).toBeDefined()
    expect(wrapper.get('[data-testid="photo-pick"]').attributes('disabled')).toBeDefined()
  })
})
