import { beforeEach, describe, expect, it, vi } from 'vitest'
import { freshDatabase } from '../../support/db'
import { mountWithApp } from '../../support/mount'
import { getBranch } from '@/db/repositories/branches'
import { database } from '@/db/connection'
import { useTerminalStore } from '@/stores/terminal'
import BranchProfileView from '@/views/admin/BranchProfileView.vue'
import { branchTerminal, inspectorTerminal } from './fixtures'

describe('branch profile', () => {
  beforeEach(async () => {
    await freshDatabase()
  })

  it('saves the profile, audits it and shows the new name at once', async () => {
    const { branchId, admin } = await branchTerminal()
    const { wrapper } = await mountWithApp(BranchProfileView, { staff: admin, route: '/admin/profile' })
    const name = wrapper.get('[data-testid="profile-name"]')
    expect((name.element as HTMLInputElement).value).toBe('城东支行')

    await name.setValue('城东支行营业部')
    await wrapper.get('[data-testid="profile-group-flagship"] input').setValue(true)
    await wrapper.get('[data-testid="profile-form"]').trigger('submit')

    // The toast comes last, after the write and the terminal's re-read.
    await vi.waitFor(() => expect(document.body.textContent).toContain('网点档案已保存'))
    expect(await getBranch(branchId)).toMatchObject({ name: '城东支行营业部', group: 'flagship' })
    expect(useTerminalStore().branch?.name).toBe('城东支行营业部')
    const audit = await database().records('auditLog').where('[entity+entityId]').equals(['branches', branchId]).toArray()
    expect(audit.map((e) => e.action)).toContain('branch.update_profile')
    expect(wrapper.find('[data-testid="draft-restored"]').exists()).toBe(false)
  })

  it('keeps unsaved edits as a draft across a lock, and lets the person discard them', async () => {
    const { admin } = await branchTerminal()
    const first = await mountWithApp(BranchProfileView, { staff: admin, route: '/admin/profile' })
    await first.wrapper.get('[data-testid="profile-address"]').setValue('滨江路 9 号')
    first.wrapper.unmount() // what an idle lock does to the screen: the draft is flushed

    await vi.waitFor(async () => expect(await database().drafts.count()).toBe(1))
    const { wrapper } = await mountWithApp(BranchProfileView, { staff: admin, route: '/admin/profile' })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="draft-restored"]').exists()).toBe(true))
    expect((wrapper.get('[data-testid="profile-address"]').element as HTMLInputElement).value).toBe('滨江路 9 号')

    await wrapper.get('[data-testid="draft-discard"]').trigger('click')
    await vi.waitFor(async () => expect(await database().drafts.count()).toBe(0))
    expect((wrapper.get('[data-testid="profile-address"]').element as HTMLInputElement).value).toBe('滨江路 1 号')
    // The reset itself must not come back as a new draft.
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(await database().drafts.count()).toBe(0)
  })

  it('refuses an empty name next to the field', async () => {
    const { branchId, admin } = await branchTerminal()
    const { wrapper } = await mountWithApp(BranchProfileView, { staff: admin, route: '/admin/profile' })
    await wrapper.get('[data-testid="profile-name"]').setValue('  ')
    await wrapper.get('[data-testid="profile-form"]').trigger('submit')
    await vi.waitFor(() => expect(wrapper.text()).toContain('请填写网点名称'))
    expect((await getBranch(branchId))?.name).toBe('城东支行')
  })

  it("says an inspector's tablet has no branch profile and names its region", async () => {
    const inspector = await inspectorTerminal()
    const { wrapper } = await mountWithApp(BranchProfileView, { staff: inspector, route: '/admin/profile' })
    expect(wrapper.find('[data-testid="profile-form"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="profile-no-branch"]').text()).toContain('滨江分行')
  })
})
