import { describe, expect, it } from 'vitest'
import { balanceTemplateCsv, checkBalanceFile, locateColumns, readFileDate, spreadsheetCellText, type ClientOnFile } from '@/domain/wealth/balanceFile'

const TODAY = '2026-11-25'
const clients: ClientOnFile[] = [
  { id: 'c-wang', idNumber: '11010519491231002X', name: '王建国' },
  { id: 'c-ouyang', idNumber: '330106198502143318', name: '欧阳娜' },
]
const HEADER = ['证件号码', '客户姓名', '储蓄存款余额', '金融资产总额', '数据日期']

function check(...rows: string[][]) {
  const result = checkBalanceFile([HEADER, ...rows], clients, TODAY)
  if (!result.ok) throw new Error('columns missing')
  return result
}

describe('reading a balance file', () => {
  it('accepts a good row, reading amounts with thousands separators into fen', () => {
    const { accepted, rejected } = check(['11010519491231002x', '王建国', '1,234,567.89', '2,000,000', '2026-09-30'])
    expect(rejected).toEqual([])
    expect(accepted).toEqual([{ row: 2, clientId: 'c-wang', savingsFen: 123_456_789, totalAssetsFen: 200_000_000, asOf: '2026-09-30' }])
  })

  it('takes the import date when the file has no date column or the cell is empty', () => {
    const noDate = checkBalanceFile([HEADER.slice(0, 4), ['330106198502143318', '欧阳娜', '100000.00', '100000.00']], clients, TODAY)
    expect(noDate.ok && noDate.accepted[0]!.asOf).toBe(TODAY)
    expect(check(['330106198502143318', '欧阳 娜', '1.00', '1.00', '']).accepted[0]!.asOf).toBe(TODAY)
  })

  it('finds columns by English headers too, in any order', () => {
    const { at, missing } = locateColumns(['Total Assets', 'Savings', 'ID Number', 'Name'])
    expect(missing).toEqual([])
    expect(at).toEqual({ totalAssets: 0, savings: 1, idNumber: 2, name: 3 })
  })

  it('refuses a file missing a required column, naming it', () => {
    expect(checkBalanceFile([['证件号码', '客户姓名', '储蓄存款余额']], clients, TODAY)).toEqual({ ok: false, missingColumns: ['totalAssets'] })
  })

  it('rejects row by row with the spreadsheet row number and every reason', () => {
    const { accepted, rejected } = check(
      ['11010519491231002X', '王建国', '100,000.00', '200,000.00', '2026-09-30'],
      ['999999999999999999', '李四', '1.00', '1.00', ''],
      ['330106198502143318', '欧阳丽', '1.00', '1.00', ''],
      ['11010519491231002X', '王建国', '5.00', '5.00', ''],
      ['330106198502143318', '欧阳娜', '-5.00', 'abc', ''],
      ['', '', '', '', ''],
      ['330106198502143318', '欧阳娜', '300.00', '200.00', '2026-02-30'],
      ['330106198502143318', '欧阳娜', '1.234', '2.00', '2026-12-01'],
    )
    expect(accepted.map((a) => a.row)).toEqual([2])
    expect(rejected).toEqual([
      { row: 3, idNumber: '999999999999999999', reasons: ['unknown_id'] },
      { row: 4, idNumber: '330106198502143318', reasons: ['name_mismatch'] },
      { row: 5, idNumber: '11010519491231002X', reasons: ['duplicate_id'], firstRow: 2 },
      { row: 6, idNumber: '330106198502143318', reasons: ['duplicate_id', 'negative_savings', 'bad_total'], firstRow: 4 },
      { row: 8, idNumber: '330106198502143318', reasons: ['duplicate_id', 'savings_over_total', 'bad_date'], firstRow: 4 },
      { row: 9, idNumber: '330106198502143318', reasons: ['duplicate_id', 'too_many_decimals', 'future_date'], firstRow: 4 },
    ])
  })

  it('a row without an ID number is rejected as such', () => {
    expect(check(['', '王建国', '1.00', '1.00', '']).rejected[0]!.reasons).toEqual(['missing_id'])
  })
})

describe('dates in a file', () => {
  it.each([
    ['2026-09-30', '2026-09-30'],
    ['2026/9/30', '2026-09-30'],
    ['2026.09.30', '2026-09-30'],
    ['20260930', '2026-09-30'],
    ['2024-02-29', '2024-02-29'],
    ['2026-02-29', null],
    ['2026-13-01', null],
    ['30/09/2026', null],
  ])('%s → %s', (text, date) => {
    expect(readFileDate(text)).toBe(date)
  })
})

describe('Excel cells', () => {
  it('numbers that are whole fen read back exactly, never through a rounded float', () => {
    expect(spreadsheetCellText(1234.56)).toBe('1234.56')
    expect(spreadsheetCellText(0.1 + 0.2)).toBe('0.30')
    expect(spreadsheetCellText(100000)).toBe('100000.00')
    expect(spreadsheetCellText(99999.99)).toBe('99999.99')
    expect(spreadsheetCellText(123456789012.34)).toBe('123456789012.34')
  })

  it('a number finer than a fen keeps its digits, so the row is rejected rather than rounded', () => {
    expect(spreadsheetCellText(1234.567)).toBe('1234.567')
  })

  it('dates, text, rich text and formula results give their text', () => {
    expect(spreadsheetCellText(new Date(Date.UTC(2026, 8, 30)))).toBe('2026-09-30')
    expect(spreadsheetCellText(' 王建国 ')).toBe(' 王建国 ')
    expect(spreadsheetCellText({ richText: [{ text: '欧阳' }, { text: '娜' }] })).toBe('欧阳娜')
    expect(spreadsheetCellText({ formula: 'A1*2', result: 200 })).toBe('200.00')
    expect(spreadsheetCellText(null)).toBe('')
  })
})

describe('the template', () => {
  it('has the Chinese headers and reads back as a valid file', () => {
    const [header, example] = balanceTemplateCsv(TODAY).replace('\uFEFF', '').split('\r\n')
    expect(header).toBe('证件号码,客户姓名,储蓄存款余额,金融资产总额,数据日期')
    expect(example).toContain(TODAY)
  })
})
