import { beforeEach, describe, expect, it } from 'vitest'
import { freshDatabase } from '../../support/db'
import { today } from '../../support/counterSeed'
import { seedInspectionBranch } from '../../support/inspectionSeed'
import { database } from '@/db/connection'
import { seedInspectionScaleData } from '@/db/demo/scale'
import { quarterRanking } from '@/db/repositories/inspection/ranking'
import * as v from 'valibot'
import { RECORD_SCHEMAS } from '@/domain/model/records'
import { quarterOf } from '@/domain/quarters'

beforeEach(async () => {
  await freshDatabase()
  await seedInspectionBranch()
})

describe('inspections at region scale', () => {
  it('adds submitted visits with their figures until the terminal holds the number asked, once', async () => {
    await seedInspectionScaleData({ today, inspections: 120 })
    await seedInspectionScaleData({ today, inspections: 120 })
    const visits = await database().records('inspections').toArray()
    expect(visits).toHaveLength(120)
    expect(visits.every((visit) => v.safeParse(RECORD_SCHEMAS.inspections, visit).success)).toBe(true)
    expect((await quarterRanking(quarterOf(today))).some((s) => s.ranked)).toBe(true)
  })
})
