import { defineStore } from 'pinia'
import { birthdaysInWeek, clientSummary, type ClientSummary } from '@/db/repositories/clients'
import { listServicePoints } from '@/db/repositories/servicePoints'
import { countStaffByBranch, listBranchStaff } from '@/db/repositories/staff'
import { listRegionBranches } from '@/db/repositories/branches'
import { storageEstimate } from '@/db/storage'
import type { Branch, Client, ServicePoint, Staff } from '@/domain/model/records'
import { useTerminalStore } from './terminal'

export interface RegionOutlet {
  branch: Branch
  staffCount: number
}

/** Read models behind the dashboard and workbench tiles; each area adds its own tiles later. */
export const useOverviewStore = defineStore('overview', () => {
  const terminal = useTerminalStore()
  const branchId = () => terminal.state.branchId

  /** Client and VIP counts of this branch. */
  async function clients(): Promise<ClientSummary | null> {
    const id = branchId()
    return id ? clientSummary(id) : null
  }
  /** Clients with a birthday this week. */
  async function birthdays(): Promise<Client[]> {
    const id = branchId()
    return id ? birthdaysInWeek(id, terminal.today) : []
  }
  /** The branch's service points. */
  async function servicePoints(): Promise<ServicePoint[]> {
    const id = branchId()
    return id ? listServicePoints(id) : []
  }
  /** The branch's active people. */
  async function staff(): Promise<Staff[]> {
    const id = branchId()
    return id ? (await listBranchStaff(id)).filter((s) => s.active === 1) : []
  }
  /** The outlets of this terminal's region with their head counts. */
  async function regionOutlets(): Promise<RegionOutlet[]> {
    const region = terminal.state.region
    if (!region) return []
    const [branches, counts] = await Promise.all([listRegionBranches(region.code), countStaffByBranch()])
    return branches.map((branch) => ({ branch, staffCount: counts.get(branch.id) ?? 0 }))
  }
  /** Space this app uses on the device. */
  function storage() {
    return storageEstimate()
  }

  return { clients, birthdays, servicePoints, staff, regionOutlets, storage }
})
