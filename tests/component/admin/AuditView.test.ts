import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { freshDatabase } from '../../support/db'
import { mountWithApp } from '../../support/mount'
import { resetStaffPin, saveLockout, updateStaff } from '@/db/repositories/staff'
import { createServicePoint } from '@/db/repositories/servicePoints'
import { setActor, setClock } from '@/db/write'
import { database } from '@/db/connection'
import type { Staff } from '@/domain/model/records'
import AuditView from '@/views/admin/AuditView.vue'
import { addPerson, branchTerminal, quickPin } from './fixtures'
import { byTestId, getByTestId, typeInto } from './dom'

const rowTexts = () => [...document.querySelectorAll('[data-testid="audit-row"]')].map((row) => row.textContent ?? '')

describe('audit log', () => {
  let branchId: string
  let admin: Staff
  let clock: number
  beforeEach(async () => {
    await freshDatabase()
    // One entry per second, so "newest first" is unambiguous.
    clock = Date.UTC(2026, 10, 25, 2, 0, 0)
    setClock(() => (clock += 1000))
    ;({ branchId, admin } = await branchTerminal())
    setActor(admin.id)
  })
  afterEach(() => {
    setClock(() => Date.now())
    setActor(null)
  })

  it('lists entries newest first with time, who, what and which record, filtered by kind and by actor', async () => {
    const clerk = await addPerson(branchId, '1002', '张', '柜员', ['low_counter'])
    await createServicePoint({ branchId, kind: 'low_counter', number: 3, name: '低柜 3', active: 1 })
    setActor(clerk.id)
    await updateStaff(clerk.id, { givenName: '小柜' }, 'staff.update')

    const { wrapper } = await mountWithApp(AuditView, { staff: admin, route: '/admin/audit' })
    await vi.waitFor(() => expect(rowTexts().length).toBe(5))
    expect(rowTexts()[0]).toContain('修改员工信息')
    expect(rowTexts()[0]).toContain('张小柜 · 1002')
    expect(rowTexts()[1]).toMatch(/新增窗口.*低柜 3 号 · 低柜 3.*王管理 · 9002/)
    expect(rowTexts()[0]).toMatch(/^2026-11-25 10:00/)
    // First run wrote the branch and its administrator in one transaction: the same instant.
    expect(rowTexts().slice(-2).join()).toContain('设置网点终端')

    await wrapper.get('[data-testid="audit-entity-servicePoints"]').trigger('click')
    await vi.waitFor(() => expect(rowTexts()).toHaveLength(1))
    await wrapper.get('[data-testid="audit-entity-all"]').trigger('click')
    await vi.waitFor(() => expect(rowTexts()).toHaveLength(5))

    await typeInto('audit-actor-search', '1002')
    await vi.waitFor(() => expect(rowTexts()).toHaveLength(1))
    await typeInto('audit-actor-search', '没有这个人')
    await vi.waitFor(() => expect(byTestId('audit-no-match')).not.toBeNull())
  })

  it('shows a changed record field by field, with PIN hashes never displayed', async () => {
    const clerk = await addPerson(branchId, '1002', '张', '柜员', ['low_counter'])
    await saveLockout(clerk.id, { failedPinAttempts: 5, lockedUntil: clock + 300_000 }, 'signin.locked')
    await resetStaffPin(clerk.id, await quickPin('555555'))

    const { wrapper, router } = await mountWithApp(AuditView, { staff: admin, route: '/admin/audit' })
    await vi.waitFor(() => expect(rowTexts()[0]).toContain('重置 PIN'))
    await wrapper.get('[data-testid="audit-row"]').trigger('click')
    await vi.waitFor(() => expect(byTestId('audit-diff')).not.toBeNull())

    const diff = getByTestId('audit-diff')
    expect(getByTestId('audit-field-pin').className).toContain('is-changed')
    expect(getByTestId('audit-field-pin').textContent).toContain('••••')
    expect(getByTestId('audit-field-failedPinAttempts').textContent).toMatch(/5\s*→\s*0/)
    expect(getByTestId('audit-field-surname').className).not.toContain('is-changed')
    expect(diff.textContent).not.toMatch(/PBKDF2|salt|hash/i)
    expect(diff.innerHTML).not.toContain('"hash"')

    // A created record is listed as it is, nothing marked changed; its PIN is hidden too.
    const created = (await database().records('auditLog').where('[entity+entityId]').equals(['staff', clerk.id]).toArray()).find((e) => e.action === 'staff.create')!
    await router.replace({ query: { entry: created.id } })
    await vi.waitFor(() => expect(getByTestId('audit-detail-action').textContent).toBe('新增员工'))
    expect(getByTestId('audit-detail').textContent).toContain('（新建）')
    expect(document.querySelectorAll('[data-testid="audit-diff"] .is-changed')).toHaveLength(0)
    expect(getByTestId('audit-field-pin').textContent).toContain('••••')
    expect(getByTestId('audit-field-roles').textContent).toContain('低柜柜员')
  })

  it('pages 50 at a time with "load more", without repeating entries', async () => {
    const clerk = await addPerson(branchId, '1002', '张', '柜员', ['low_counter'])
    setActor(null)
    for (let i = 0; i < 57; i++) await saveLockout(clerk.id, { failedPinAttempts: 1, lockedUntil: null }, 'signin.wrong_pin')
    const { wrapper } = await mountWithApp(AuditView, { staff: admin, route: '/admin/audit' })
    await vi.waitFor(() => expect(rowTexts()).toHaveLength(50))
    expect(rowTexts()[0]).toContain('PIN 输错')
    expect(rowTexts()[0]).toContain('系统')

    await wrapper.get('[data-testid="audit-load-more"]').trigger('click')
    await vi.waitFor(() => expect(rowTexts()).toHaveLength(60)) // 57 + setup, admin, clerk
    expect(wrapper.find('[data-testid="audit-load-more"]').exists()).toBe(false)
    expect(wrapper.text()).toContain('已显示全部 60 条')
  })
})
