import { beforeEach, describe, expect, it } from 'vitest'
import { freshDatabase } from '../../support/db'
import { mountWithApp } from '../../support/mount'
import WaitingRow from '@/components/lobby/queue/WaitingRow.vue'
import type { BoardRow } from '@/domain/lobby/board'

function row(overrides: Partial<BoardRow> = {}): BoardRow {
  return { visitId: 'v1', ticketCode: 'A012', priorityClass: 'none', isVip: false, waitedMinutes: 5, colour: 'green', quotedMinutes: 10, appointmentAt: null, clientId: null, ...overrides }
}

// The first mount loads element-plus and the app's i18n: slow on a cold start.
describe('a waiting client on the queue board', { timeout: 20_000 }, () => {
  beforeEach(async () => {
    await freshDatabase()
  })

  it.each([
    ['green', 5, '正常', '●'],
    ['amber', 18, '将超时', '▲'],
    ['red', 42, '已超时', '■'],
  ] as const)('colours a %s wait and says so in words and with an icon, never colour alone', async (colour, minutes, word, icon) => {
    const { wrapper } = await mountWithApp(WaitingRow, { signedOut: true, props: { row: row({ colour, waitedMinutes: minutes, quotedMinutes: 60 }) } })
    const badge = wrapper.get('[data-testid="wait-badge"]')
    expect(badge.attributes('data-colour')).toBe(colour)
    expect(badge.classes()).toContain(`is-${colour}`)
    expect(badge.text()).toContain(word)
    expect(badge.text()).toContain(icon)
    expect(badge.text()).toContain(`已等 ${minutes} 分`)
  })

  it('shows the ticket, "散客" for a walk-in and no priority mark for a standard client', async () => {
    const { wrapper } = await mountWithApp(WaitingRow, { signedOut: true, props: { row: row() } })
    expect(wrapper.get('[data-testid="row-ticket"]').text()).toBe('A012')
    expect(wrapper.get('[data-testid="row-name"]').text()).toBe('散客')
    expect(wrapper.find('[data-testid^="row-priority-"]').exists()).toBe(false)
  })

  it('shows a known client only by masked name, with the priority class in words', async () => {
    const { wrapper } = await mountWithApp(WaitingRow, { signedOut: true, props: { row: row({ priorityClass: 'elderly' }), name: '王**' } })
    expect(wrapper.get('[data-testid="row-name"]').text()).toBe('王**')
    expect(wrapper.get('[data-testid="row-priority-elderly"]').text()).toContain('老年人')
  })

  it('sets the quoted wait against the actual one and flags a wait beyond the quote', async () => {
    const within = await mountWithApp(WaitingRow, { signedOut: true, props: { row: row({ waitedMinutes: 8, quotedMinutes: 10 }) } })
    expect(within.wrapper.get('[data-testid="row-quoted"]').text()).toBe('承诺 10 分')
    const over = await mountWithApp(WaitingRow, { signedOut: true, props: { row: row({ waitedMinutes: 25, quotedMinutes: 10, colour: 'amber' }) } })
    expect(over.wrapper.get('[data-testid="row-quoted"]').text()).toBe('承诺 10 分 · 超出承诺')
    expect(over.wrapper.get('[data-testid="row-quoted"]').classes()).toContain('is-over')
    const none = await mountWithApp(WaitingRow, { signedOut: true, props: { row: row({ quotedMinutes: null }) } })
    expect(none.wrapper.get('[data-testid="row-quoted"]').text()).toBe('未报等候时间')
  })
})
