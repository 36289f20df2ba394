import { useI18n } from 'vue-i18n'
import type { TemplateItem } from '@/domain/model/records'
import { roundScore } from '@/domain/inspection/scoring'
import { useInspectionText } from '../useInspectionText'

/** A score sheet's rules in words: how an item deducts, its levels with their points. */
export function useTemplateText() {
  const { t } = useI18n()
  const text = useInspectionText()
  /** Points as the paper sheet writes them: 3, 0.5, 1.5 (a score's one truncated decimal is for results). */
  const points = (value: number) => String(roundScore(value))

  /** PER: 每次扣 0.5 分，扣完为止 / ALL: 一项不合格扣全部分值 / GRADE: 分档评分：满意 3 分 / 基本满意 1.5 分 / 不满意 0 分. */
  function ruleText(item: TemplateItem): string {
    if (item.rule === 'PER') return t('inspectionSettings.sheet.rule.PER', { points: points(item.perOccurrence ?? 0) })
    if (item.rule === 'ALL') return t('inspectionSettings.sheet.rule.ALL')
    const levels = (item.levels ?? []).map((level) => t('inspectionSettings.sheet.level', { label: text.levelLabel(level), points: points(level.points) }))
    return t('inspectionSettings.sheet.rule.GRADE', { levels: levels.join(t('inspectionSettings.sheet.levelSeparator')) })
  }

  return { ruleText, points }
}
