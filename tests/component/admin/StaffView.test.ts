import { beforeEach, describe, expect, it, vi } from 'vitest'
import { freshDatabase } from '../../support/db'
import { mountWithApp } from '../../support/mount'
import { findStaffByNumber, getStaff } from '@/db/repositories/staff'
import { database } from '@/db/connection'
import { verifyPin } from '@/domain/pin'
import type { Staff } from '@/domain/model/records'
import StaffView from '@/views/admin/StaffView.vue'
import { addPerson, branchTerminal } from './fixtures'
import { byTestId, click, getByTestId, typeInto } from './dom'

const auditActions = async (staffId: string) => (await database().records('auditLog').where('[entity+entityId]').equals(['staff', staffId]).toArray()).map((e) => e.action)

describe('staff', () => {
  let branchId: string
  let admin: Staff
  beforeEach(async () => {
    await freshDatabase()
    ;({ branchId, admin } = await branchTerminal())
  })

  it('lists the branch staff, found by name or number and filtered by role chips', async () => {
    await addPerson(branchId, '1001', '李', '大堂', ['lobby_manager'])
    await addPerson(branchId, '1002', '张', '柜员', ['low_counter', 'customer_manager'])
    await addPerson(null, '7001', '赵', '督导', ['inspector']) // region staff: not this branch's
    const { wrapper } = await mountWithApp(StaffView, { staff: admin, route: '/admin/staff' })
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid^="staff-row-"]')).toHaveLength(3))
    expect(wrapper.find('[data-testid="staff-row-7001"]').exists()).toBe(false)

    await wrapper.get('[data-testid="staff-search"]').setValue('张')
    expect(wrapper.findAll('[data-testid^="staff-row-"]').map((r) => r.attributes('data-testid'))).toEqual(['staff-row-1002'])
    await wrapper.get('[data-testid="staff-search"]').setValue('100')
    expect(wrapper.findAll('[data-testid^="staff-row-"]')).toHaveLength(2)

    await wrapper.get('[data-testid="staff-search"]').setValue('')
    await wrapper.get('[data-testid="staff-role-filter-lobby_manager"]').trigger('click')
    expect(wrapper.findAll('[data-testid^="staff-row-"]').map((r) => r.attributes('data-testid'))).toEqual(['staff-row-1001'])

    await wrapper.get('[data-testid="staff-role-filter-inspector"]').trigger('click')
    await wrapper.get('[data-testid="staff-role-filter-lobby_manager"]').trigger('click')
    expect(wrapper.get('[data-testid="staff-no-match"]').text()).toContain('没有符合条件的员工')
    await wrapper.get('[data-testid="staff-no-match"] button').trigger('click')
    expect(wrapper.findAll('[data-testid^="staff-row-"]')).toHaveLength(3)
  })

  it('adds a person with a hashed initial PIN, and says so next to the field when the number is taken', async () => {
    await addPerson(branchId, '1001', '李', '大堂', ['lobby_manager'])
    const { wrapper } = await mountWithApp(StaffView, { staff: admin, route: '/admin/staff' })
    await wrapper.get('[data-testid="admin-staff-add"]').trigger('click')
    await vi.waitFor(() => expect(byTestId('staff-form')).not.toBeNull())

    await typeInto('staff-staffNo', '1001')
    await typeInto('staff-surname', '陈')
    await typeInto('staff-givenName', '新人')
    await click('staff-role-wealth_manager')
    await click('staff-role-customer_manager')
    await typeInto('staff-initial-pin', '246810')
    await typeInto('staff-initial-pin-again', '246810')
    await click('staff-save')
    await vi.waitFor(() => expect(getByTestId('staff-form').textContent).toContain('工号 1001 已被使用'))

    await typeInto('staff-staffNo', '1003')
    await click('staff-save')
    await vi.waitFor(async () => expect(await findStaffByNumber('1003')).toBeDefined())
    const added = (await findStaffByNumber('1003'))!
    expect(added).toMatchObject({ surname: '陈', givenName: '新人', roles: ['wealth_manager', 'customer_manager'], active: 1, branchId })
    expect(added.pin?.algorithm).toBe('PBKDF2-SHA256')
    expect(JSON.stringify(added)).not.toContain('246810')
    expect(await verifyPin('246810', added.pin!)).toBe(true)
    expect(await auditActions(added.id)).toEqual(['staff.create'])
    // No PIN in clear ever reaches a draft.
    expect(JSON.stringify(await database().drafts.toArray())).not.toContain('246810')
  })

  it('asks for the PIN twice and at least one role before adding anyone', async () => {
    await mountWithApp(StaffView, { staff: admin, route: '/admin/staff?staff=new' })
    await vi.waitFor(() => expect(byTestId('staff-form')).not.toBeNull())
    await typeInto('staff-staffNo', '1004')
    await typeInto('staff-surname', '周')
    await typeInto('staff-initial-pin', '1234')
    await typeInto('staff-initial-pin-again', '4321')
    await click('staff-save')
    await vi.waitFor(() => expect(document.body.textContent).toContain('两次输入的 PIN 不一致'))
    expect(document.body.textContent).toContain('请至少选择一个岗位')
    expect(await findStaffByNumber('1004')).toBeUndefined()
  })

  it('will not let administrators deactivate themselves or drop their own administrator role, and says why', async () => {
    await mountWithApp(StaffView, { staff: admin, route: `/admin/staff?staff=${admin.id}` })
    await vi.waitFor(() => expect(byTestId('staff-deactivate')).not.toBeNull())
    expect(getByTestId('staff-deactivate').hasAttribute('disabled') || getByTestId('staff-deactivate').getAttribute('aria-disabled') === 'true').toBe(true)
    expect(getByTestId('staff-self-note').textContent).toContain('您不能停用自己')
    expect((getByTestId('staff-role-administrator') as HTMLButtonElement).disabled).toBe(true)
    expect(getByTestId('staff-own-admin-note').textContent).toContain('不能取消自己的系统管理员岗位')

    // Adding a role to oneself is fine.
    await click('staff-role-branch_head')
    await click('staff-save')
    await vi.waitFor(async () => expect((await getStaff(admin.id))?.roles).toEqual(['administrator', 'branch_head']))
  })

  it('deactivates another person after the confirm dialog, and reactivates them', async () => {
    const clerk = await addPerson(branchId, '1002', '张', '柜员', ['low_counter'])
    const { wrapper } = await mountWithApp(StaffView, { staff: admin, route: `/admin/staff?staff=${clerk.id}` })
    await vi.waitFor(() => expect(byTestId('staff-deactivate')).not.toBeNull())
    await click('staff-deactivate')
    await vi.waitFor(() => expect(byTestId('staff-deactivate-confirm')).not.toBeNull())
    expect(document.body.textContent).toContain('张柜员不能再用工号 1002 登录')
    await click('staff-deactivate-confirm')
    await vi.waitFor(async () => expect((await getStaff(clerk.id))?.active).toBe(0))
    await vi.waitFor(() => expect(wrapper.get('[data-testid="staff-row-1002"]').text()).toContain('已停用'))

    await vi.waitFor(() => expect(byTestId('staff-reactivate')).not.toBeNull())
    await click('staff-reactivate')
    await vi.waitFor(async () => expect((await getStaff(clerk.id))?.active).toBe(1))
    expect(await auditActions(clerk.id)).toEqual(expect.arrayContaining(['staff.deactivate', 'staff.reactivate']))
  })

  it('shows who is locked out until when, unlocks them, and resets a PIN (which also ends a lockout)', async () => {
    const lockedUntil = Date.now() + 4 * 60_000
    const clerk = await addPerson(branchId, '1002', '张', '柜员', ['low_counter'], { failedPinAttempts: 5, lockedUntil })
    const other = await addPerson(branchId, '1005', '孙', '柜员', ['low_counter'], { failedPinAttempts: 5, lockedUntil })
    const { wrapper, router } = await mountWithApp(StaffView, { staff: admin, route: '/admin/staff' })
    await vi.waitFor(() => expect(wrapper.get('[data-testid="staff-row-1002"]').text()).toMatch(/锁定至 \d{2}:\d{2}/))

    await wrapper.get('[data-testid="staff-row-1002"]').trigger('click')
    await vi.waitFor(() => expect(byTestId('staff-unlock')).not.toBeNull())
    await click('staff-unlock')
    await vi.waitFor(async () => expect(await getStaff(clerk.id)).toMatchObject({ failedPinAttempts: 0, lockedUntil: null }))
    expect(await auditActions(clerk.id)).toContain('staff.unlock')

    await router.replace({ query: { staff: other.id } })
    await vi.waitFor(() => expect(byTestId('staff-reset-pin')).not.toBeNull())
    await typeInto('staff-new-pin', '135790')
    await typeInto('staff-new-pin-again', '135790')
    await click('staff-reset-pin')
    await vi.waitFor(async () => expect(await getStaff(other.id)).toMatchObject({ failedPinAttempts: 0, lockedUntil: null }))
    expect(await verifyPin('135790', (await getStaff(other.id))!.pin!)).toBe(true)
    expect(await auditActions(other.id)).toContain('staff.reset_pin')
  })
})
