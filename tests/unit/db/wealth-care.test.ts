import { beforeEach, describe, expect, it, vi } from 'vitest'
import { freshDatabase } from '../../support/db'
import { database } from '@/db/connection'
import { LOCAL_KEYS, setLocal } from '@/db/local'
import { setActor, setClock, writeRecords } from '@/db/write'
import { diaryPage, logContact } from '@/db/repositories/wealth/contacts'
import { clientsDueBy, dueList, recomputeCare } from '@/db/repositories/wealth/care'
import { acknowledgeAlert, branchAlerts, raiseNoContactAlerts } from '@/db/repositories/wealth/alerts'
import { UNCARED_FOR } from '@/domain/clients/care'
import { DEFAULT_WEALTH_RULES, type WealthRules } from '@/domain/wealth/rules'
import { startOfBusinessDate } from '@/domain/time'
import type { Client, Staff } from '@/domain/model/records'
import type { NewRecord } from '@/domain/model/base'

const ZONE = 'Asia/Shanghai'
const TODAY = '2026-11-25'
const RULES: WealthRules = { ...DEFAULT_WEALTH_RULES, holidays: [] }
const noon = (date: string) => startOfBusinessDate(date, ZONE) + 12 * 3_600_000

interface Seeded {
  branchId: string
  wang: Staff
  feng: Staff
  /** Diamond, birthday on 27 November, last contacted 1 October (monthly: overdue since 1 November). */
  chen: Client
  /** Gold, contacted last week: nothing due. */
  liu: Client
}

function client(branchId: string, more: Partial<NewRecord<Client>>): NewRecord<Client> {
  return {
    branchId, surname: '陈', givenName: '静', addressAs: null, gender: 'F', phone: null, idType: null, idNumber: null, cardTails: [], birthday: null, birthdayMonthDay: null, segment: 'high', occupation: '',
    savingsFen: 300_000_000, totalAssetsFen: 300_000_000, vipTier: 'diamond', vipDesignation: null, riskRating: null, riskRatedOn: null, tags: [], marketingConsent: 1, clientSince: '2015-01-01', searchKeys: [], ...UNCARED_FOR, ...more,
  }
}

async function seed(): Promise<Seeded> {
  const seeded = await writeRecords(['branches', 'staff', 'clients'], async (w) => {
    const b = await w.insert('branches', { code: 'BJ001', name: '城东支行', group: 'backbone', regionCode: 'BJ', regionName: '滨江分行', address: '', phone: '' })
    const staff = (staffNo: string, surname: string, givenName: string) => w.insert('staff', { branchId: b.id, staffNo, surname, givenName, roles: ['wealth_manager'], pin: null, failedPinAttempts: 0, lockedUntil: null, active: 1 })
    const wang = await staff('9009', '王', '芳')
    const feng = await staff('9010', '冯', '涛')
    const chen = await w.insert('clients', client(b.id, { birthday: '1966-11-27', birthdayMonthDay: '11-27', maintainerId: wang.id, lastContactAt: noon('2026-10-01'), nextCareOn: '2026-11-01', channelPrefs: ['wechat'] }))
    const liu = await w.insert('clients', client(b.id, { surname: '刘', givenName: '洋', vipTier: 'gold', maintainerId: wang.id, lastContactAt: noon('2026-11-18'), nextCareOn: '2027-05-18' }))
    return { branchId: b.id, wang, feng, chen, liu }
  })
  await setLocal(LOCAL_KEYS.branchId, seeded.branchId)
  return seeded
}

let s: Seeded
beforeEach(async () => {
  await freshDatabase()
  setActor(null)
  setClock(() => noon(TODAY))
  s = await seed()
})

const contact = (over: Partial<Parameters<typeof logContact>[0]> = {}) => ({
  branchId: s.branchId, clientId: s.chen.id, staffId: s.wang.id, at: noon(TODAY), businessDate: TODAY, channel: 'birthday_wishes' as const, service: 'basic' as const, occasion: 'birthday:2026', note: '祝生日快乐', nextStep: '', ...over,
})

describe('the due list reads the [maintainerId+nextCareOn] index', () => {
  it('lists a manager’s clients due up to a week ahead, with their open items', async () => {
    const { entries: list } = await dueList(s.wang.id, TODAY, ZONE)
    expect(list.map((e) => e.client.id)).toEqual([s.chen.id])
    expect(list[0]!.items.map((i) => i.key)).toEqual(['regular', 'birthday:2026'])
    expect((await dueList(s.feng.id, TODAY, ZONE)).entries).toEqual([])
  })

  it('names the clients whose indexed date no longer matches their open items, and recomputeCare puts them right', async () => {
    // 刘 is indexed as due today, but nothing of theirs is open before next May.
    await writeRecords(['clients'], (w) => w.update('clients', s.liu.id, { nextCareOn: TODAY }))
    await writeRecords(['contacts'], (w) => w.insert('contacts', { ...contact({ clientId: s.liu.id, at: noon('2026-11-18'), businessDate: '2026-11-18', occasion: null }), details: {} }))
    const before = await dueList(s.wang.id, TODAY, ZONE)
    expect(before.stale).toContain(s.liu.id)
    expect(before.entries.map((e) => e.client.id)).not.toContain(s.liu.id)
    await recomputeCare(before.stale, TODAY)
    expect((await dueList(s.wang.id, TODAY, ZONE)).stale).toEqual([])
  })

  it('only clients indexed as due by the date are read', async () => {
    expect((await clientsDueBy(s.wang.id, '2026-12-02')).map((c) => c.id)).toEqual([s.chen.id])
  })
})

