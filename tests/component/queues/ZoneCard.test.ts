import { beforeEach, describe, expect, it } from 'vitest'
import { freshDatabase } from '../../support/db'
import { mountWithApp } from '../../support/mount'
import ZoneCard from '@/components/lobby/queue/ZoneCard.vue'
import type { ZoneBoard } from '@/domain/lobby/board'

const board = (openPoints: number, estimateMinutes: number | null): ZoneBoard => ({ zone: 'high_counter', waiting: [], atPoints: [], openPoints, estimateMinutes, longestWaitMinutes: 0 })

describe('a zone on the queue board', { timeout: 20_000 }, () => {
  beforeEach(async () => {
    await freshDatabase()
  })

  it('with no window open, says so and gives no estimate', async () => {
    const { wrapper } = await mountWithApp(ZoneCard, { props: { board: board(0, null), names: new Map(), pointsById: new Map() } })
    expect(wrapper.get('[data-testid="zone-open"]').text()).toBe('✕ 无开放窗口')
    expect(wrapper.get('[data-testid="zone-open"]').classes()).toContain('is-closed')
    expect(wrapper.get('[data-testid="zone-estimate"]').text()).toBe('无法估计（无人在岗）')
  })

  it('with a window open, gives the points open and the estimate for a new arrival', async () => {
    const { wrapper } = await mountWithApp(ZoneCard, { props: { board: board(2, 5), names: new Map(), pointsById: new Map() } })
    expect(wrapper.get('[data-testid="zone-open"]').text()).not.toContain('无开放窗口')
    expect(wrapper.get('[data-testid="zone-estimate"]').text()).toMatch(/5/)
  })
})
