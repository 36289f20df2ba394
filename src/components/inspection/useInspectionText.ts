import { useI18n } from 'vue-i18n'
import dayjs from 'dayjs'
import type { InspectionTemplate, TemplateItem } from '@/domain/model/records'
import { formatScore } from '@/domain/inspection/scoring'
import { halfMonth, type HalfMonthKey } from '@/domain/inspection/plans'

type Section = InspectionTemplate['sections'][number]
type Veto = InspectionTemplate['vetoes'][number]
type Level = NonNullable<TemplateItem['levels']>[number]

/**
 * The inspection's words in the current language: a score sheet's own text (its English where the
 * sheet has it, its Chinese otherwise), half months, and scores as the paper form writes them.
 */
export function useInspectionText() {
  const { t, locale } = useI18n()
  const english = () => locale.value === 'en'
  const own = (zh: string, en: string | undefined) => (english() && en ? en : zh)

  return {
    itemText: (item: Pick<TemplateItem, 'text' | 'textEn'>) => own(item.text, item.textEn),
    sectionTitle: (section: Pick<Section, 'title' | 'titleEn'>) => own(section.title, section.titleEn),
    vetoText: (veto: Pick<Veto, 'text' | 'textEn'>) => own(veto.text, veto.textEn),
    levelLabel: (level: Pick<Level, 'label' | 'labelEn'>) => own(level.label, level.labelEn),
    /** '2026-12-H1' → 2026 年 12 月上半月 / 1–15 December 2026. */
    halfMonthLabel: (key: HalfMonthKey | string) => {
      const first = dayjs(halfMonth(key as HalfMonthKey).start)
      return t(`inspection.halfMonth.${key.slice(-2)}`, { year: first.year(), month: first.month() + 1, monthName: first.locale('en').format('MMMM') })
    },
    /** 92.5 分 / 92.5 pts. */
    score: (value: number) => t('inspection.score', { score: formatScore(value) }),
    /** 46 / 50 分. */
    scoreOf: (value: number, max: number) => t('inspection.scoreOf', { score: formatScore(value), max: formatScore(max) }),
  }
}
