import { describe, expect, it } from 'vitest'
import { checkGrant, clientAccess, inOwnBook, type Viewer } from '@/domain/wealth/access'
import { bookManagers, checkAssignment } from '@/domain/wealth/bookAssignment'

const TODAY = '2026-11-25'
const head: Viewer = { staffId: 'head', roles: ['branch_head'] }
const wang: Viewer = { staffId: 'wang', roles: ['wealth_manager'] }
const zheng: Viewer = { staffId: 'zheng', roles: ['customer_manager'] }
const teller: Viewer = { staffId: 'zhou', roles: ['low_counter'] }
const zhengsClient = { maintainerId: 'zheng', productMaintainerId: 'feng' }

describe('who sees balances and ID numbers', () => {
  it('the branch head sees every client in full', () => {
    expect(clientAccess(head, zhengsClient, [], TODAY)).toBe('full')
  })

  it('a manager sees their own book in full, as primary or product maintainer', () => {
    expect(clientAccess(zheng, zhengsClient, [], TODAY)).toBe('full')
    expect(clientAccess({ staffId: 'feng', roles: ['wealth_manager'] }, zhengsClient, [], TODAY)).toBe('full')
    expect(inOwnBook(zhengsClient, 'wang')).toBe(false)
  })

  it("another manager's client is masked unless the branch head granted that book, through the grant's last day", () => {
    expect(clientAccess(wang, zhengsClient, [], TODAY)).toBe('masked')
    const grant = { granteeId: 'wang', ownerStaffId: 'zheng', until: TODAY }
    expect(clientAccess(wang, zhengsClient, [grant], TODAY)).toBe('full')
    expect(clientAccess(wang, zhengsClient, [grant], '2026-11-26')).toBe('masked')
    expect(clientAccess(wang, zhengsClient, [{ ...grant, granteeId: 'someone' }], TODAY)).toBe('masked')
  })

  it('other roles never see them, even with a grant', () => {
    expect(clientAccess(teller, zhengsClient, [{ granteeId: 'zhou', ownerStaffId: 'zheng', until: TODAY }], TODAY)).toBe('masked')
  })

  it('an unassigned VIP is masked for managers until someone is assigned', () => {
    expect(clientAccess(wang, { maintainerId: null, productMaintainerId: null }, [], TODAY)).toBe('masked')
  })

  it('a grant joins two different managers until a date not past', () => {
    const managers = new Set(['wang', 'zheng'])
    expect(checkGrant({ granteeId: 'wang', ownerStaffId: 'zheng', until: TODAY }, managers, TODAY)).toEqual([])
    expect(checkGrant({ granteeId: 'wang', ownerStaffId: 'wang', until: '2026-11-24' }, managers, TODAY)).toEqual(['same_person', 'until_past'])
    expect(checkGrant({ granteeId: 'zhou', ownerStaffId: 'zheng', until: TODAY }, managers, TODAY)).toEqual(['not_manager'])
  })
})

describe('分户到人 / 2对1 assignment', () => {
  const staff = [
    { id: 'wang', roles: ['wealth_manager' as const], active: 1 as const, branchId: 'b1' },
    { id: 'zheng', roles: ['customer_manager' as const], active: 1 as const, branchId: 'b1' },
    { id: 'left', roles: ['customer_manager' as const], active: 0 as const, branchId: 'b1' },
    { id: 'other', roles: ['wealth_manager' as const], active: 1 as const, branchId: 'b2' },
    { id: 'zhou', roles: ['low_counter' as const], active: 1 as const, branchId: 'b1' },
  ]
  const managers = bookManagers(staff, 'b1')

  it('only active customer and wealth managers of the branch maintain VIPs', () => {
    expect(managers.map((m) => m.id)).toEqual(['wang', 'zheng'])
  })

  it('needs a primary and a different product maintainer, both managers', () => {
    expect(checkAssignment({ primaryId: 'zheng', productId: 'wang' }, managers)).toEqual([])
    expect(checkAssignment({ primaryId: null, productId: null }, managers)).toEqual(['primary_missing', 'product_missing'])
    expect(checkAssignment({ primaryId: 'wang', productId: 'wang' }, managers)).toEqual(['same_person'])
    expect(checkAssignment({ primaryId: 'left', productId: 'zhou' }, managers)).toEqual(['primary_not_manager', 'product_not_manager'])
  })
})
