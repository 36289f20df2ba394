/** A branch with a wealth manager and one VIP whose birthday is in two days (last contacted two days ago), this terminal set up, for the care screens' tests. */
import { writeRecords } from '@/db/write'
import { database } from '@/db/connection'
import { recomputeCare } from '@/db/repositories/wealth/care'
import { LOCAL_KEYS, setLocal } from '@/db/local'
import { UNCARED_FOR } from '@/domain/clients/care'
import { addDays, businessDate, DEFAULT_TIME_ZONE } from '@/domain/time'
import type { Client, Staff } from '@/domain/model/records'
import type { NewRecord } from '@/domain/model/base'

export const today = businessDate(Date.now(), DEFAULT_TIME_ZONE)
export const birthdayIn2Days = `1972-${addDays(today, 2).slice(5)}`
/** The occasion key of that birthday: the year it falls in. */
export const birthdayKey = `birthday:${addDays(today, 2).slice(0, 4)}`

export interface CareBranch {
  branchId: string
  head: Staff
  wang: Staff
  chen: Client
}

export function careClient(branchId: string, more: Partial<NewRecord<Client>>): NewRecord<Client> {
  return {
    branchId, surname: '陈', givenName: '静', addressAs: null, gender: 'F', phone: null, idType: null, idNumber: null, cardTails: [], birthday: birthdayIn2Days, birthdayMonthDay: birthdayIn2Days.slice(5), segment: 'high',
    occupation: '', savingsFen: 300_000_000, totalAssetsFen: 300_000_000, vipTier: 'diamond', vipDesignation: null, riskRating: null, riskRatedOn: null, tags: [], marketingConsent: 1, clientSince: '2015-01-01', searchKeys: [],
    ...UNCARED_FOR, channelPrefs: ['visit'], lastContactAt: Date.now() - 2 * 86_400_000, ...more,
  }
}

export async function seedCareBranch(client: Partial<NewRecord<Client>> = {}): Promise<CareBranch> {
  const seeded = await writeRecords(['branches', 'staff', 'clients', 'contacts'], async (w) => {
    const b = await w.insert('branches', { code: 'BJ001', name: '城东支行', group: 'backbone', regionCode: 'BJ', regionName: '滨江分行', address: '', phone: '' })
    const head = await w.insert('staff', { branchId: b.id, staffNo: '9001', surname: '赵', givenName: '建华', roles: ['branch_head'], pin: null, failedPinAttempts: 0, lockedUntil: null, active: 1 })
    const wang = await w.insert('staff', { branchId: b.id, staffNo: '9009', surname: '王', givenName: '芳', roles: ['wealth_manager'], pin: null, failedPinAttempts: 0, lockedUntil: null, active: 1 })
    const chen = await w.insert('clients', careClient(b.id, { maintainerId: wang.id, ...client }))
    if (chen.lastContactAt !== null) {
      await w.insert('contacts', { branchId: b.id, clientId: chen.id, staffId: wang.id, at: chen.lastContactAt, businessDate: businessDate(chen.lastContactAt, DEFAULT_TIME_ZONE), channel: 'phone', service: 'basic', occasion: null, note: '', nextStep: '', details: {} })
    }
    return { branchId: b.id, head, wang, chen }
  })
  // The care state as the contact log gives it, next care date included.
  await recomputeCare([seeded.chen.id], today)
  seeded.chen = (await database().records('clients').get(seeded.chen.id))!
  await setLocal(LOCAL_KEYS.branchId, seeded.branchId)
  await setLocal(LOCAL_KEYS.terminalKind, 'branch')
  return seeded
}
