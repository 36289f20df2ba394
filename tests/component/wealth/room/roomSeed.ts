/** A small branch for the wealth-room tests: two rooms, three managers, a VIP with a maintainer, this terminal set up. */
import { writeRecords } from '@/db/write'
import { LOCAL_KEYS, setLocal } from '@/db/local'
import { checkIn } from '@/db/repositories/lobby/visits'
import { UNCARED_FOR } from '@/domain/clients/care'
import { businessDate, DEFAULT_TIME_ZONE } from '@/domain/time'
import type { Client, ServicePoint, Staff, Visit } from '@/domain/model/records'
import type { NewRecord } from '@/domain/model/base'
import type { Role } from '@/domain/roles'

export const today = businessDate(Date.now(), DEFAULT_TIME_ZONE)

export interface RoomBranch {
  branchId: string
  room1: ServicePoint
  room2: ServicePoint
  wang: Staff
  feng: Staff
  zheng: Staff
  vip: Client
}

function person(branchId: string, staffNo: string, surname: string, givenName: string, roles: Role[]): NewRecord<Staff> {
  return { branchId, staffNo, surname, givenName, roles, pin: null, failedPinAttempts: 0, lockedUntil: null, active: 1 }
}

export async function seedRoomBranch(): Promise<RoomBranch> {
  const branch = await writeRecords(['branches', 'servicePoints', 'staff', 'clients'], async (w) => {
    const b = await w.insert('branches', { code: 'BJ001', name: '城东支行', group: 'backbone', regionCode: 'BJ', regionName: '滨江分行', address: '', phone: '' })
    const room1 = await w.insert('servicePoints', { branchId: b.id, kind: 'wealth_room', number: 1, name: '1号理财室', active: 1 })
    const room2 = await w.insert('servicePoints', { branchId: b.id, kind: 'wealth_room', number: 2, name: '2号理财室', active: 1 })
    const wang = await w.insert('staff', person(b.id, '9009', '王', '芳', ['wealth_manager']))
    const feng = await w.insert('staff', person(b.id, '9010', '冯', '涛', ['wealth_manager']))
    const zheng = await w.insert('staff', person(b.id, '9007', '郑', '欣', ['customer_manager']))
    const client: NewRecord<Client> = {
      branchId: b.id, surname: '欧阳', givenName: '明轩', addressAs: null, gender: 'M', phone: '13512346500', idType: null, idNumber: null, cardTails: [],
      birthday: null, birthdayMonthDay: null, segment: 'high', occupation: '', savingsFen: 80_000_000, totalAssetsFen: 260_000_000,
      vipTier: 'diamond', vipDesignation: null, riskRating: 'C3', riskRatedOn: null, tags: [], marketingConsent: 1, clientSince: '2010-01-01', searchKeys: ['欧阳明轩', 'oymx', '6500'], ...UNCARED_FOR, maintainerId: zheng.id,
    }
    const vip = await w.insert('clients', client)
    return { branchId: b.id, room1, room2, wang, feng, zheng, vip }
  })
  await setLocal(LOCAL_KEYS.branchId, branch.branchId)
  await setLocal(LOCAL_KEYS.terminalKind, 'branch')
  return branch
}

/** The VIP checked in at the door and sent to the wealth room, as the lobby does it. */
export async function vipArrives(branch: RoomBranch, appointmentId: string | null = null): Promise<Visit> {
  const { visit } = await checkIn({
    branchId: branch.branchId,
    businessDate: today,
    clientId: branch.vip.id,
    zone: 'wealth_room',
    prefix: 'V',
    arrival: { purpose: 'investment_consultation', zone: 'wealth_room', priorityClass: 'vip', isVip: true, reasons: ['vip_wealth_room'], appointmentId, appointmentAt: null, antiFraudTriggers: [] },
    alsoAtDoor: [],
    staffId: null,
    appointmentId,
    details: {},
  })
  return visit
}
