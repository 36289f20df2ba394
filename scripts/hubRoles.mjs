/**
 * The roles a LobbyDesk hub gives its users, and which users are LobbyDesk's terminals (issue 9).
 * One module for the setup script (run by Node) and the app's admin area (bundled by Vite), so that
 * both revoke by the same rule: plain JavaScript without Node's modules, typed in hubRoles.d.mts.
 */
import { INSPECTOR_ROLE } from './hubDesign.mjs'

export { INSPECTOR_ROLE }

/** Every branch terminal's user has this role, and its branch's `lobbydesk-branch-<code>`. */
export const BRANCH_ROLE = 'lobbydesk-branch'

/** @param {string} code */
export function branchRole(code) {
  return `${BRANCH_ROLE}-${code}`
}

/**
 * A branch terminal's or an inspector's tablet's user: only these may be revoked, never another
 * user of the hub (a reporting account, an administrator).
 * @param {readonly string[]} roles
 */
export function isLobbyDeskTerminal(roles) {
  return roles.some((role) => role === INSPECTOR_ROLE || role.startsWith(BRANCH_ROLE))
}
