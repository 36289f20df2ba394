/** The role the setup script gives inspectors' tablets. */
export const INSPECTOR_ROLE: string

/** Every branch terminal's user has this role, and its branch's `lobbydesk-branch-<code>`. */
export const BRANCH_ROLE: 'lobbydesk-branch'

/** The role of one branch's terminals: `lobbydesk-branch-<code>`. */
export function branchRole(code: string): string

/** A branch terminal's or an inspector's tablet's user: only these may be revoked. */
export function isLobbyDeskTerminal(roles: readonly string[]): boolean
