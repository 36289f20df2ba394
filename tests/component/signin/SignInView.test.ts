import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { freshDatabase } from '../../support/db'
import { mountWithApp } from '../../support/mount'
import SignInView from '@/views/signin/SignInView.vue'
import NumericKeypad from '@/components/NumericKeypad.vue'
import { createStaff } from '@/db/repositories/staff'
import { hashPin } from '@/domain/pin'

async function press(wrapper: Awaited<ReturnType<typeof mountWithApp>>['wrapper'], testids: string[]): Promise<void> {
  for (const id of testids) await wrapper.get(`[data-testid="${id}"]`).trigger('click')
  await flushPromises()
}
const digits = (text: string) => [...text].map((d) => `key-${d}`)

describe('the sign-in keypad', () => {
  beforeEach(async () => {
    await freshDatabase()
    await createStaff({ branchId: null, staffNo: '9001', surname: '赵', givenName: '建华', roles: ['branch_head'], pin: await hashPin('900101', 1_000), failedPinAttempts: 0, lockedUntil: null, active: 1 })
  })

  it('types the staff number first, then the PIN, shown only as dots', async () => {
    const { wrapper } = await mountWithApp(SignInView, { signedOut: true, route: '/sign-in' })
    await press(wrapper, [...digits('9001'), 'signin-next', ...digits('12')])
    expect(wrapper.get('[data-testid="staffNo-value"]').text()).toBe('9001')
    expect(wrapper.get('[data-testid="field-pin"]').text()).toContain('●●')
    expect(wrapper.get('[data-testid="field-pin"]').text()).not.toMatch(/[0-9]/)
  })

  it('a wrong PIN says how many tries are left', async () => {
    const { wrapper } = await mountWithApp(SignInView, { signedOut: true, route: '/sign-in' })
    await press(wrapper, [...digits('9001'), 'signin-next', ...digits('111111'), 'signin-submit'])
    await flushPromises()
    await new Promise((resolve) => setTimeout(resolve, 50))
    await flushPromises()
    expect(wrapper.get('[data-testid="signin-message"]').text()).toBe('PIN 不正确，还可以再试 4 次。')
  })

  it('an unknown staff number is named in the message and cleared for a new try', async () => {
    const { wrapper } = await mountWithApp(SignInView, { signedOut: true, route: '/sign-in' })
    await press(wrapper, [...digits('1234'), 'signin-next', ...digits('111111'), 'signin-submit'])
    await new Promise((resolve) => setTimeout(resolve, 50))
    await flushPromises()
    expect(wrapper.get('[data-testid="signin-message"]').text()).toContain('没有工号 1234')
    expect(wrapper.get('[data-testid="staffNo-value"]').text()).toBe('请输入工号')
  })

  it('the keypad emits digits, backspace and clear', async () => {
    const { wrapper } = await mountWithApp(NumericKeypad, { signedOut: true })
    await press(wrapper, ['key-7', 'key-back', 'key-clear'])
    expect(wrapper.emitted('digit')).toEqual([['7']])
    expect(wrapper.emitted('backspace')).toHaveLength(1)
    expect(wrapper.emitted('clear')).toHaveLength(1)
  })
})
