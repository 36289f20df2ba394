/**
 * The demo branch's care between visits: a year of work-diary contacts for every maintained VIP by
 * their maintainer (most on cadence, some overdue, a few silent long enough for a no-contact alert),
 * festival and birthday greetings and after-sale follow-ups that settled their occasions, wealth
 * products held (maturities in the coming weeks, recent purchases waiting for their follow-up), at
 * least one VIP whose birthday falls this week, today's no-contact alerts, and the clients' care state (last contact,
 * occasions done, next care date) exactly as recomputeCare would rebuild it from the log. Pure and
 * deterministic: the same input gives the same records, each `demo: 1`.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'
import { Dice } from './dice'
import type { DemoClient, DemoProduct, DemoStaff, HistoryInput, SeededRecord } from './generate'
import type { ContactChannel } from '@/domain/model/records'
import { addMonths, birthdayIn, nextCareOn, openCareItems } from '@/domain/wealth/cadence'
import { careFromContacts, serviceLevelOf } from '@/domain/wealth/diary'
import { holidayDate } from '@/domain/wealth/holidays'
import { noContactAlert } from '@/domain/wealth/noContact'
import { DEFAULT_WEALTH_RULES } from '@/domain/wealth/rules'
import { addDays, birthdayOn, daysBetween, startOfBusinessDate, type BusinessDate } from '@/domain/time'

export const CARE_TABLES = ['contacts', 'holdings', 'wealthAlerts'] as const
export type CareTable = (typeof CARE_TABLES)[number]
export type CareRecord<K extends CareTable> = SeededRecord<K>

export interface CareHistoryInput extends HistoryInput {
  clients: readonly DemoClient[]
  staff: readonly DemoStaff[]
  products: readonly DemoProduct[]
}

export interface CareHistory {
  clients: DemoClient[]
  contacts: CareRecord<'contacts'>[]
  holdings: CareRecord<'holdings'>[]
  wealthAlerts: CareRecord<'wealthAlerts'>[]
}

/** How far back the diary goes. */
export const DIARY_DAYS = 365

const DEMO = 1 as const
/** 王芳, the wealth manager the demo signs in as. */
const DEMO_WEALTH_MANAGER_NO = '9009'
const rules = DEFAULT_WEALTH_RULES

/** How each maintained VIP has been looked after: most on cadence, some behind, a few silent far too long. */
type Keeping = 'on_cadence' | 'behind' | 'silent'
const KEEPING_WEIGHTS: readonly (readonly [Keeping, number])[] = [
  ['on_cadence', 78],
  ['behind', 16],
  ['silent', 6],
]

/** The channels of an ordinary contact, by weight. */
const ORDINARY_CHANNELS: readonly (readonly [ContactChannel, number])[] = [
  ['phone', 45],
  ['sms', 15],
  ['visit', 20],
  ['home_visit', 4],
  ['wealth_diagnosis', 8],
  ['event', 4],
  ['satisfaction_survey', 4],
]

const NOTES: Readonly<Partial<Record<ContactChannel, readonly string[]>>> = {
  phone: ['电话问候，客户近况良好，关注存款利率走势', '电话沟通理财产品到期安排，客户倾向续购稳健型产品', '电话回访，客户对上次服务满意', '客户咨询大额存单额度，已说明本期额度与利率'],
  sms: ['发送本月理财产品信息，客户回复知悉', '微信发送市场简报，客户表示感兴趣'],
  visit: ['客户来行面谈，做了资产配置建议', '来行办理业务时在理财室交流，了解子女教育金需求', '面谈讨论养老规划，客户希望保本为主'],
  home_visit: ['上门拜访，了解家庭资产情况，建议适当分散配置', '上门送达产品说明书并解答疑问'],
  wealth_diagnosis: ['完成年度财富诊断，风险偏好稳健，建议增配债券基金', '财富诊断：现金类占比偏高，建议配置部分中短期理财'],
  event: ['参加网点理财沙龙，客户对养老金融话题感兴趣', '邀请参加客户答谢会，客户携家人出席'],
  satisfaction_survey: ['满意度回访：非常满意', '满意度回访：满意，建议缩短等候时间'],
  birthday_wishes: ['电话送上生日祝福，客户很高兴', '寄送生日贺卡并短信祝福'],
  holiday_greeting: ['节日短信问候', '节前电话问候并告知节日营业时间'],
  after_sale: ['售后回访：客户已收到产品确认，了解收益计算方式', '售后回访：解答赎回规则，客户满意'],
}
const NEXT_STEPS = ['', '', '', '下周电话跟进', '产品到期前提醒续购', '约下月来行面谈', '寄送产品资料']

