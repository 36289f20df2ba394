/**
 * The hub's users as the admin area sees them (issue 9): which are this branch's terminals, and
 * what their roles mean. The roles and the rule for a revocable user are the setup script's own
 * (scripts/hubRoles.mjs), so the admin area and `npm run hub:setup -- --revoke` refuse alike.
 */
import { BRANCH_ROLE, branchRole, INSPECTOR_ROLE, isLobbyDeskTerminal } from '../../../scripts/hubRoles.mjs'

export { isLobbyDeskTerminal }

/** A user of the hub: its name and the roles it holds there. */
export interface HubUser {
  name: string
  roles: readonly string[]
}

export interface TerminalAccount extends HubUser {
  /** The user this terminal itself synchronises with. */
  thisTerminal: boolean
}

/** What a role says, for the screen: a branch terminal, one branch's, an inspector's tablet, or something else. */
export type HubRole = { kind: 'branch_terminal' } | { kind: 'branch'; code: string } | { kind: 'inspector' } | { kind: 'other'; role: string }

/** A terminal of this branch: the setup script gave it the branch's role (codes compared regardless of case, as the script compares them). */
export function isTerminalOfBranch(roles: readonly string[], branchCode: string): boolean {
  const wanted = branchRole(branchCode.trim()).toLowerCase()
  return roles.some((role) => role.toLowerCase() === wanted)
}

/** The branch's terminal users: this terminal's own first, then by name. */
export function branchTerminalAccounts(users: readonly HubUser[], branchCode: string, thisTerminalUser: string | null): TerminalAccount[] {
  return users
    .filter((user) => isTerminalOfBranch(user.roles, branchCode))
    .map((user) => ({ name: user.name, roles: user.roles, thisTerminal: user.name === thisTerminalUser }))
    .sort((a, b) => Number(b.thisTerminal) - Number(a.thisTerminal) || a.name.localeCompare(b.name))
}

/** What a role on the hub means, as the setup script gives them. */
export function hubRoleOf(role: string): HubRole {
  if (role === BRANCH_ROLE) return { kind: 'branch_terminal' }
  if (role === INSPECTOR_ROLE) return { kind: 'inspector' }
  if (role.startsWith(`${BRANCH_ROLE}-`) && role.length > BRANCH_ROLE.length + 1) return { kind: 'branch', code: role.slice(BRANCH_ROLE.length + 1) }
  return { kind: 'other', role }
}
