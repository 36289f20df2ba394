/**
 * A balance file as a core-banking export gives it (CSV or Excel), checked row by row before anything
 * is written. Columns are found by their Chinese headers (or English ones): 证件号码 (the match key),
 * 客户姓名 (checked against the client on file), 储蓄存款余额, 金融资产总额 and, optionally, 数据日期
 * (the as-of date; the import date when absent). Amounts are read as decimal text into integer fen,
 * never through floating point. Row numbers are the spreadsheet's: the header is row 1.
 */
import { MoneyParseError, parseYuanToFen } from '../money'
import type { BusinessDate } from '../time'

export const BALANCE_COLUMNS = ['idNumber', 'name', 'savings', 'totalAssets', 'asOf'] as const
export type BalanceColumn = (typeof BALANCE_COLUMNS)[number]
export const REQUIRED_BALANCE_COLUMNS: readonly BalanceColumn[] = ['idNumber', 'name', 'savings', 'totalAssets']

/** The headers a file may use for each column, compared without spaces, underscores or case. */
const HEADER_NAMES: Record<BalanceColumn, readonly string[]> = {
  idNumber: ['证件号码', '证件号', '身份证号码', '身份证号', 'idnumber', 'idno', 'id'],
  name: ['客户姓名', '姓名', '客户名称', 'name', 'clientname', 'customername'],
  savings: ['储蓄存款余额', '储蓄余额', '储蓄存款', 'savings', 'savingsbalance'],
  totalAssets: ['金融资产总额', '金融资产', '资产总额', 'totalassets', 'totalfinancialassets', 'financialassets'],
  asOf: ['数据日期', '日期', '余额日期', 'asof', 'asofdate', 'date'],
}

/** The headers of the template offered for download, in file order. */
export const TEMPLATE_HEADERS: Record<BalanceColumn, string> = { idNumber: '证件号码', name: '客户姓名', savings: '储蓄存款余额', totalAssets: '金融资产总额', asOf: '数据日期' }

const normaliseHeader = (header: string) => header.replace(/^\uFEFF/, '').replace(/[\s_\-()（）]/g, '').toLowerCase()
const normaliseName = (name: string) => name.replace(/\s/g, '')
const normaliseId = (id: string) => id.replace(/\s/g, '').toUpperCase()

export type RejectReason =
  | 'missing_id'
  | 'unknown_id'
  | 'duplicate_id'
  | 'name_mismatch'
  | 'bad_savings'
  | 'negative_savings'
  | 'bad_total'
  | 'negative_total'
  | 'too_many_decimals'
  | 'savings_over_total'
  | 'bad_date'
  | 'future_date'

export interface RejectedRow {
  row: number
  idNumber: string
  reasons: RejectReason[]
  /** The first row with the same ID number, for 'duplicate_id'. */
  firstRow?: number
}

export interface AcceptedRow {
  row: number
  clientId: string
  savingsFen: number
  totalAssetsFen: number
  asOf: BusinessDate
}

export type BalanceFileCheck = { ok: false; missingColumns: BalanceColumn[] } | { ok: true; accepted: AcceptedRow[]; rejected: RejectedRow[]; blankRows: number }

export interface ClientOnFile {
  id: string
  idNumber: string
  name: string
}

/** A grid of cell texts, the header first, as the CSV or Excel reader gives it. */
export type CellGrid = readonly (readonly string[])[]

/** Where each column sits in the header row; columns not found are missing. */
export function locateColumns(header: readonly string[]): { at: Partial<Record<BalanceColumn, number>>; missing: BalanceColumn[] } {
  const at: Partial<Record<BalanceColumn, number>> = {}
  header.forEach((cell, index) => {
    const name = normaliseHeader(cell)
    const column = BALANCE_COLUMNS.find((c) => at[c] === undefined && HEADER_NAMES[c].includes(name))
    if (column) at[column] = index
  })
  return { at, missing: REQUIRED_BALANCE_COLUMNS.filter((c) => at[c] === undefined) }
}

type AmountReading = { fen: number } | { problem: 'bad' | 'negative' | 'too_many_decimals' }

function readAmount(text: string): AmountReading {
  try {
    const fen = parseYuanToFen(text)
    return fen < 0 ? { problem: 'negative' } : { fen }
  } catch (err) {
    if (err instanceof MoneyParseError && err.reason === 'precision') return { problem: 'too_many_decimals' }
    return { problem: 'bad' }
  }
}

