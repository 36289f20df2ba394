import { describe, expect, it } from 'vitest'
import { balanceAlerts } from '@/domain/wealth/tierAlerts'
import { DEFAULT_WEALTH_RULES } from '@/domain/wealth/rules'
import { parseYuanToFen } from '@/domain/money'

const rules = DEFAULT_WEALTH_RULES // savings drop alert at 30 %
const yuan = (savings: string, total = savings) => ({ savingsFen: parseYuanToFen(savings), totalAssetsFen: parseYuanToFen(total) })
const kinds = (before: ReturnType<typeof yuan>, after: ReturnType<typeof yuan>) => balanceAlerts('c1', before, after, '2026-11-25', rules).map((a) => a.kind)

describe('balance alerts (异动预警)', () => {
  it('a savings fall of exactly the set share raises savings_drop; just under does not', () => {
    expect(kinds(yuan('300,000.00', '400,000.00'), yuan('210,000.00', '400,000.00'))).toEqual(['savings_drop'])
    expect(kinds(yuan('300,000.00', '400,000.00'), yuan('210,000.01', '400,000.00'))).toEqual([])
  })

  it('savings falling below the VIP line raises below_vip_line', () => {
    expect(kinds(yuan('100,000.00', '150,000.00'), yuan('99,999.99', '150,000.00'))).toEqual(['below_vip_line'])
  })

  it('assets falling a tier raises tier_drop, with the tiers in the facts', () => {
    const [alert] = balanceAlerts('c1', yuan('200,000.00', '600,000.00'), yuan('200,000.00', '450,000.00'), '2026-11-25', rules)
    expect(alert).toMatchObject({ kind: 'tier_drop', key: 'tier_drop:c1:2026-11-25', facts: { tierBefore: 'platinum', tierAfter: 'gold', assetsBeforeFen: 60_000_000, assetsAfterFen: 45_000_000 } })
  })

  it('one large fall can raise all three, each with its own key', () => {
    const alerts = balanceAlerts('c1', yuan('600,000.00'), yuan('50,000.00'), '2026-11-25', rules)
    expect(alerts.map((a) => a.key)).toEqual(['savings_drop:c1:2026-11-25', 'below_vip_line:c1:2026-11-25', 'tier_drop:c1:2026-11-25'])
    expect(alerts[0]!.facts).toMatchObject({ savingsBeforeFen: 60_000_000, savingsAfterFen: 5_000_000, dropFen: 55_000_000 })
  })

  it('rising balances or a client with no savings before raise nothing', () => {
    expect(kinds(yuan('100,000.00'), yuan('900,000.00'))).toEqual([])
    expect(kinds(yuan('0.00'), yuan('0.00'))).toEqual([])
  })
})
