import { describe, expect, it } from 'vitest'
import { branchTerminalAccounts, hubRoleOf, isLobbyDeskTerminal, isTerminalOfBranch } from '@/domain/sync/hubAccounts'

const lobby = { name: 'bj001-lobby', roles: ['lobbydesk-branch', 'lobbydesk-branch-BJ001'] }
const counter = { name: 'bj001-counter-1', roles: ['lobbydesk-branch', 'lobbydesk-branch-BJ001'] }
const otherBranch = { name: 'bj002-lobby', roles: ['lobbydesk-branch', 'lobbydesk-branch-BJ002'] }
const inspector = { name: 'bj-inspector-01', roles: ['lobbydesk-inspector'] }
const reporting = { name: 'reports', roles: ['reporting'] }

describe('which hub users are LobbyDesk terminals (the only ones that may be revoked)', () => {
  it("a branch terminal's user and an inspector's tablet's are", () => {
    expect(isLobbyDeskTerminal(lobby.roles)).toBe(true)
    expect(isLobbyDeskTerminal(inspector.roles)).toBe(true)
  })

  it('any other user of the hub is not, nor a user without roles', () => {
    expect(isLobbyDeskTerminal(reporting.roles)).toBe(false)
    expect(isLobbyDeskTerminal(['_admin'])).toBe(false)
    expect(isLobbyDeskTerminal([])).toBe(false)
  })
})

describe("a branch's terminals", () => {
  it("are the LobbyDesk users holding that branch's role", () => {
    expect(isTerminalOfBranch(lobby.roles, 'BJ001')).toBe(true)
    expect(isTerminalOfBranch(otherBranch.roles, 'BJ001')).toBe(false)
    expect(isTerminalOfBranch(inspector.roles, 'BJ001')).toBe(false)
  })

  it('are found whatever the case of the branch code, as the setup script compares codes', () => {
    expect(isTerminalOfBranch(lobby.roles, 'bj001')).toBe(true)
    expect(isTerminalOfBranch(['lobbydesk-branch', 'lobbydesk-branch-bj001'], ' BJ001 ')).toBe(true)
  })

  it('are not a branch whose code only begins the same', () => {
    expect(isTerminalOfBranch(['lobbydesk-branch', 'lobbydesk-branch-BJ0010'], 'BJ001')).toBe(false)
  })

  it("are listed with this terminal's own first, then by name, and no one else's", () => {
    const listed = branchTerminalAccounts([reporting, otherBranch, lobby, inspector, counter], 'BJ001', 'bj001-lobby')
    expect(listed).toEqual([
      { ...lobby, thisTerminal: true },
      { ...counter, thisTerminal: false },
    ])
  })

  it('are all marked as other terminals when this terminal syncs without a user, or as another branch', () => {
    expect(branchTerminalAccounts([lobby, counter], 'BJ001', null).map((account) => account.thisTerminal)).toEqual([false, false])
    expect(branchTerminalAccounts([otherBranch], 'BJ001', 'bj002-lobby')).toEqual([])
  })
})

describe('what a role on the hub means', () => {
  it('names a branch terminal, its branch, an inspector, or leaves another role as it is', () => {
    expect(hubRoleOf('lobbydesk-branch')).toEqual({ kind: 'branch_terminal' })
    expect(hubRoleOf('lobbydesk-branch-BJ001')).toEqual({ kind: 'branch', code: 'BJ001' })
    expect(hubRoleOf('lobbydesk-inspector')).toEqual({ kind: 'inspector' })
    expect(hubRoleOf('reporting')).toEqual({ kind: 'other', role: 'reporting' })
    expect(hubRoleOf('lobbydesk-branch-')).toEqual({ kind: 'other', role: 'lobbydesk-branch-' })
  })
})
