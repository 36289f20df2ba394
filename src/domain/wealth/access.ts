/**
 * Who sees a VIP's balances and ID number. Only the branch head and the customer and wealth managers
 * may; a manager sees their own book (clients they maintain, as primary or product maintainer) in
 * full and other managers' clients masked, unless the branch head granted them that manager's book
 * until a date (inclusive). Everyone else sees masked figures only.
 */
import type { AccessGrant, Client } from '../model/records'
import type { Role } from '../roles'
import type { BusinessDate } from '../time'

export type ClientAccess = 'full' | 'masked'

export const BOOK_MANAGER_ROLES: readonly Role[] = ['customer_manager', 'wealth_manager']

export interface Viewer {
  staffId: string
  roles: readonly Role[]
}

export type GrantFacts = Pick<AccessGrant, 'granteeId' | 'ownerStaffId' | 'until'>
export type MaintainedClient = Pick<Client, 'maintainerId' | 'productMaintainerId'>

export const isBranchHead = (viewer: Viewer) => viewer.roles.includes('branch_head')
export const isBookManager = (viewer: Viewer) => viewer.roles.some((role) => BOOK_MANAGER_ROLES.includes(role))

/** A client is in a manager's own book when they are its primary or product maintainer. */
export function inOwnBook(client: MaintainedClient, staffId: string): boolean {
  return client.maintainerId === staffId || client.productMaintainerId === staffId
}

/** The owners whose books this viewer may see unmasked today through a grant. */
export function grantedOwners(viewer: Viewer, grants: readonly GrantFacts[], today: BusinessDate): Set<string> {
  return new Set(grants.filter((g) => g.granteeId === viewer.staffId && g.until >= today).map((g) => g.ownerStaffId))
}

export function clientAccess(viewer: Viewer, client: MaintainedClient, grants: readonly GrantFacts[], today: BusinessDate): ClientAccess {
  if (isBranchHead(viewer)) return 'full'
  if (!isBookManager(viewer)) return 'masked'
  if (inOwnBook(client, viewer.staffId)) return 'full'
  const owners = grantedOwners(viewer, grants, today)
  const maintainers = [client.maintainerId, client.productMaintainerId].filter((id): id is string => id !== null)
  return maintainers.some((id) => owners.has(id)) ? 'full' : 'masked'
}

/** Balances may be edited by whoever may see them in full. */
export const mayEditBalances = (access: ClientAccess) => access === 'full'

export type GrantProblem = 'same_person' | 'until_past' | 'not_manager'

/** A grant lets one manager see another manager's book: two different managers, until a date not past. */
export function checkGrant(input: { granteeId: string; ownerStaffId: string; until: BusinessDate }, managerIds: ReadonlySet<string>, today: BusinessDate): GrantProblem[] {
  const problems: GrantProblem[] = []
  if (!managerIds.has(input.granteeId) || !managerIds.has(input.ownerStaffId)) problems.push('not_manager')
  if (input.granteeId === input.ownerStaffId) problems.push('same_person')
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.until) || input.until < today) problems.push('until_past')
  return problems
}
