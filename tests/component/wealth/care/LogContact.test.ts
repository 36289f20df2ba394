import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { freshDatabase } from '../../../support/db'
import { mountWithApp } from '../../../support/mount'
import { database } from '@/db/connection'
import LogContact from '@/components/wealth/care/LogContact.vue'
import { birthdayKey, seedCareBranch } from './seed'

describe('logging a contact from a client card', () => {
  beforeEach(async () => {
    await freshDatabase()
  })

  it('offers the due birthday first with its channel chosen, and saves contact and care state together', async () => {
    const { wang, chen } = await seedCareBranch()
    const { wrapper } = await mountWithApp(LogContact, { staff: wang, props: { clientId: chen.id } })
    await wrapper.get(`[data-testid="log-contact-${chen.id}"]`).trigger('click')
    await vi.waitFor(() => expect(document.body.querySelector('[data-testid="log-contact-form"]')).not.toBeNull())
    await flushPromises()
    const chip = document.body.querySelector(`[data-testid="log-occasion-${birthdayKey}"]`)!
    expect(chip.getAttribute('aria-checked')).toBe('true')
    expect(chip.textContent).toContain('生日祝福')
    expect(document.body.querySelector('[data-testid="log-channel-birthday_wishes"]')!.getAttribute('aria-checked')).toBe('true')
    // The client's preferred channel (a visit) comes right after the occasion's own.
    const channels = [...document.body.querySelectorAll('[data-testid^="log-channel-"]')].map((b) => b.getAttribute('data-testid'))
    expect(channels.slice(0, 2)).toEqual(['log-channel-birthday_wishes', 'log-channel-visit'])

    ;(document.body.querySelector('[data-testid="log-save"]') as HTMLButtonElement).click()
    await vi.waitFor(async () => expect(await database().records('contacts').filter((c) => c.occasion === birthdayKey).count()).toBe(1))
    const contact = await database().records('contacts').filter((c) => c.occasion === birthdayKey).first()
    expect(contact).toMatchObject({ clientId: chen.id, staffId: wang.id, channel: 'birthday_wishes', service: 'basic', occasion: birthdayKey })
    const client = await database().records('clients').get(chen.id)
    expect(client?.careDone).toEqual([birthdayKey])
    expect(client?.lastContactAt).toBe(contact!.at)
    await vi.waitFor(() => expect(wrapper.emitted('logged')).toHaveLength(1))
  })

  it('an everyday contact: the channel follows the client’s preference and the service level the channel', async () => {
    const { wang, chen } = await seedCareBranch()
    const { wrapper } = await mountWithApp(LogContact, { staff: wang, props: { clientId: chen.id } })
    await wrapper.get(`[data-testid="log-contact-${chen.id}"]`).trigger('click')
    await vi.waitFor(() => expect(document.body.querySelector('[data-testid="log-occasion-none"]')).not.toBeNull())
    ;(document.body.querySelector('[data-testid="log-occasion-none"]') as HTMLButtonElement).click()
    ;(document.body.querySelector('[data-testid="log-channel-visit"]') as HTMLButtonElement).click()
    await flushPromises()
    expect(document.body.querySelector('[data-testid="log-service-value_added"]')!.getAttribute('aria-checked')).toBe('true')
  })

  it('tells the manager when the client declined marketing', async () => {
    const { wang, chen } = await seedCareBranch({ marketingConsent: 0 })
    const { wrapper } = await mountWithApp(LogContact, { staff: wang, props: { clientId: chen.id } })
    await wrapper.get(`[data-testid="log-contact-${chen.id}"]`).trigger('click')
    await vi.waitFor(() => expect(document.body.querySelector('[data-testid="log-contact-declined"]')?.textContent).toContain('拒绝营销'))
  })
})
