import { UNCARED_FOR } from '@/domain/clients/care'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { freshDatabase } from '../../support/db'
import { mountWithApp } from '../../support/mount'
import BirthdaysTile from '@/components/tiles/BirthdaysTile.vue'
import { writeRecords } from '@/db/write'
import { database } from '@/db/connection'
import { LOCAL_KEYS, setLocal } from '@/db/local'
import { businessDate, DEFAULT_TIME_ZONE } from '@/domain/time'
import type { Client } from '@/domain/model/records'
import type { NewRecord } from '@/domain/model/base'

const today = businessDate(Date.now(), DEFAULT_TIME_ZONE)

async function seedBranchWithBirthdayClient(): Promise<string> {
  return writeRecords(['branches', 'clients'], async (w) => {
    const branch = await w.insert('branches', { code: 'BJ001', name: '城东支行', group: 'backbone', regionCode: 'BJ', regionName: '滨江分行', address: '', phone: '' })
    const client: NewRecord<Client> = {
      branchId: branch.id, surname: '欧阳', givenName: '明轩', addressAs: null, gender: 'M', phone: '13512346500', idType: null, idNumber: null, cardTails: [],
      birthday: `1970-${today.slice(5)}`, birthdayMonthDay: today.slice(5), segment: 'high', occupation: '', savingsFen: 20_000_000, totalAssetsFen: 20_000_000,
      vipTier: 'gold', vipDesignation: null, riskRating: null, riskRatedOn: null, tags: [], marketingConsent: 1, clientSince: '2010-01-01', searchKeys: [], ...UNCARED_FOR,
    }
    const saved = await w.insert('clients', client)
    await setLocal(LOCAL_KEYS.branchId, branch.id)
    await setLocal(LOCAL_KEYS.terminalKind, 'branch')
    return saved.id
  })
}

describe('the birthdays tile', () => {
  let clientId: string
  beforeEach(async () => {
    await freshDatabase()
    clientId = await seedBranchWithBirthdayClient()
  })

  it('greets a compound-surname client by surname and honorific, flags today and the VIP tier, and masks the phone', async () => {
    const { wrapper } = await mountWithApp(BirthdaysTile, { roles: ['lobby_manager'] })
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="birthday-${clientId}"]`).exists()).toBe(true)) // live query
    const row = wrapper.get(`[data-testid="birthday-${clientId}"]`)
    expect(row.text()).toContain('欧阳先生')
    expect(row.text()).toContain('今天生日')
    expect(row.text()).toContain('金卡贵宾')
    expect(row.get('[data-testid="masked-phone"]').text()).toBe('135****6500')
  })

  it('revealing the phone shows it in full and writes who did it to the audit log', async () => {
    const { wrapper } = await mountWithApp(BirthdaysTile, { roles: ['lobby_manager'] })
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="birthday-${clientId}"]`).exists()).toBe(true)) // live query
    await wrapper.get(`[data-testid="birthday-${clientId}"] button`).trigger('click')
    await vi.waitFor(() => expect(wrapper.get('[data-testid="masked-phone"]').text()).toBe('13512346500'))
    const entries = await database().records('auditLog').where('[entity+entityId]').equals(['clients', clientId]).toArray()
    expect(entries.map((e) => e.action)).toEqual(['reveal.phone'])
    expect(entries[0]?.actorId).not.toBeNull()
  })

  it('a role that may not reveal personal data gets no eye button', async () => {
    const { wrapper } = await mountWithApp(BirthdaysTile, { roles: ['inspector'] })
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="birthday-${clientId}"]`).exists()).toBe(true))
    expect(wrapper.find(`[data-testid="birthday-${clientId}"] button`).exists()).toBe(false)
  })
})
