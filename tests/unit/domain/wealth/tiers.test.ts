import { describe, expect, it } from 'vitest'
import { checkDesignation, earnedTier, reviewTier, sweepCause, vipBasis, type TierFacts } from '@/domain/wealth/tiers'
import { DEFAULT_WEALTH_RULES, type WealthRules } from '@/domain/wealth/rules'
import { parseYuanToFen } from '@/domain/money'

const TODAY = '2026-11-25'
const rules: WealthRules = { ...DEFAULT_WEALTH_RULES, version: 7 }

function facts(savings: string, assets = savings, more: Partial<TierFacts> = {}): TierFacts {
  return { savingsFen: parseYuanToFen(savings), totalAssetsFen: parseYuanToFen(assets), vipDesignation: null, vipTier: null, tierPending: null, ...more }
}

describe('who is a VIP (贵宾认定标准)', () => {
  it('exactly 100,000.00 yuan of savings is a VIP', () => {
    expect(earnedTier(facts('100,000.00'), TODAY, rules)).toBe('gold')
    expect(vipBasis(facts('100,000.00'), TODAY, rules)).toBe('savings')
  })

  it('99,999.99 yuan of savings is not, whatever else the client holds', () => {
    expect(earnedTier(facts('99,999.99'), TODAY, rules)).toBeNull()
    expect(earnedTier(facts('99,999.99', '3,000,000.00'), TODAY, rules)).toBeNull()
  })

  it('the line follows the rules', () => {
    expect(earnedTier(facts('80,000.00'), TODAY, { ...rules, vipSavingsThresholdFen: parseYuanToFen('80,000') })).toBe('gold')
  })

  it('a designated supporting client is a VIP through the expiry day, inclusive, and at least gold', () => {
    const designated = facts('1,000.00', '1,000.00', { vipDesignation: { until: TODAY } })
    expect(vipBasis(designated, TODAY, rules)).toBe('designation')
    expect(earnedTier(designated, TODAY, rules)).toBe('gold')
    expect(earnedTier(designated, '2026-11-26', rules)).toBeNull()
  })
})

describe('tiers by total financial assets', () => {
  it.each([
    ['499,999.99', 'gold'],
    ['500,000.00', 'platinum'],
    ['1,999,999.99', 'platinum'],
    ['2,000,000.00', 'diamond'],
    ['5,999,999.99', 'diamond'],
    ['6,000,000.00', 'private'],
  ] as const)('%s yuan of assets is %s', (assets, tier) => {
    expect(earnedTier(facts('100,000.00', assets), TODAY, rules)).toBe(tier)
  })

  it('savings count as assets when the total on file is lower', () => {
    expect(earnedTier(facts('600,000.00', '0.00'), TODAY, rules)).toBe('platinum')
  })

  it('a designated client with large assets gets the tier the assets earn', () => {
    expect(earnedTier(facts('10.00', '2,500,000.00', { vipDesignation: { until: '2027-01-01' } }), TODAY, rules)).toBe('diamond')
  })
})

