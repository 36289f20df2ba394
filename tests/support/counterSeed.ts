/**
 * A small branch for the counter's tests: the default catalogue and bundles, a low-counter seller,
 * a teller, a wealth manager and the branch head, and three clients whose risk ratings differ (a
 * current C3, a current C2, an expired C4). The terminal is set up as that branch.
 */
import { writeRecords } from '@/db/write'
import { LOCAL_KEYS, setLocal } from '@/db/local'
import { UNCARED_FOR } from '@/domain/clients/care'
import { DEFAULT_BUNDLE_RULES, DEFAULT_PRODUCTS } from '@/domain/catalogue/defaults'
import { addDays, businessDate, DEFAULT_TIME_ZONE } from '@/domain/time'
import type { Client, Staff } from '@/domain/model/records'
import type { NewRecord } from '@/domain/model/base'
import type { Role } from '@/domain/roles'

export const today = businessDate(Date.now(), DEFAULT_TIME_ZONE)

export interface CounterBranch {
  branchId: string
  otherBranchId: string
  zhou: Staff
  chen: Staff
  wang: Staff
  head: Staff
  /** C3, rated this year: may buy up to R3. */
  mortgageClient: Client
  /** C2, rated this year. */
  carefulClient: Client
  /** C4, rated over a year ago: the rating has expired. */
  staleClient: Client
}

function person(branchId: string, staffNo: string, surname: string, givenName: string, roles: Role[]): NewRecord<Staff> {
  return { branchId, staffNo, surname, givenName, roles, pin: null, failedPinAttempts: 0, lockedUntil: null, active: 1 }
}

function client(branchId: string, surname: string, givenName: string, fields: Partial<NewRecord<Client>>): NewRecord<Client> {
  return {
    branchId, surname, givenName, addressAs: null, gender: 'M', phone: null, idType: null, idNumber: null, cardTails: [], birthday: '1980-05-01', birthdayMonthDay: '05-01',
    segment: 'mid', occupation: '', savingsFen: 5_000_000, totalAssetsFen: 9_000_000, vipTier: null, vipDesignation: null, riskRating: null, riskRatedOn: null, tags: [],
    marketingConsent: 1, clientSince: '2015-01-01', searchKeys: [surname + givenName], ...UNCARED_FOR, ...fields,
  }
}

export async function seedCounterBranch(): Promise<CounterBranch> {
  const branch = await writeRecords(['branches', 'staff', 'clients', 'products', 'bundleRules'], async (w) => {
    const b = await w.insert('branches', { code: 'BJ001', name: '城东支行', group: 'backbone', regionCode: 'BJ', regionName: '滨江分行', address: '', phone: '' })
    const other = await w.insert('branches', { code: 'BJ002', name: '江北支行', group: 'potential', regionCode: 'BJ', regionName: '滨江分行', address: '', phone: '' })
    for (const product of DEFAULT_PRODUCTS) await w.insert('products', structuredClone(product))
    for (const rule of DEFAULT_BUNDLE_RULES) await w.insert('bundleRules', structuredClone(rule))
    return {
      branchId: b.id,
      otherBranchId: other.id,
      zhou: await w.insert('staff', person(b.id, '9005', '周', '婷', ['low_counter'])),
      chen: await w.insert('staff', person(b.id, '9011', '陈', '静', ['high_counter'])),
      wang: await w.insert('staff', person(b.id, '9009', '王', '芳', ['wealth_manager'])),
      head: await w.insert('staff', person(b.id, '9001', '赵', '建华', ['branch_head'])),
      mortgageClient: await w.insert('clients', client(b.id, '刘', '建国', { riskRating: 'C3', riskRatedOn: addDays(today, -30) })),
      carefulClient: await w.insert('clients', client(b.id, '孙', '丽', { riskRating: 'C2', riskRatedOn: addDays(today, -10) })),
      staleClient: await w.insert('clients', client(b.id, '钱', '进', { riskRating: 'C4', riskRatedOn: addDays(today, -400) })),
    }
  })
  await setLocal(LOCAL_KEYS.branchId, branch.branchId)
  await setLocal(LOCAL_KEYS.terminalKind, 'branch')
  return branch
}
