import { useI18n } from 'vue-i18n'
import type { CounterFigures, Period } from '@/domain/counter/figures'
import type { Product } from '@/domain/model/records'
import { useCounterText } from './useCounterText'

/** One row of a rate table: out of `total`, `part` succeeded (accepted, or sold for a referral). */
export interface RateRow {
  key: string
  label: string
  total: number
  part: number
  rate: number | null
}

export interface RateTable {
  key: 'person' | 'product' | 'anchor' | 'referrer'
  title: string
  headers: { who: string; total: string; part: string; rate: string }
  rows: RateRow[]
}

/** A worksheet: its name, a header row and the rows below it; a rate column is formatted as a percentage. */
export interface Sheet {
  name: string
  header: string[]
  rows: (string | number | null)[][]
  rateColumns: number[]
}

/**
 * The figures as the screen lists them and the workbook exports them: the same tables, in the
 * current language, so the file says what the screen says.
 */
export function useFigureTables() {
  const { t } = useI18n()
  const { productName } = useCounterText()

  function rateTables(figures: CounterFigures, names: ReadonlyMap<string, string>, products: ReadonlyMap<string, Product>): RateTable[] {
    const headers = (who: string) => ({ who, total: t('counterPoints.figures.col.offered'), part: t('counterPoints.figures.col.accepted'), rate: t('counterPoints.figures.col.rate') })
    return [
      {
        key: 'person',
        title: t('counterPoints.figures.person.title'),
        headers: headers(t('counterPoints.figures.person.who')),
        rows: figures.byPerson.map((r) => ({ key: r.staffId, label: names.get(r.staffId) ?? '—', total: r.offered, part: r.accepted, rate: r.rate })),
      },
      {
        key: 'product',
        title: t('counterPoints.figures.product.title'),
        headers: headers(t('counterPoints.figures.product.who')),
        rows: figures.byProduct.map((r) => ({ key: r.code ?? '', label: productName(products, r.code), total: r.offered, part: r.accepted, rate: r.rate })),
      },
      {
        key: 'anchor',
        title: t('counterPoints.figures.anchor.title'),
        headers: headers(t('counterPoints.figures.anchor.who')),
        rows: figures.byAnchor.map((r) => ({ key: r.code ?? 'none', label: r.code === null ? t('counterPoints.figures.anchor.none') : productName(products, r.code), total: r.offered, part: r.accepted, rate: r.rate })),
      },
      {
        key: 'referrer',
        title: t('counterPoints.figures.referrer.title'),
        headers: { who: t('counterPoints.figures.referrer.who'), total: t('counterPoints.figures.referrer.made'), part: t('counterPoints.figures.referrer.sold'), rate: t('counterPoints.figures.col.conversionRate') },
        rows: figures.referrers.map((r) => ({ key: r.referrerId, label: names.get(r.referrerId) ?? '—', total: r.made, part: r.sold, rate: r.rate })),
      },
    ]
  }

  /** One sheet per figure: the four rate tables, the bundle depth and the funnel. */
  function workbookSheets(figures: CounterFigures, tables: readonly RateTable[]): Sheet[] {
    const rateSheets = tables.map((table) => ({
      name: t(`counterPoints.figures.sheet.${table.key}`),
      header: [table.headers.who, table.headers.total, table.headers.part, table.headers.rate],
      rows: table.rows.map((r) => [r.label, r.total, r.part, r.rate]),
      rateColumns: [4],
    }))
    const depth = figures.bundleDepth
    const funnel = figures.funnel
    return [
      ...rateSheets,
      {
        name: t('counterPoints.figures.sheet.depth'),
        header: [t('counterPoints.figures.depth.title'), t('counterPoints.figures.col.value')],
        rows: [
          [t('counterPoints.figures.depth.perConversation'), depth.perConversation],
          [t('counterPoints.figures.depth.conversations', { n: depth.conversations }), depth.acceptedProducts],
          [t('counterPoints.figures.depth.perClient'), depth.perClient],
          [t('counterPoints.figures.depth.clients', { n: depth.clients }), depth.clientProducts],
        ],
        rateColumns: [],
      },
      {
        name: t('counterPoints.figures.sheet.funnel'),
        header: [t('counterPoints.figures.col.stage'), t('counterPoints.figures.col.count'), t('counterPoints.figures.col.rate')],
        rows: (['offered', 'interested', 'accepted', 'fulfilled'] as const).map((stage) => [t(`counterPoints.figures.funnel.${stage}`), funnel[stage], funnel.offered === 0 ? null : funnel[stage] / funnel.offered]),
        rateColumns: [3],
      },
    ]
  }

  /** 低柜营销统计_<from>_<to>.xlsx */
  const fileName = (period: Period) => t('counterPoints.figures.fileName', { from: period.from, to: period.to })

  return { rateTables, workbookSheets, fileName }
}
