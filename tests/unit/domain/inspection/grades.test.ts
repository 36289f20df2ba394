import { describe, expect, it } from 'vitest'
import { gradeOf, visitGrade } from '@/domain/inspection/grades'
import { BANDS } from './fixtures'

describe('grade bands', () => {
  it('95 is 优秀, 94.99 is 良好', () => {
    expect(gradeOf(95, BANDS)).toBe('excellent')
    expect(gradeOf(94.99, BANDS)).toBe('good')
    expect(gradeOf(94.999999, BANDS)).toBe('good')
  })

  it('85 is 良好, 84.9 is 合格; 70 is 合格, 69.9 is 不合格', () => {
    expect(gradeOf(85, BANDS)).toBe('good')
    expect(gradeOf(84.9, BANDS)).toBe('pass')
    expect(gradeOf(70, BANDS)).toBe('pass')
    expect(gradeOf(69.9, BANDS)).toBe('fail')
  })

  it('100 is 优秀 and 0 is 不合格', () => {
    expect(gradeOf(100, BANDS)).toBe('excellent')
    expect(gradeOf(0, BANDS)).toBe('fail')
  })

  it('takes the bands in any order, and a score below every band is 不合格', () => {
    expect(gradeOf(90, [...BANDS].reverse())).toBe('good')
    expect(gradeOf(50, [{ grade: 'excellent', minScore: 90 }, { grade: 'pass', minScore: 60 }])).toBe('fail')
  })
})

describe('a veto', () => {
  it('any confirmed visit veto makes the grade 不合格 whatever the points, the points grade kept for information', () => {
    expect(visitGrade(99, BANDS, 1)).toEqual({ grade: 'fail', gradeByPoints: 'excellent', vetoed: true })
  })

  it('without a veto the points decide', () => {
    expect(visitGrade(99, BANDS, 0)).toEqual({ grade: 'excellent', gradeByPoints: 'excellent', vetoed: false })
  })
})
