import { describe, expect, it } from 'vitest'
import { homeArea, mayUseArea } from '@/domain/roles'

describe('roles and areas', () => {
  it('a lobby manager may not open the admin area; an administrator may', () => {
    expect(mayUseArea(['lobby_manager'], 'admin')).toBe(false)
    expect(mayUseArea(['administrator'], 'admin')).toBe(true)
  })

  it('a person with several roles may use every area of each', () => {
    expect(mayUseArea(['customer_manager', 'low_counter'], 'wealth')).toBe(true)
    expect(mayUseArea(['customer_manager', 'low_counter'], 'counter')).toBe(true)
  })

  it('a wealth manager records offers and takes referrals at the counter area, but lands on the wealth room', () => {
    expect(mayUseArea(['wealth_manager'], 'counter')).toBe(true)
    expect(homeArea(['wealth_manager'], ['wealth', 'counter', 'station', 'workbench'])).toBe('wealth')
  })

  it('each role lands on its own area when this build has it, else on the workbench', () => {
    expect(homeArea(['branch_head'], ['dashboard', 'workbench', 'admin'])).toBe('dashboard')
    expect(homeArea(['administrator'], ['dashboard', 'workbench', 'admin'])).toBe('admin')
    expect(homeArea(['lobby_manager'], ['dashboard', 'workbench', 'admin'])).toBe('workbench')
    expect(homeArea(['lobby_manager'], ['dashboard', 'workbench', 'admin', 'lobby'])).toBe('lobby')
  })

  it('the most senior role decides the home of a person with several', () => {
    expect(homeArea(['high_counter', 'branch_head'], ['dashboard', 'workbench'])).toBe('dashboard')
  })
})
