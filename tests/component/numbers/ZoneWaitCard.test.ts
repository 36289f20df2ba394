import { nextTick } from 'vue'
import { beforeEach, describe, expect, it } from 'vitest'
import { freshDatabase } from '../../support/db'
import { mountWithApp } from '../../support/mount'
import { i18n } from '@/i18n'
import ZoneWaitCard from '@/views/lobby/numbers/ZoneWaitCard.vue'
import FigureCard from '@/views/lobby/numbers/FigureCard.vue'
import type { ZoneDayStats } from '@/domain/lobby/stats'

const high: ZoneDayStats = { zone: 'high_counter', arrivals: 6, waited: 4, averageWaitMinutes: 15, p90WaitMinutes: 65, withinTarget: 2, waitsOver: 6, withinTargetShare: 2 / 6, noShows: 1, walkAways: 1, unserved: 1 }
const thresholds = { amberMinutes: 15, redMinutes: 30 }

// The first mount loads element-plus and the app's i18n: slow on a cold start.
describe('the lobby’s figures cards', { timeout: 20_000 }, () => {
  beforeEach(async () => {
    await freshDatabase()
  })

  it('a zone’s waits read as minutes and hours, the share within target as a percentage, the colour with its word (zh, then en)', async () => {
    const { wrapper } = await mountWithApp(ZoneWaitCard, { props: { stats: high, targetMinutes: 15, thresholds } })
    const text = (id: string) => wrapper.get(`[data-testid="${id}"]`).text()
    expect(wrapper.find('h3').text()).toBe('高柜')
    expect(text('zone-average')).toBe('15 分 ● 接近目标')
    expect(text('zone-p90')).toBe('1 小时 5 分')
    expect(text('zone-within')).toBe('33% 2 / 6 人')
    expect(wrapper.classes()).toContain('zone-wait--warn')

    i18n.global.locale.value = 'en'
    await nextTick()
    expect(wrapper.find('h3').text()).toBe('High counter')
    expect(text('zone-average')).toBe('15 min ● Near target')
    expect(text('zone-p90')).toBe('1 h 5 min')
    expect(text('zone-within')).toBe('33% 2 of 6')
    i18n.global.locale.value = 'zh-CN'
  })

  it('a zone nobody waited in shows dashes and “no data”, never NaN', async () => {
    const idle: ZoneDayStats = { ...high, arrivals: 0, waited: 0, averageWaitMinutes: null, p90WaitMinutes: null, withinTarget: 0, waitsOver: 0, withinTargetShare: null, noShows: 0, walkAways: 0, unserved: 0 }
    const { wrapper } = await mountWithApp(ZoneWaitCard, { props: { stats: idle, targetMinutes: 15, thresholds } })
    expect(wrapper.get('[data-testid="zone-average"]').text()).toBe('— ● 无数据')
    expect(wrapper.get('[data-testid="zone-within"]').text()).toBe('—')
    expect(wrapper.text()).not.toContain('NaN')
  })

  it('a figure card shows its value right-aligned with the tone’s word', async () => {
    const { wrapper } = await mountWithApp(FigureCard, { props: { label: '已超期', value: '2', tone: 'bad', testid: 'figure-x' } })
    expect(wrapper.get('[data-testid="figure-value"]').text()).toBe('2')
    expect(wrapper.get('[data-testid="figure-tone"]').text()).toBe('● 未达标')
  })
})