describe('logging a contact', () => {
  it('inserts the contact and moves the client’s care on in one write', async () => {
    await logContact(contact(), RULES, TODAY, ZONE)
    const chen = await database().records('clients').get(s.chen.id)
    expect(chen).toMatchObject({ lastContactAt: noon(TODAY), careDone: ['birthday:2026'], nextCareOn: '2026-12-25' }) // next: monthly contact
    expect((await dueList(s.wang.id, TODAY, ZONE)).entries).toEqual([])
    expect((await database().records('auditLog').toArray()).filter((a) => a.action === 'contact.log')).toHaveLength(1)
  })

  it('a failed write leaves neither the contact nor the client changed', async () => {
    await expect(logContact(contact({ clientId: '00000000-0000-4000-8000-000000000000' }), RULES, TODAY, ZONE)).rejects.toThrow()
    expect(await database().records('contacts').count()).toBe(0)
  })

  it('the diary pages a manager’s contacts newest first through the [staffId+at] index', async () => {
    for (let day = 1; day <= 5; day++) await logContact(contact({ at: noon(`2026-11-0${day}`), businessDate: `2026-11-0${day}`, occasion: null, channel: 'phone' }), RULES, TODAY, ZONE)
    await logContact(contact({ staffId: s.feng.id, occasion: null }), RULES, TODAY, ZONE)
    const first = await diaryPage(s.wang.id, Number.MAX_SAFE_INTEGER, 2)
    expect(first.map((c) => c.businessDate)).toEqual(['2026-11-05', '2026-11-04'])
    const next = await diaryPage(s.wang.id, first.at(-1)!.at, 2)
    expect(next.map((c) => c.businessDate)).toEqual(['2026-11-03', '2026-11-02'])
  })
})

describe('recomputing care from the contact log', () => {
  it('rebuilds last contact, settled occasions and the next care date, and says how many changed', async () => {
    await logContact(contact(), RULES, TODAY, ZONE)
    // Someone overwrote the care state: the log still knows.
    await writeRecords(['clients'], (w) => w.update('clients', s.chen.id, { careDone: [], nextCareOn: null, lastContactAt: null }))
    expect(await recomputeCare([s.chen.id, s.liu.id], TODAY)).toBe(2)
    expect(await database().records('clients').get(s.chen.id)).toMatchObject({ lastContactAt: noon(TODAY), careDone: ['birthday:2026'] })
    // 刘 has no contacts in the log: never contacted, counted from joining, so overdue.
    expect((await database().records('clients').get(s.liu.id))?.lastContactAt).toBeNull()
    expect(await recomputeCare([s.chen.id, s.liu.id], TODAY)).toBe(0)
  })

  it('takes holdings into account: a maturity next week puts the client on the list', async () => {
    await writeRecords(['holdings'], (w) => w.insert('holdings', { branchId: s.branchId, clientId: s.liu.id, productCode: 'WM001', amountFen: 50_000_000, purchasedOn: '2026-05-01', maturesOn: '2026-12-01', staffId: s.wang.id }))
    await writeRecords(['contacts'], (w) => w.insert('contacts', { ...contact({ clientId: s.liu.id, at: noon('2026-11-18'), businessDate: '2026-11-18', occasion: null }), details: {} }))
    await recomputeCare([s.liu.id], TODAY)
    const liu = await database().records('clients').get(s.liu.id)
    expect(liu?.nextCareOn).toBe('2026-11-24') // the maturity notice, 7 days before the money may leave
    const { entries: list } = await dueList(s.wang.id, TODAY, ZONE)
    expect(list.find((e) => e.client.id === s.liu.id)?.items.map((i) => i.occasion)).toEqual(['maturity'])
  })
})

describe('no-contact alerts', () => {
  it('raises one alert per silent VIP, and running again raises nothing new', async () => {
    await writeRecords(['clients'], (w) => w.update('clients', s.chen.id, { lastContactAt: noon('2026-09-01') })) // diamond: 1.5 months
    expect(await raiseNoContactAlerts(TODAY, noon(TODAY))).toBe(1)
    expect(await raiseNoContactAlerts(TODAY, noon(TODAY))).toBe(0)
    const [alert] = await branchAlerts(s.branchId, 'open')
    expect(alert).toMatchObject({ kind: 'no_contact', clientId: s.chen.id, key: `no_contact:${s.chen.id}:2026-09-01`, status: 'open' })
  })

  it('is acknowledged with an action, and stays in the history', async () => {
    await writeRecords(['clients'], (w) => w.update('clients', s.chen.id, { lastContactAt: noon('2026-09-01') }))
    await raiseNoContactAlerts(TODAY, noon(TODAY))
    const [alert] = await branchAlerts(s.branchId, 'open')
    await acknowledgeAlert(alert!.id, 'called_client', '客户出差，下周回来面谈', s.wang.id, noon(TODAY))
    expect(await branchAlerts(s.branchId, 'open')).toEqual([])
    const [done] = await branchAlerts(s.branchId, 'acknowledged')
    expect(done).toMatchObject({ action: 'called_client', acknowledgedBy: s.wang.id, facts: expect.objectContaining({ ackNote: '客户出差，下周回来面谈' }) })
  })
})

describe('the due list is live', () => {
  it('a query on it runs again when a contact takes the client off', async () => {
    const { observe } = await import('@/db/live')
    const seen: number[] = []
    observe(() => dueList(s.wang.id, TODAY, ZONE).then((r) => r.entries.length), (n) => seen.push(n), console.error)
    await vi.waitFor(() => expect(seen).toEqual([1]))
    await logContact(contact(), RULES, TODAY, ZONE)
    await vi.waitFor(() => expect(seen).toEqual([1, 0]))
  })
})