/** Wealth products of the catalogue and their terms in days. */
const TERMS_DAYS = [91, 182, 365] as const

interface Draft {
  date: BusinessDate
  channel: ContactChannel
  occasion: string | null
}

export function generateCareHistory(input: CareHistoryInput): CareHistory {
  const base = xoroshiro128plus(input.seed ^ 0xca7e)
  const ids = new Dice(base.clone())
  base.jump()
  const dice = new Dice(base)
  const { today, zone } = input
  const from = addDays(today, -DIARY_DAYS)
  const yesterday = addDays(today, -1)
  const managers = new Set(input.staff.map((s) => s.id))
  const wealthProducts = input.products.filter((p) => p.category === 'wealth' || p.category === 'fund')

  const contacts: CareRecord<'contacts'>[] = []
  const holdings: CareRecord<'holdings'>[] = []
  const wealthAlerts: CareRecord<'wealthAlerts'>[] = []

  const maintained = input.clients.filter((c) => c.branchId === input.branchId && c.vipTier !== null && c.maintainerId !== null && managers.has(c.maintainerId))
  const birthdayThisWeek = withBirthdayThisWeek(maintained, input.staff, today)

  const clients = input.clients.map((original) => {
    if (!maintained.includes(original)) return original
    const client = original.id === birthdayThisWeek?.id ? birthdayThisWeek : original
    const staffId = client.maintainerId!
    const months = rules.contactEveryMonths[client.vipTier!]
    const keeping = dice.weightedByShare(KEEPING_WEIGHTS)

    // The last contact: within the interval when on cadence, past it (short of the alert line) when behind, past the alert line when silent.
    const interval = daysBetween(addMonths(today, -months), today)
    const lastOn =
      keeping === 'on_cadence'
        ? addDays(today, -dice.int(1, Math.max(1, interval - 3)))
        : keeping === 'behind'
          ? addDays(today, -(interval + dice.int(2, Math.max(3, Math.floor(interval * (rules.alertNoContactFactor - 1)) - 2))))
          : addDays(today, -Math.ceil(interval * rules.alertNoContactFactor) - dice.int(5, 40))

    const own = holdingsFor(client.id, staffId)
    holdings.push(...own)

    const drafts: Draft[] = []
    for (let date = lastOn; date >= from; date = addDays(date, -Math.max(7, interval - dice.int(0, Math.floor(interval / 4))))) {
      drafts.push({ date, channel: dice.weightedByShare(ORDINARY_CHANNELS), occasion: null })
    }
    // Greetings and follow-ups that settled their occasions, up to the last contact.
    const year = Number(today.slice(0, 4))
    for (const y of [year - 1, year]) {
      for (const holiday of rules.holidays) {
        const day = addDays(holidayDate(holiday, y), -dice.int(0, 2))
        if (day >= from && day <= lastOn && dice.chance(0.7)) drafts.push({ date: day, channel: 'holiday_greeting', occasion: `holiday:${holiday}:${y}` })
      }
      if (client.birthday && dice.chance(0.85)) {
        const day = birthdayIn(client.birthday, y)
        if (day >= from && day <= lastOn) drafts.push({ date: day, channel: 'birthday_wishes', occasion: `birthday:${y}` })
      }
    }
    for (const h of own) {
      const day = addDays(h.purchasedOn, rules.afterSaleDays + dice.int(0, 2))
      if (day >= from && day <= lastOn && dice.chance(0.85)) drafts.push({ date: day, channel: 'after_sale', occasion: `after_sale:${h.id}` })
    }

    const mine = drafts.filter((d) => d.date <= yesterday).map((d) => contactRecord(client.id, staffId, d))
    contacts.push(...mine)
    const state = careFromContacts(mine)
    const cared = { ...client, ...state }
    const next = nextCareOn(openCareItems({ client: cared, holdings: own, rules, today, zone }))
    return { ...cared, nextCareOn: next }
  })

  // Today's no-contact sweep, already run: every VIP of the branch silent too long, maintained or not yet.
  for (const client of clients) {
    const alert = client.branchId === input.branchId ? noContactAlert(client, rules, today, zone) : null
    if (!alert) continue
    wealthAlerts.push({
      id: ids.uuid(), demo: DEMO, branchId: input.branchId, clientId: client.id, kind: 'no_contact', key: alert.key, raisedAt: input.nowMs, businessDate: today, facts: alert.facts,
      status: 'open', action: '', acknowledgedBy: null, acknowledgedAt: null,
    })
  }

  return { clients, contacts, holdings, wealthAlerts }

  function contactRecord(clientId: string, staffId: string, d: Draft): CareRecord<'contacts'> {
    const at = startOfBusinessDate(d.date, zone) + (9 * 60 + dice.int(0, 8 * 60)) * 60_000
    const notes = NOTES[d.channel] ?? NOTES.phone!
    return {
      id: ids.uuid(), demo: DEMO, branchId: input.branchId, clientId, staffId, at, businessDate: d.date, channel: d.channel, service: serviceLevelOf(d.channel), occasion: d.occasion,
      note: dice.pick(notes), nextStep: dice.pick(NEXT_STEPS), details: {},
    }
  }

  /** A third of VIPs hold a product or two: some bought in the last days (after-sale due), some maturing in the coming weeks. */
  function holdingsFor(clientId: string, staffId: string): CareRecord<'holdings'>[] {
    if (wealthProducts.length === 0 || !dice.chance(0.35)) return []
    const count = dice.int(1, 2)
    const made: CareRecord<'holdings'>[] = []
    for (let i = 0; i < count; i++) {
      const product = dice.pick(wealthProducts)
      const shape = dice.weightedByShare([['recent', 1], ['maturing', 2], ['running', 4]] as const)
      const term = dice.pick(TERMS_DAYS)
      const purchasedOn = shape === 'recent' ? addDays(today, -dice.int(1, 6)) : shape === 'maturing' ? addDays(today, dice.int(1, 28) - term) : addDays(today, -dice.int(20, term - 30))
      made.push({
        id: ids.uuid(), demo: DEMO, branchId: input.branchId, clientId, staffId, productCode: product.code, amountFen: dice.int(5, 200) * 1_000_000, purchasedOn,
        maturesOn: product.category === 'wealth' ? addDays(purchasedOn, term) : null,
      })
    }
    return made
  }
}

/**
 * The VIP whose birthday greeting the demo shows as due this week: a maintained VIP (王芳's first,
 * the demo's wealth manager) with a birthday in the next six days if there is one, else the first
 * such VIP with their birthday moved to the day after tomorrow.
 */
function withBirthdayThisWeek(maintained: readonly DemoClient[], staff: readonly DemoStaff[], today: BusinessDate): DemoClient | null {
  const wang = staff.find((s) => s.staffNo === DEMO_WEALTH_MANAGER_NO)?.id
  const ordered = [...maintained.filter((c) => c.maintainerId === wang), ...maintained.filter((c) => c.maintainerId !== wang)]
  const soon = Array.from({ length: 6 }, (_, i) => addDays(today, i + 1))
  const upcoming = ordered.find((c) => c.birthday && soon.some((day) => birthdayOn(c.birthday!, day)))
  if (upcoming) return upcoming
  const first = ordered[0]
  if (!first) return null
  const monthDay = addDays(today, 2).slice(5)
  // 29 February needs a leap birth year.
  const birthday = monthDay === '02-29' ? '1976-02-29' : `${(first.birthday ?? '1975-01-01').slice(0, 4)}-${monthDay}`
  return { ...first, birthday, birthdayMonthDay: monthDay }
}
