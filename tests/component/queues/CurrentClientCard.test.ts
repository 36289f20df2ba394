import { beforeEach, describe, expect, it } from 'vitest'
import { freshDatabase } from '../../support/db'
import { mountWithApp } from '../../support/mount'
import { at, visit } from '../../unit/domain/lobby/events'
import CurrentClientCard from '@/components/lobby/queue/CurrentClientCard.vue'
import type { VisitState } from '@/domain/lobby/visitState'

const called = (recalls: number): VisitState => {
  const script = visit('v1').arrive(0).add('ticket_issued', { ticketId: null, code: 'A007', prefix: 'A', seq: 7 }, { at: at(0) }).call(10, 'hc1')
  for (let i = 0; i < recalls; i++) script.recall(11 + i, 'hc1')
  return script.state()
}

async function card(state: VisitState, recallsBeforeNoShow = 3) {
  const { wrapper } = await mountWithApp(CurrentClientCard, { props: { state, name: null, recallsBeforeNoShow, nowMs: at(15) } })
  const button = (id: string) => wrapper.find(`[data-testid="${id}"]`)
  return { wrapper, button }
}

describe('the station’s current client', { timeout: 20_000 }, () => {
  beforeEach(async () => {
    await freshDatabase()
  })

  it.each([0, 1, 2])('after %i recall(s) of 3, no-show is not yet offered and the card says how many recalls remain', async (recalls) => {
    const { wrapper, button } = await card(called(recalls))
    expect(button('action-no-show').attributes('disabled')).toBeDefined()
    expect(wrapper.get('[data-testid="recall-count"]').text()).toBe(`已重呼 ${recalls}/3 次 · 再重呼 ${3 - recalls} 次后可过号`)
    for (const id of ['action-start', 'action-recall', 'action-walked-away', 'action-transfer']) expect(button(id).attributes('disabled'), id).toBeUndefined()
  })

  it('after the third recall, no-show becomes available', async () => {
    const { wrapper, button } = await card(called(3))
    expect(button('action-no-show').attributes('disabled')).toBeUndefined()
    expect(wrapper.get('[data-testid="recall-count"]').text()).toBe('已重呼 3/3 次')
  })

  it('follows the branch’s rule: with no recalls required, no-show is available at once', async () => {
    const { button } = await card(called(0), 0)
    expect(button('action-no-show').attributes('disabled')).toBeUndefined()
  })

  it('emits each step the teller taps', async () => {
    const { wrapper, button } = await card(called(3))
    for (const id of ['action-recall', 'action-start', 'action-no-show', 'action-walked-away', 'action-transfer']) await button(id).trigger('click')
    expect(Object.keys(wrapper.emitted())).toEqual(expect.arrayContaining(['recall', 'start', 'noShow', 'walkedAway', 'transfer']))
  })

  it('while serving, offers finish and transfer only', async () => {
    const serving = visit('v2').arrive(0).add('ticket_issued', { ticketId: null, code: 'A008', prefix: 'A', seq: 8 }, { at: at(0) }).call(10, 'hc1').start(11, 'hc1').state()
    const { wrapper, button } = await card(serving)
    expect(wrapper.get('[data-testid="current-ticket"]').text()).toBe('A008')
    expect(button('action-finish').exists()).toBe(true)
    expect(button('action-transfer').exists()).toBe(true)
    for (const id of ['action-recall', 'action-start', 'action-no-show', 'action-walked-away']) expect(button(id).exists(), id).toBe(false)
  })

  it('is busy: every button waits while a step is being saved', async () => {
    const { wrapper } = await mountWithApp(CurrentClientCard, { props: { state: called(3), name: '李**', recallsBeforeNoShow: 3, nowMs: at(15), busy: true } })
    expect(wrapper.text()).toContain('李**')
    for (const b of wrapper.findAll('button')) expect(b.attributes('disabled')).toBeDefined()
  })
})
