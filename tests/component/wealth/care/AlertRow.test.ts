import { describe, expect, it } from 'vitest'
import { freshDatabase } from '../../../support/db'
import { mountWithApp } from '../../../support/mount'
import AlertRow from '@/components/wealth/care/AlertRow.vue'
import type { WealthAlert } from '@/domain/model/records'

const raised = { id: '0f8fad5b-d9cb-469f-a165-70867728950e', createdAt: 0, updatedAt: 0, deviceId: 'd', hlc: '0000000000000-0000-d', deleted: 0 as const, branchId: '5a9d3e1c-2b4f-4c6d-8e7f-9a0b1c2d3e4f', clientId: '6f1c2a56-8a8f-4b43-9c55-1b2a3c4d5e6f', key: 'k', raisedAt: 0, businessDate: '2026-11-25', status: 'open' as const, action: '', acknowledgedBy: null, acknowledgedAt: null }
const balances = { asOf: '2026-11-25', savingsBeforeFen: 50_000_000, savingsAfterFen: 9_000_000, assetsBeforeFen: 80_000_000, assetsAfterFen: 30_000_000 }

async function factsOf(alert: Pick<WealthAlert, 'kind' | 'facts'>): Promise<string> {
  await freshDatabase()
  const { wrapper } = await mountWithApp(AlertRow, { roles: ['wealth_manager'], props: { entry: { alert: { ...raised, ...alert }, client: null }, names: new Map(), showMaintainer: false } })
  return wrapper.get('[data-testid="alert-facts"]').text()
}

describe('an alert row says what lies behind a balance alert', () => {
  it('savings falling sharply, below the VIP line, a tier lost', async () => {
    expect(await factsOf({ kind: 'savings_drop', facts: { ...balances, dropFen: 41_000_000, thresholdPercent: 30 } })).toBe('储蓄存款 50.00 万元 → 9.00 万元，下降 82%（2026-11-25）')
    expect(await factsOf({ kind: 'below_vip_line', facts: { ...balances, lineFen: 10_000_000 } })).toBe('储蓄存款 9.00 万元，低于贵宾标准 10.00 万元（2026-11-25）')
    expect(await factsOf({ kind: 'tier_drop', facts: { ...balances, tierBefore: 'platinum', tierAfter: 'gold' } })).toBe('金融资产 80.00 万元 → 30.00 万元，白金贵宾 → 金卡贵宾（2026-11-25）')
  })
})
