/** A small branch for the VIP-book tests: a branch head, three managers, a teller and a few clients; this terminal set up. */
import { writeRecords } from '@/db/write'
import { LOCAL_KEYS, setLocal } from '@/db/local'
import { UNCARED_FOR } from '@/domain/clients/care'
import { businessDate, DEFAULT_TIME_ZONE } from '@/domain/time'
import type { Client, Staff } from '@/domain/model/records'
import type { NewRecord } from '@/domain/model/base'
import type { Role } from '@/domain/roles'

export const today = businessDate(Date.now(), DEFAULT_TIME_ZONE)

export interface BookBranch {
  branchId: string
  head: Staff
  wang: Staff
  feng: Staff
  zheng: Staff
  zhou: Staff
  /** Platinum, maintained by 郑欣 (primary) and 王芳 (product). */
  ouyang: Client
  /** Gold, unassigned. */
  li: Client
  /** Not a VIP. */
  zhang: Client
}

function person(branchId: string, staffNo: string, surname: string, givenName: string, roles: Role[]): NewRecord<Staff> {
  return { branchId, staffNo, surname, givenName, roles, pin: null, failedPinAttempts: 0, lockedUntil: null, active: 1 }
}

export function clientRecord(branchId: string, more: Partial<NewRecord<Client>> & Pick<Client, 'surname' | 'givenName' | 'savingsFen' | 'totalAssetsFen' | 'vipTier'>): NewRecord<Client> {
  return {
    branchId, addressAs: null, gender: 'F', phone: '13512346500', idType: 'resident', idNumber: null, cardTails: [], birthday: '1970-03-04', birthdayMonthDay: '03-04', segment: 'high',
    occupation: '教师', vipDesignation: null, riskRating: 'C3', riskRatedOn: today, tags: [], marketingConsent: 1, clientSince: '2010-01-01', searchKeys: [], ...UNCARED_FOR, ...more,
  }
}

export async function seedBookBranch(): Promise<BookBranch> {
  const seeded = await writeRecords(['branches', 'staff', 'clients'], async (w) => {
    const b = await w.insert('branches', { code: 'BJ001', name: '城东支行', group: 'backbone', regionCode: 'BJ', regionName: '滨江分行', address: '', phone: '' })
    const head = await w.insert('staff', person(b.id, '9001', '赵', '建华', ['branch_head']))
    const zheng = await w.insert('staff', person(b.id, '9007', '郑', '欣', ['customer_manager']))
    const wang = await w.insert('staff', person(b.id, '9009', '王', '芳', ['wealth_manager']))
    const feng = await w.insert('staff', person(b.id, '9010', '冯', '涛', ['wealth_manager']))
    const zhou = await w.insert('staff', person(b.id, '9005', '周', '婷', ['low_counter']))
    const ouyang = await w.insert('clients', clientRecord(b.id, { surname: '欧阳', givenName: '娜', idNumber: '330106198502143318', savingsFen: 30_000_000, totalAssetsFen: 60_000_000, vipTier: 'platinum', maintainerId: zheng.id, productMaintainerId: wang.id, searchKeys: ['欧阳娜', 'oyn'], channelPrefs: ['phone'] }))
    const li = await w.insert('clients', clientRecord(b.id, { surname: '李', givenName: '建国', idNumber: '11010519491231002X', savingsFen: 12_000_000, totalAssetsFen: 15_000_000, vipTier: 'gold', searchKeys: ['李建国', 'ljg'] }))
    const zhang = await w.insert('clients', clientRecord(b.id, { surname: '张', givenName: '伟', idNumber: '110101199001011234', savingsFen: 5_000_000, totalAssetsFen: 5_000_000, vipTier: null, searchKeys: ['张伟', 'zw'] }))
    return { branchId: b.id, head, wang, feng, zheng, zhou, ouyang, li, zhang }
  })
  await setLocal(LOCAL_KEYS.branchId, seeded.branchId)
  await setLocal(LOCAL_KEYS.terminalKind, 'branch')
  return seeded
}
