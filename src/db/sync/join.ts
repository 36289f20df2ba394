/**
 * The fourth first-run door: a new terminal joins a branch whose data it has just downloaded from
 * the hub. The branch database holds the whole region's outlets (the inspection rankings need them),
 * so the terminal is told which one it stands in; then it becomes that branch's terminal, as the
 * "set up a real branch" door would have made it, without writing any branch data of its own.
 */
import type { Branch } from '@/domain/model/records'
import { database } from '../connection'
import { LOCAL_KEYS } from '../local'
import { writeRecords } from '../write'
import { countStaffByBranch } from '../repositories/staff'
import { readTerminal } from '../terminal'

export interface JoinCandidate {
  id: string
  code: string
  name: string
  /** Active staff of the branch: the branch a terminal is meant for has people who sign in. */
  staff: number
}

/**
 * The branch to offer first: the one the database is named after (`branch-<code>`, as the hub setup
 * names it), else the only branch with staff; null when neither tells.
 */
export function suggestedBranch(candidates: readonly JoinCandidate[], databaseName: string): string | null {
  const named = candidates.find((c) => `branch-${c.code.toLowerCase()}` === databaseName)
  if (named) return named.id
  const staffed = candidates.filter((c) => c.staff > 0)
  return staffed.length === 1 ? staffed[0]!.id : null
}

/** The downloaded branches, those with staff first, then by code, and the one to offer first. */
export async function joinCandidates(databaseName: string): Promise<{ candidates: JoinCandidate[]; suggested: string | null }> {
  const [branches, staffCounts] = await Promise.all([database().records('branches').filter((b) => b.deleted === 0).toArray(), countStaffByBranch()])
  const candidates = branches
    .map((b): JoinCandidate => ({ id: b.id, code: b.code, name: b.name, staff: staffCounts.get(b.id) ?? 0 }))
    .sort((a, b) => Number(b.staff > 0) - Number(a.staff > 0) || a.code.localeCompare(b.code))
  return { candidates, suggested: suggestedBranch(candidates, databaseName) }
}

/** Makes this terminal the given branch's terminal (kind, branch, region), with an audit entry naming the hub database. */
export async function joinBranch(branchId: string, databaseName: string): Promise<void> {
  if ((await readTerminal()).kind) throw new Error('This terminal is already set up.')
  await writeRecords(['branches'], async (w) => {
    const branch: Branch | undefined = await database().records('branches').get(branchId)
    if (!branch || branch.deleted) throw new Error(`No downloaded branch ${branchId}`)
    await database().local.bulkPut([
      { key: LOCAL_KEYS.terminalKind, value: 'branch' },
      { key: LOCAL_KEYS.branchId, value: branch.id },
      { key: LOCAL_KEYS.region, value: { code: branch.regionCode, name: branch.regionName } },
    ])
    await w.audit('hub.join_branch', 'branches', branch.id, null, { database: databaseName })
  })
}
