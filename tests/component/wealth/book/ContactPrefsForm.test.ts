import { beforeEach, describe, expect, it, vi } from 'vitest'
import { freshDatabase } from '../../../support/db'
import { mountWithApp } from '../../../support/mount'
import { seedBookBranch, type BookBranch } from '../../../unit/db/wealth-book-seed'
import { database } from '@/db/connection'
import ContactPrefsForm from '@/components/wealth/book/ContactPrefsForm.vue'

describe('a client’s contact preferences', () => {
  let branch: BookBranch
  beforeEach(async () => {
    await freshDatabase()
    branch = await seedBookBranch()
  })

  it('keeps the channels in the order tapped and a declined marketing consent, audited', async () => {
    expect(branch.ouyang.channelPrefs).toEqual(['phone'])
    const { wrapper } = await mountWithApp(ContactPrefsForm, { staff: branch.zheng, props: { client: branch.ouyang } })
    await wrapper.get('[data-testid="prefs-channel-phone"]').trigger('click')
    await wrapper.get('[data-testid="prefs-channel-wechat"]').trigger('click')
    await wrapper.get('[data-testid="prefs-channel-phone"]').trigger('click')
    await wrapper.get('[data-testid="prefs-marketing"]').trigger('click')
    await wrapper.get('[data-testid="prefs-form"]').trigger('submit')
    await vi.waitFor(async () => expect(await database().records('clients').get(branch.ouyang.id)).toMatchObject({ channelPrefs: ['wechat', 'phone'], marketingConsent: 0 }))
    expect(wrapper.emitted('saved')).toHaveLength(1)
    const audit = await database().records('auditLog').where('[entity+entityId]').equals(['clients', branch.ouyang.id]).toArray()
    expect(audit.map((e) => e.action)).toEqual(['client.preferences'])
  })

  it('is refused to a manager who does not maintain the client, and nothing changes', async () => {
    const { wrapper } = await mountWithApp(ContactPrefsForm, { staff: branch.feng, props: { client: branch.ouyang } })
    await wrapper.get('[data-testid="prefs-channel-sms"]').trigger('click')
    await wrapper.get('[data-testid="prefs-form"]').trigger('submit')
    await vi.waitFor(() => expect(wrapper.text()).toContain('只有客户的维护人或网点主任可以修改联系偏好。'))
    expect((await database().records('clients').get(branch.ouyang.id))?.channelPrefs).toEqual(['phone'])
  })
})
