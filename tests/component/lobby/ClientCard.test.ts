import { beforeEach, describe, expect, it } from 'vitest'
import { freshDatabase } from '../../support/db'
import { createSignedInPerson, mountWithApp } from '../../support/mount'
import ClientCard from '@/components/lobby/ClientCard.vue'
import type { Client, Staff } from '@/domain/model/records'

const today = '2026-11-25'

function client(overrides: Partial<Client>): Client {
  return {
    id: '00000000-0000-4000-8000-000000000001', createdAt: 0, updatedAt: 0, deviceId: 'd', hlc: 'h', deleted: 0,
    branchId: '00000000-0000-4000-8000-000000000002', surname: '王', givenName: '建国', addressAs: null, gender: 'M', phone: '13812341234',
    idType: 'resident', idNumber: '11010519491231002X', cardTails: [], birthday: '1980-03-04', birthdayMonthDay: '03-04', segment: 'mass', occupation: '',
    savingsFen: 0, totalAssetsFen: 0, vipTier: null, vipDesignation: null, riskRating: null, riskRatedOn: null, tags: [], marketingConsent: 0, clientSince: '2010-01-01', searchKeys: [],
    ...overrides,
  } as Client
}

let person: Staff
async function mountCard(c: Client) {
  return (await mountWithApp(ClientCard, { staff: person, props: { client: c, today } })).wrapper
}

describe('the greeting card', () => {
  beforeEach(async () => {
    await freshDatabase()
    person = await createSignedInPerson(['lobby_manager'], null)
  })

  it('greets by surname and honorific, a compound surname whole, with the ordinary script', async () => {
    const card = await mountCard(client({ surname: '欧阳', givenName: '明轩', gender: 'M' }))
    expect(card.get('[data-testid="client-greeting"]').text()).toBe('欧阳先生')
    expect(card.get('[data-testid="client-script"]').text()).toContain('欧阳先生，您好！欢迎光临')
    expect(card.find('[data-testid="client-vip"]').exists()).toBe(false)
    expect(card.find('[data-testid="client-birthday"]').exists()).toBe(false)
  })

  it('uses the preferred form of address, and 女士 for a woman', async () => {
    expect((await mountCard(client({ addressAs: '王总' }))).get('[data-testid="client-greeting"]').text()).toBe('王总')
    expect((await mountCard(client({ surname: '李', givenName: '芳', gender: 'F' }))).get('[data-testid="client-greeting"]').text()).toBe('李女士')
  })

  it('shows the VIP badge with its tier, the segment and the VIP script', async () => {
    const card = await mountCard(client({ vipTier: 'platinum', segment: 'high', savingsFen: 60_000_000, totalAssetsFen: 60_000_000 }))
    expect(card.get('[data-testid="client-vip"]').text()).toContain('白金贵宾')
    expect(card.get('[data-testid="client-segment"]').text()).toBe('高端客户')
    expect(card.get('[data-testid="client-script"]').text()).toContain('理财室')
  })

  it('flags a birthday today and wishes a happy birthday', async () => {
    const card = await mountCard(client({ birthday: '1950-11-25', birthdayMonthDay: '11-25' }))
    expect(card.get('[data-testid="client-birthday"]').text()).toContain('今天生日')
    expect(card.get('[data-testid="client-script"]').text()).toContain('生日快乐')
    expect(card.get('[data-testid="client-age"]').text()).toContain('76')
  })

  it('masks the phone and the ID number', async () => {
    const card = await mountCard(client({}))
    expect(card.get('[data-testid="masked-phone"]').text()).toBe('138****1234')
    expect(card.get('[data-testid="masked-idNumber"]').text()).toBe('110105**********2X')
    expect(card.text()).not.toContain('13812341234')
  })

  it('says when the risk rating has expired or runs out within 30 days', async () => {
    expect((await mountCard(client({ riskRating: 'C3', riskRatedOn: '2025-06-01' }))).get('[data-testid="client-risk"]').text()).toContain('已于 2026-06-01 过期')
    expect((await mountCard(client({ riskRating: 'C3', riskRatedOn: '2025-12-10' }))).get('[data-testid="client-risk"]').text()).toContain('还有 15 天')
    expect((await mountCard(client({ riskRating: 'C2', riskRatedOn: '2026-05-01' }))).get('[data-testid="client-risk"]').text()).toContain('有效至 2027-05-01')
  })
})
