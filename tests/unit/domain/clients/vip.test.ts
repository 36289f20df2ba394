import { describe, expect, it } from 'vitest'
import { DEFAULT_VIP_TIERS, isVip, VIP_SAVINGS_THRESHOLD_FEN, vipTierFor, type VipFacts } from '@/domain/clients/vip'
import { parseYuanToFen } from '@/domain/money'

const TODAY = '2026-11-25'

function client(savingsYuan: string, totalAssetsYuan = savingsYuan, vipDesignation: VipFacts['vipDesignation'] = null): VipFacts {
  return { savingsFen: parseYuanToFen(savingsYuan), totalAssetsFen: parseYuanToFen(totalAssetsYuan), vipDesignation }
}

describe('VIP criterion (贵宾认定标准)', () => {
  it('is 100,000 yuan of savings, inclusive', () => {
    expect(VIP_SAVINGS_THRESHOLD_FEN).toBe(parseYuanToFen('100,000.00'))
  })

  it('a client with exactly 100,000.00 yuan of savings is a VIP', () => {
    expect(isVip(client('100,000.00'), TODAY)).toBe(true)
    expect(vipTierFor(client('100,000.00'), TODAY)).toBe('gold')
  })

  it('99,999.99 is not', () => {
    expect(isVip(client('99,999.99'), TODAY)).toBe(false)
    expect(vipTierFor(client('99,999.99'), TODAY)).toBeNull()
  })

  it('large assets held outside savings do not make a VIP by themselves', () => {
    expect(isVip(client('50,000.00', '3,000,000.00'), TODAY)).toBe(false)
  })

  it('a designated supporting client is a VIP through the until date, inclusive', () => {
    const designated = client('20,000.00', '20,000.00', { until: TODAY })
    expect(isVip(designated, TODAY)).toBe(true)
    expect(isVip(designated, '2026-11-26')).toBe(false)
  })

  it('a designated client is at least gold, whatever the assets', () => {
    expect(vipTierFor(client('20,000.00', '20,000.00', { until: '2027-01-01' }), TODAY)).toBe('gold')
    expect(vipTierFor(client('20,000.00', '2,500,000.00', { until: '2027-01-01' }), TODAY)).toBe('diamond')
  })
})

describe('VIP tiers by total financial assets', () => {
  it.each([
    ['100,000.00', '499,999.99', 'gold'],
    ['100,000.00', '500,000.00', 'platinum'],
    ['100,000.00', '1,999,999.99', 'platinum'],
    ['300,000.00', '2,000,000.00', 'diamond'],
    ['300,000.00', '5,999,999.99', 'diamond'],
    ['1,000,000.00', '6,000,000.00', 'private'],
  ])('savings %s with assets %s → %s', (savings, assets, tier) => {
    expect(vipTierFor(client(savings, assets), TODAY)).toBe(tier)
  })

  it('counts savings as assets when the assets figure lags behind', () => {
    expect(vipTierFor(client('600,000.00', '0.00'), TODAY)).toBe('platinum')
  })

  it('takes the tiers as a parameter, in any order', () => {
    const tiers = [...DEFAULT_VIP_TIERS].reverse().map((rule) => (rule.tier === 'platinum' ? { ...rule, minAssetsFen: parseYuanToFen('300,000') } : rule))
    expect(vipTierFor(client('100,000.00', '300,000.00'), TODAY, tiers)).toBe('platinum')
  })
})
