import { defineStore } from 'pinia'
import { unclosedComplaints } from '@/db/repositories/lobby/figures'
import { listBranchStaff } from '@/db/repositories/staff'
import { antiFraudFigures, complaintFigures, dutyFigures, lobbyDayStats, type AntiFraudFigures, type ComplaintFigures, type DutyFigures, type LobbyDayStats } from '@/domain/lobby/stats'
import { turnedAwayByAntiFraud } from '@/domain/lobby/antiFraud'
import { addDays, startOfBusinessDate } from '@/domain/time'
import type { ServicePoint, Staff } from '@/domain/model/records'
import { useLobbyStore } from './lobby'
import { useTerminalStore } from './terminal'

/** Everything the lobby's numbers screen shows for one business day. */
export interface LobbyNumbers {
  businessDate: string
  targetWaitMinutes: number
  /** The queue board's colours by waiting time (amber from, red from), reused for average waits. */
  waitThresholds: { amberMinutes: number; redMinutes: number }
  stats: LobbyDayStats
  dutyByStaff: DutyFigures[]
  dutyByPoint: DutyFigures[]
  antiFraud: AntiFraudFigures
  /** Complaints open and overdue now (whatever day is chosen). */
  complaints: ComplaintFigures
  staff: Map<string, Staff>
  points: Map<string, ServicePoint>
  closed: boolean
}

/** The lobby's numbers for today or any chosen day, read from the same picture the lobby screens use. */
export const useLobbyNumbersStore = defineStore('lobbyNumbers', () => {
  const lobby = useLobbyStore()
  const terminal = useTerminalStore()

  async function figures(businessDate: string, nowMs = Date.now()): Promise<LobbyNumbers> {
    const rules = await lobby.loadRules()
    const branchId = terminal.state.branchId ?? ''
    const zone = terminal.settings.timeZone
    const [picture, people, complaints] = await Promise.all([lobby.picture(businessDate, nowMs), listBranchStaff(branchId), unclosedComplaints(branchId)])
    const turnedAway = new Set(picture.day.visits.filter((visit) => turnedAwayByAntiFraud(visit.details)).map((visit) => visit.id))
    const stats = lobbyDayStats([...picture.states.values()], zone, rules, turnedAway)
    // Open sessions of a past day count to that day's end; today's to now.
    const untilMs = Math.min(nowMs, startOfBusinessDate(addDays(businessDate, 1), zone))
    return {
      businessDate,
      targetWaitMinutes: rules.targetWaitMinutes,
      waitThresholds: rules.waitThresholds,
      stats,
      dutyByStaff: dutyFigures(picture.sessions, stats.byStaff, 'staffId', untilMs),
      dutyByPoint: dutyFigures(picture.sessions, stats.byServicePoint, 'servicePointId', untilMs),
      antiFraud: antiFraudFigures([...picture.states.values()]),
      complaints: complaintFigures(complaints, nowMs),
      staff: new Map(people.map((s) => [s.id, s])),
      points: new Map(picture.points.map((p) => [p.id, p])),
      closed: picture.closed,
    }
  }

  return { figures }
})
