/**
 * What the inspection rules work on is what the records store: the domain's shapes and the
 * records' valibot schemas must describe the same data (checked by the type checker; a mismatch
 * fails `npm run typecheck`).
 */
import { describe, expectTypeOf, it } from 'vitest'
import type * as v from 'valibot'
import type { CorrectiveAction as ActionRecord, InspectionAward, InspectionPlan as PlanRecord, ItemAnswer as ItemAnswerSchema, PeriodVeto as PeriodVetoRecord, VetoFinding as VetoFindingSchema, VisitSummary as VisitSummarySchema } from '@/domain/model/records'
import type { ItemAnswer } from '@/domain/inspection/scoring'
import type { PeriodVeto, VetoFinding } from '@/domain/inspection/vetoes'
import type { VisitSummary } from '@/domain/inspection/submission'
import type { CorrectiveAction } from '@/domain/inspection/corrective'
import type { InspectionPlan } from '@/domain/inspection/plans'
import type { QuarterAward } from '@/domain/inspection/ranking'

describe('inspection records and rules share their shapes', () => {
  it('an answer, a veto finding and a visit summary are stored as the rules read them', () => {
    expectTypeOf<v.InferOutput<typeof ItemAnswerSchema>>().toEqualTypeOf<ItemAnswer>()
    expectTypeOf<v.InferOutput<typeof VetoFindingSchema>>().toEqualTypeOf<VetoFinding>()
    expectTypeOf<v.InferOutput<typeof VisitSummarySchema>>().toEqualTypeOf<VisitSummary>()
  })

  it('corrective actions, plans, period vetoes and awards are records carrying the rules’ fields', () => {
    expectTypeOf<ActionRecord>().toExtend<CorrectiveAction>()
    expectTypeOf<PlanRecord>().toExtend<Omit<InspectionPlan, 'halfMonth'> & { halfMonth: string }>()
    expectTypeOf<PeriodVetoRecord>().toExtend<Omit<PeriodVeto, 'quarter'> & { quarter: string }>()
    expectTypeOf<InspectionAward>().toExtend<Omit<QuarterAward, 'quarter'> & { quarter: string }>()
  })
})