describe('recomputing on a change of balances', () => {
  it('an upgrade takes effect at once and is logged with the rules version', () => {
    const outcome = reviewTier(facts('600,000.00', '600,000.00', { vipTier: 'gold' }), TODAY, rules, 'balance')
    expect(outcome.vipTier).toBe('platinum')
    expect(outcome.changes).toEqual([{ kind: 'upgrade', cause: 'balance', fromTier: 'gold', toTier: 'platinum', ruleVersion: 7 }])
  })

  it('a new VIP is an upgrade from no tier', () => {
    expect(reviewTier(facts('100,000.00'), TODAY, rules, 'balance').changes[0]).toMatchObject({ kind: 'upgrade', fromTier: null, toTier: 'gold' })
  })

  it('a downgrade waits out the grace period: the client keeps the tier and is flagged', () => {
    const outcome = reviewTier(facts('100,000.00', '200,000.00', { vipTier: 'platinum' }), TODAY, rules, 'balance')
    expect(outcome.vipTier).toBe('platinum')
    expect(outcome.tierPending).toEqual({ tier: 'gold', since: TODAY, effectiveOn: '2027-02-23', ruleVersion: 7 })
    expect(outcome.changes).toEqual([{ kind: 'downgrade_pending', cause: 'balance', fromTier: 'platinum', toTier: 'gold', ruleVersion: 7 }])
  })

  it('with no grace period the downgrade is immediate', () => {
    const outcome = reviewTier(facts('50.00', '50.00', { vipTier: 'gold' }), TODAY, { ...rules, downgradeGraceDays: 0 }, 'balance')
    expect(outcome).toMatchObject({ vipTier: null, tierPending: null, changes: [{ kind: 'downgrade', fromTier: 'gold', toTier: null }] })
  })

  it('the pending downgrade applies on its effective day, not the day before', () => {
    const pending = { tier: 'gold' as const, since: '2026-08-27', effectiveOn: TODAY, ruleVersion: 6 }
    const client = facts('100,000.00', '200,000.00', { vipTier: 'platinum', tierPending: pending })
    expect(reviewTier(client, '2026-11-24', rules, 'balance')).toMatchObject({ vipTier: 'platinum', tierPending: pending, changes: [] })
    expect(reviewTier(client, TODAY, rules, 'balance')).toMatchObject({ vipTier: 'gold', tierPending: null, changes: [{ kind: 'downgrade', cause: 'grace_elapsed', toTier: 'gold' }] })
  })

  it('an upgrade cancels a pending downgrade', () => {
    const pending = { tier: 'gold' as const, since: '2026-11-01', effectiveOn: '2027-01-30', ruleVersion: 7 }
    const outcome = reviewTier(facts('2,100,000.00', '2,100,000.00', { vipTier: 'platinum', tierPending: pending }), TODAY, rules, 'balance')
    expect(outcome.vipTier).toBe('diamond')
    expect(outcome.tierPending).toBeNull()
    expect(outcome.changes.map((c) => c.kind)).toEqual(['downgrade_cancelled', 'upgrade'])
  })

  it('recovering to the current tier cancels the pending downgrade', () => {
    const pending = { tier: 'gold' as const, since: '2026-11-01', effectiveOn: '2027-01-30', ruleVersion: 7 }
    const outcome = reviewTier(facts('600,000.00', '600,000.00', { vipTier: 'platinum', tierPending: pending }), TODAY, rules, 'balance')
    expect(outcome).toMatchObject({ vipTier: 'platinum', tierPending: null, changes: [{ kind: 'downgrade_cancelled' }] })
  })

  it('falling further while pending keeps the original dates and notes the new tier', () => {
    const pending = { tier: 'gold' as const, since: '2026-11-01', effectiveOn: '2027-01-30', ruleVersion: 6 }
    const outcome = reviewTier(facts('10.00', '10.00', { vipTier: 'platinum', tierPending: pending }), TODAY, rules, 'balance')
    expect(outcome.tierPending).toEqual({ tier: null, since: '2026-11-01', effectiveOn: '2027-01-30', ruleVersion: 7 })
    expect(outcome.changes).toEqual([{ kind: 'downgrade_pending', cause: 'balance', fromTier: 'platinum', toTier: null, ruleVersion: 7 }])
  })

  it('nothing changes when the tier is still earned', () => {
    expect(reviewTier(facts('600,000.00', '700,000.00', { vipTier: 'platinum' }), TODAY, rules, 'balance').changes).toEqual([])
  })
})

describe('the opening sweep', () => {
  it('applies pending downgrades whose day has come, once', () => {
    const client = facts('10.00', '10.00', { vipTier: 'gold', tierPending: { tier: null, since: '2026-08-27', effectiveOn: TODAY, ruleVersion: 6 } })
    expect(sweepCause(client, TODAY, rules)).toBe('grace_elapsed')
    const after = reviewTier(client, TODAY, rules, 'grace_elapsed')
    expect(sweepCause({ ...client, ...after }, TODAY, rules)).toBeNull()
  })

  it('flags a VIP whose designation lapsed', () => {
    const client = facts('10.00', '10.00', { vipTier: 'gold', vipDesignation: { until: '2026-11-24' } })
    expect(sweepCause(client, TODAY, rules)).toBe('designation_expired')
    expect(sweepCause(client, '2026-11-24', rules)).toBeNull()
  })

  it('leaves alone VIPs with nothing due', () => {
    expect(sweepCause(facts('200,000.00', '200,000.00', { vipTier: 'gold' }), TODAY, rules)).toBeNull()
  })
})

describe('a designation', () => {
  const ok = { reason: '代发工资单位负责人', until: '2027-06-30', approverIsBranchHead: true }
  it('needs a reason, a branch head and an expiry from today up to the longest span', () => {
    expect(checkDesignation(ok, TODAY, rules)).toEqual([])
    expect(checkDesignation({ ...ok, reason: '  ' }, TODAY, rules)).toEqual(['reason'])
    expect(checkDesignation({ ...ok, approverIsBranchHead: false }, TODAY, rules)).toEqual(['not_branch_head'])
    expect(checkDesignation({ ...ok, until: '2026-11-24' }, TODAY, rules)).toEqual(['until_past'])
    expect(checkDesignation({ ...ok, until: '2027-11-25' }, TODAY, rules)).toEqual([])
    expect(checkDesignation({ ...ok, until: '2027-11-26' }, TODAY, rules)).toEqual(['until_too_late'])
  })
})
