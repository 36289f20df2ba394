/**
 * 分户到人 / 2对1: every VIP has a primary maintainer (a customer or wealth manager of the branch, still
 * active) and a product maintainer who is another such person. Reassigning closes the current
 * assignment on the day and opens the next one, so the history stays.
 */
import type { Staff } from '../model/records'
import { BOOK_MANAGER_ROLES } from './access'

export type AssignmentProblem = 'primary_missing' | 'primary_not_manager' | 'product_missing' | 'product_not_manager' | 'same_person'

export type ManagerFacts = Pick<Staff, 'id' | 'roles' | 'active' | 'branchId'>

/** Active customer and wealth managers of the branch: the people who may maintain a VIP. */
export function bookManagers<T extends ManagerFacts>(staff: readonly T[], branchId: string): T[] {
  return staff.filter((s) => s.active === 1 && s.branchId === branchId && s.roles.some((r) => BOOK_MANAGER_ROLES.includes(r)))
}

export function checkAssignment(input: { primaryId: string | null; productId: string | null }, managers: readonly ManagerFacts[]): AssignmentProblem[] {
  const ids = new Set(managers.map((m) => m.id))
  const problems: AssignmentProblem[] = []
  if (!input.primaryId) problems.push('primary_missing')
  else if (!ids.has(input.primaryId)) problems.push('primary_not_manager')
  if (!input.productId) problems.push('product_missing')
  else if (!ids.has(input.productId)) problems.push('product_not_manager')
  if (input.primaryId && input.primaryId === input.productId) problems.push('same_person')
  return problems
}
