import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { freshDatabase } from '../../support/db'
import { seedCounterBranch } from '../../support/counterSeed'
import { writeRecords } from '@/db/write'
import { database } from '@/db/connection'
import { useInspectionStore } from '@/stores/inspection'
import { useTerminalStore } from '@/stores/terminal'
import { ensureMessages } from '@/i18n'

describe('what every inspection screen shares', () => {
  beforeEach(async () => {
    await freshDatabase()
    await ensureMessages()
    setActivePinia(createPinia())
  })

  it('ships the default score sheet the first time the area opens, once, and reads the region’s outlets and people', async () => {
    const branch = await seedCounterBranch()
    await writeRecords(['staff'], (w) => w.insert('staff', { branchId: null, staffNo: '9014', surname: '蒋', givenName: '平', roles: ['inspector'], pin: null, failedPinAttempts: 0, lockedUntil: null, active: 1 }))
    await useTerminalStore().refresh()
    const store = useInspectionStore()
    await store.prepare()
    await store.prepare()

    expect(store.prepared).toBe(true)
    expect(await database().records('inspectionTemplates').count()).toBe(1)
    expect(store.template?.version).toBe(1)
    expect(store.branches.map((b) => b.code)).toEqual(['BJ001', 'BJ002'])
    expect(store.branchName(branch.branchId)).toBe('城东支行')
    expect(store.inspectors.map((s) => s.staffNo)).toEqual(['9014'])
    expect(store.staffNoName('9014')).toBe('蒋平（9014）')
    expect(store.staffNoName('0000')).toBe('0000')
    expect(store.staffName(null)).toBe('—')
  })
})
