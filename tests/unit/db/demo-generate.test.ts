import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { DEMO_ACCOUNTS, DEMO_CLIENT_COUNT, DEMO_TABLES, generateDemoBranch } from '@/db/demo/generate'
import { validateIdNumber } from '@/domain/clients/identity'
import { COMPOUND_SURNAMES } from '@/domain/clients/names'
import { clientSearchKeys } from '@/domain/clients/searchKeys'
import { VIP_SAVINGS_THRESHOLD_FEN, vipTierFor } from '@/domain/clients/vip'
import { RECORD_SCHEMAS } from '@/domain/model/records'
import { addDays, ageOn, birthdayInWeek, birthdayOn, daysBetween } from '@/domain/time'

const TODAY = '2026-11-25'
const ZONE = 'Asia/Shanghai'
const demo = generateDemoBranch(TODAY, ZONE)
const { branches, staff, clients, servicePoints } = demo.records
const own = branches.find((branch) => branch.id === demo.ownBranchId)!
const share = (count: number) => count / clients.length

describe('the demo branch generator', () => {
  it('makes records that validate against their table schemas once stamped', () => {
    const stamp = { createdAt: 0, updatedAt: 0, deviceId: 'test-device', hlc: '0000000000000-0000-test-device', deleted: 0 }
    for (const table of DEMO_TABLES) {
      for (const input of demo.records[table]) {
        const result = v.safeParse(RECORD_SCHEMAS[table], { ...input, ...stamp })
        expect(result.success, `${table} ${input.id}: ${JSON.stringify(result.issues?.[0]?.message)}`).toBe(true)
      }
    }
  })

  it('marks every record as demo and gives each a unique version-4 UUID', () => {
    const all: { id?: string; demo?: 0 | 1 }[] = DEMO_TABLES.flatMap((table): { id?: string; demo?: 0 | 1 }[] => demo.records[table])
    for (const record of all) {
      expect(record.demo).toBe(1)
      expect(record.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    }
    expect(new Set(all.map((record) => record.id)).size).toBe(all.length)
  })

  it('gives the same output for the same seed and day', () => {
    expect(generateDemoBranch(TODAY, ZONE)).toEqual(demo)
    expect(generateDemoBranch(TODAY, ZONE, 7).records.clients[0]).not.toEqual(clients[0])
  })

  it('shifts the dates with the day it is generated for, and keeps the people', () => {
    const weekLater = generateDemoBranch(addDays(TODAY, 7), ZONE)
    weekLater.records.clients.forEach((later, i) => {
      const now = clients[i]!
      expect(later.id).toBe(now.id)
      expect(later.givenName).toBe(now.givenName)
      if (now.riskRatedOn) expect(daysBetween(now.riskRatedOn, later.riskRatedOn!)).toBe(7)
      if (now.vipDesignation) expect(daysBetween(now.vipDesignation.until, later.vipDesignation!.until)).toBe(7)
      // 29 February in a birth year can move a birthday by one day more or less.
      expect(Math.abs(daysBetween(now.birthday!, later.birthday!) - 7)).toBeLessThanOrEqual(1)
    })
  })

  it('refuses a malformed day or an unknown time zone', () => {
    expect(() => generateDemoBranch('25/11/2026', ZONE)).toThrow()
    expect(() => generateDemoBranch(TODAY, 'Mars/Olympus')).toThrow()
  })
})

describe('the demo region and branch', () => {
  it('is 城东支行 (BJ001, backbone) of 滨江分行 with about 60 other outlets in all four groups', () => {
    expect(own).toMatchObject({ code: 'BJ001', name: '城东支行', group: 'backbone', regionCode: 'BJ', regionName: '滨江分行' })
    expect(branches.length - 1).toBeGreaterThanOrEqual(55)
    expect(branches.length - 1).toBeLessThanOrEqual(65)
    expect(new Set(branches.map((branch) => branch.code)).size).toBe(branches.length)
    const groups = new Map<string, number>()
    for (const branch of branches) groups.set(branch.group, (groups.get(branch.group) ?? 0) + 1)
    expect([...groups.keys()].sort()).toEqual(['advancing', 'backbone', 'flagship', 'potential'])
    expect(groups.get('flagship')!).toBeLessThan(groups.get('backbone')!)
    for (const branch of branches) {
      expect(branch.address).not.toBe('')
      expect(branch.phone).not.toBe('')
    }
  })

  it('has high counters 1–4, low counters 5–6, two wealth rooms, self-service, two manager desks and a corporate desk', () => {
    const byKind = (kind: string) => servicePoints.filter((point) => point.kind === kind).map((point) => point.number)
    expect(byKind('high_counter')).toEqual([1, 2, 3, 4])
    expect(byKind('low_counter')).toEqual([5, 6])
    expect(byKind('wealth_room')).toEqual([1, 2])
    expect(byKind('self_service')).toEqual([1])
    expect(byKind('manager_desk')).toEqual([1, 2])
    expect(byKind('corporate_desk')).toEqual([1])
    expect(servicePoints.every((point) => point.branchId === own.id)).toBe(true)
  })

  it('has the demo accounts at 城东支行, inspectors as region staff, with their PINs to hash', () => {
    for (const account of DEMO_ACCOUNTS) {
      const person = staff.find((s) => s.staffNo === account.staffNo)!
      expect(person.surname + person.givenName).toBe(account.name)
      expect(person.roles).toEqual(account.roles)
      expect(person.branchId).toBe(account.regionStaff ? null : own.id)
      expect(demo.pins).toContainEqual({ staffId: person.id, pin: account.pin })
    }
    expect(staff.find((s) => s.staffNo === '9008')).toMatchObject({ surname: '欧阳', givenName: '磊', roles: ['customer_manager', 'low_counter'] })
    expect(demo.pins).toHaveLength(DEMO_ACCOUNTS.length)
  })

  it('staffs every other outlet with 6–12 people, one head each, no PINs, unique staff numbers region-wide', () => {
    expect(new Set(staff.map((s) => s.staffNo)).size).toBe(staff.length)
    for (const outlet of branches.filter((branch) => branch.id !== own.id)) {
      const people = staff.filter((s) => s.branchId === outlet.id)
      expect(people.length).toBeGreaterThanOrEqual(6)
      expect(people.length).toBeLessThanOrEqual(12)
      expect(people.filter((s) => s.roles.includes('branch_head'))).toHaveLength(1)
      for (const person of people) {
        expect(person.pin).toBeNull()
        expect(person.staffNo).toMatch(/^\d{5}$/)
      }
    }
  })

  it('starts the catalogue, bundles, inspection template and branch settings', () => {
    expect(demo.records.products.length).toBeGreaterThan(10)
    expect(demo.records.bundleRules).toHaveLength(3)
    expect(demo.records.inspectionTemplates).toHaveLength(1)
    expect(Object.fromEntries(demo.records.settings.map((setting) => [setting.key, setting.value]))).toEqual({ idleLockMinutes: 3, defaultLocale: 'zh-CN', timeZone: ZONE })
  })
})

describe('the demo clients', () => {
  it('are 2,000 clients of 城东支行', () => {
    expect(clients).toHaveLength(DEMO_CLIENT_COUNT)
    expect(clients.every((client) => client.branchId === own.id)).toBe(true)
  })

  it('about 5% are VIPs by savings, across all four tiers', () => {
    const savingsVips = clients.filter((client) => client.savingsFen >= VIP_SAVINGS_THRESHOLD_FEN)
    expect(share(savingsVips.length)).toBeGreaterThan(0.04)
    expect(share(savingsVips.length)).toBeLessThan(0.07)
    expect(new Set(savingsVips.map((client) => client.vipTier))).toEqual(new Set(['gold', 'platinum', 'diamond', 'private']))
  })

  it('include savings of exactly 100,000.00 yuan (VIP) and of 99,999.99 (not)', () => {
    const exact = clients.filter((client) => client.savingsFen === 10_000_000)
    const below = clients.filter((client) => client.savingsFen === 9_999_999)
    expect(exact.length).toBeGreaterThanOrEqual(2)
    expect(below.length).toBeGreaterThanOrEqual(2)
    expect(exact.every((client) => client.vipTier !== null)).toBe(true)
    expect(below.every((client) => client.vipTier === null)).toBe(true)
  })

  it('a dozen are designated supporting clients approved by the branch head, one designation lapsed', () => {
    const head = staff.find((s) => s.staffNo === '9001')!
    const designated = clients.filter((client) => client.vipDesignation !== null)
    expect(designated).toHaveLength(12)
    expect(designated.every((client) => client.vipDesignation!.approvedBy === head.id)).toBe(true)
    const lapsed = designated.filter((client) => client.vipDesignation!.until < TODAY)
    expect(lapsed).toHaveLength(1)
    expect(lapsed[0]!.vipTier).toBeNull()
    expect(designated.filter((client) => client.vipDesignation!.until >= TODAY).every((client) => client.vipTier !== null)).toBe(true)
  })

  it('carry the tier and search keys the rules compute', () => {
    for (const client of clients) {
      expect(client.vipTier).toBe(vipTierFor(client, TODAY))
      expect(client.searchKeys).toEqual(clientSearchKeys(client))
      expect(client.birthdayMonthDay).toBe(client.birthday!.slice(5))
      expect(client.totalAssetsFen).toBeGreaterThanOrEqual(client.savingsFen)
    }
  })

  it('include 8–12 birthdays this week, VIPs among them and one today', () => {
    const thisWeek = clients.filter((client) => birthdayInWeek(client.birthday!, TODAY))
    expect(thisWeek.length).toBeGreaterThanOrEqual(8)
    expect(thisWeek.length).toBeLessThanOrEqual(12)
    expect(thisWeek.filter((client) => client.vipTier !== null).length).toBeGreaterThanOrEqual(2)
    expect(thisWeek.some((client) => birthdayOn(client.birthday!, TODAY))).toBe(true)
  })

  it('are 18 to 90, about 15% aged 65 or more', () => {
    const ages = clients.map((client) => ageOn(client.birthday!, TODAY))
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(18)
    expect(Math.max(...ages)).toBeLessThanOrEqual(90)
    expect(share(ages.filter((age) => age >= 65).length)).toBeGreaterThan(0.12)
    expect(share(ages.filter((age) => age >= 65).length)).toBeLessThan(0.18)
  })

  it('include compound surnames, about 3%', () => {
    const compound = clients.filter((client) => COMPOUND_SURNAMES.includes(client.surname))
    expect(share(compound.length)).toBeGreaterThan(0.015)
    expect(share(compound.length)).toBeLessThan(0.05)
  })

  it('about 10% have a preferred form of address built on their surname', () => {
    const addressed = clients.filter((client) => client.addressAs !== null)
    expect(share(addressed.length)).toBeGreaterThan(0.07)
    expect(share(addressed.length)).toBeLessThan(0.13)
    for (const client of addressed) expect(client.addressAs!.startsWith(client.surname)).toBe(true)
    expect(addressed.some((client) => client.addressAs === `${client.surname}总` && client.occupation === '企业主')).toBe(true)
    expect(addressed.some((client) => client.addressAs === `${client.surname}老师` && client.occupation === '教师')).toBe(true)
  })

  it('have unique 11-digit mobile numbers', () => {
    const phones = clients.map((client) => client.phone!)
    expect(phones.every((phone) => /^1\d{10}$/.test(phone))).toBe(true)
    expect(new Set(phones).size).toBe(phones.length)
  })

  it('mostly hold resident IDs that validate and agree with birthday and sex; a few hold other documents', () => {
    const residents = clients.filter((client) => client.idType === 'resident')
    expect(share(residents.length)).toBeGreaterThan(0.9)
    for (const client of residents) {
      const result = validateIdNumber('resident', client.idNumber!, TODAY)
      expect(result).toEqual({ ok: true, normalised: client.idNumber, birthDate: client.birthday, gender: client.gender })
    }
    for (const client of clients.filter((c) => c.idType !== null && c.idType !== 'resident')) {
      expect(validateIdNumber(client.idType!, client.idNumber!, TODAY).ok).toBe(true)
    }
    expect(clients.some((client) => client.idType === 'passport')).toBe(true)
    expect(clients.some((client) => client.idType === 'hk_macao_permit')).toBe(true)
  })

  it('are mostly mass clients, some mid and a few high', () => {
    const segmentShare = (segment: string) => share(clients.filter((client) => client.segment === segment).length)
    expect(segmentShare('mass')).toBeCloseTo(0.75, 1)
    expect(segmentShare('mid')).toBeCloseTo(0.18, 1)
    expect(segmentShare('high')).toBeGreaterThan(0.04)
    expect(segmentShare('high')).toBeLessThan(0.1)
  })

  it('have risk ratings from the past 18 months, some of them over a year old', () => {
    const rated = clients.filter((client) => client.riskRating !== null)
    expect(rated.every((client) => client.riskRatedOn! <= TODAY && daysBetween(client.riskRatedOn!, TODAY) <= 548)).toBe(true)
    expect(rated.some((client) => daysBetween(client.riskRatedOn!, TODAY) > 365)).toBe(true)
    expect(clients.filter((client) => client.riskRating === null).every((client) => client.riskRatedOn === null)).toBe(true)
  })

  it('joined within the past 15 years, as adults', () => {
    for (const client of clients) {
      expect(client.clientSince <= TODAY).toBe(true)
      expect(daysBetween(client.clientSince, TODAY)).toBeLessThanOrEqual(15 * 366)
      expect(ageOn(client.birthday!, client.clientSince)).toBeGreaterThanOrEqual(18)
    }
  })

  it('carry tags and mostly consent to marketing', () => {
    const tags = new Set(clients.flatMap((client) => client.tags))
    for (const tag of ['代发工资', '商户', '退休', '教师']) expect(tags.has(tag), tag).toBe(true)
    expect(share(clients.filter((client) => client.marketingConsent === 1).length)).toBeGreaterThan(0.8)
  })
})