/** 2026-09-30, 2026/9/30, 2026.09.30 or 20260930 → '2026-09-30'; null when it is no calendar date. */
export function readFileDate(text: string): BusinessDate | null {
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text)
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/**
 * Checks every row of a balance file against the clients on file: rejected rows with their numbers
 * and reasons, accepted rows ready to apply. A file missing a required column is refused whole.
 */
export function checkBalanceFile(grid: CellGrid, clients: readonly ClientOnFile[], today: BusinessDate): BalanceFileCheck {
  const [header = [], ...rows] = grid
  const { at, missing } = locateColumns(header)
  if (missing.length > 0) return { ok: false, missingColumns: missing }
  const byId = new Map(clients.map((c) => [normaliseId(c.idNumber), c]))
  const firstRowOf = new Map<string, number>()
  const accepted: AcceptedRow[] = []
  const rejected: RejectedRow[] = []
  let blankRows = 0

  rows.forEach((cells, index) => {
    const row = index + 2
    const cell = (column: BalanceColumn) => (at[column] === undefined ? '' : (cells[at[column]] ?? '').trim())
    if (cells.every((c) => c.trim() === '')) return void blankRows++
    const idNumber = normaliseId(cell('idNumber'))
    const reasons: RejectReason[] = []
    let firstRow: number | undefined
    const client = byId.get(idNumber)

    if (idNumber === '') reasons.push('missing_id')
    else if (firstRowOf.has(idNumber)) {
      reasons.push('duplicate_id')
      firstRow = firstRowOf.get(idNumber)
    } else firstRowOf.set(idNumber, row)
    if (idNumber !== '' && !client) reasons.push('unknown_id')
    if (client && normaliseName(cell('name')) !== normaliseName(client.name)) reasons.push('name_mismatch')

    const savings = readAmount(cell('savings'))
    const total = readAmount(cell('totalAssets'))
    if ('problem' in savings) reasons.push(savings.problem === 'too_many_decimals' ? 'too_many_decimals' : savings.problem === 'negative' ? 'negative_savings' : 'bad_savings')
    if ('problem' in total) reasons.push(total.problem === 'too_many_decimals' ? 'too_many_decimals' : total.problem === 'negative' ? 'negative_total' : 'bad_total')
    if ('fen' in savings && 'fen' in total && savings.fen > total.fen) reasons.push('savings_over_total')

    const dateText = cell('asOf')
    const asOf = dateText === '' ? today : readFileDate(dateText)
    if (asOf === null) reasons.push('bad_date')
    else if (asOf > today) reasons.push('future_date')

    if (reasons.length > 0 || !client || !('fen' in savings) || !('fen' in total) || asOf === null) {
      rejected.push({ row, idNumber, reasons: [...new Set(reasons)], ...(firstRow === undefined ? {} : { firstRow }) })
      return
    }
    accepted.push({ row, clientId: client.id, savingsFen: savings.fen, totalAssetsFen: total.fen, asOf })
  })
  return { ok: true, accepted, rejected, blankRows }
}

/**
 * The text of a spreadsheet cell as the file shows it. Numbers become their two-decimal text when
 * they are whole fen (1234.56 is stored as 1234.5599…, which toFixed(2) reads back exactly); any
 * finer number keeps its own digits so the row is rejected rather than silently rounded. Date cells
 * (stored at UTC midnight) become 'YYYY-MM-DD'; rich text, links and formula results give their text.
 */
export function spreadsheetCellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return String(value)
    const fen = value * 100
    // Within a few units of float rounding of a whole number of fen.
    return Math.abs(fen - Math.round(fen)) <= 8 * Number.EPSILON * Math.max(1, Math.abs(fen)) ? value.toFixed(2) : String(value)
  }
  if (typeof value === 'boolean') return String(value)
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    const cell = value as { richText?: { text: string }[]; text?: unknown; result?: unknown }
    if (Array.isArray(cell.richText)) return cell.richText.map((part) => part.text).join('')
    if ('result' in cell) return spreadsheetCellText(cell.result)
    if ('text' in cell) return spreadsheetCellText(cell.text)
  }
  return ''
}

/** The downloadable template: the headers and one example row (a made-up client). */
export function balanceTemplateCsv(today: BusinessDate): string {
  const header = BALANCE_COLUMNS.map((c) => TEMPLATE_HEADERS[c]).join(',')
  return `\uFEFF${header}\r\n110105198001010011,张三,"120,000.00","350,000.00",${today}\r\n`
}
