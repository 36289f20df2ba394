import { describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { readSpreadsheet, UnreadableFileError } from '@/views/wealth/book/readSpreadsheet'

const HEADER = ['证件号码', '客户姓名', '储蓄存款余额', '金融资产总额', '数据日期']

describe('reading a balance file', () => {
  it('reads a CSV with its blank lines kept, so row numbers match the file, and drops the final newline', async () => {
    const csv = '\uFEFF证件号码,客户姓名,储蓄存款余额,金融资产总额,数据日期\r\n330106198502143318,欧阳娜,"320,000.50",650000,\r\n\r\n11010519491231002X,李建国,1,1,2026/9/30\r\n'
    expect(await readSpreadsheet(new File([csv], 'balances.csv', { type: 'text/csv' }))).toEqual([
      HEADER,
      ['330106198502143318', '欧阳娜', '320,000.50', '650000', ''],
      [''],
      ['11010519491231002X', '李建国', '1', '1', '2026/9/30'],
    ])
  })

  it('reads a GBK-encoded CSV, as older core-banking exports write them', async () => {
    // "证件号码,姓名" in GBK.
    const gbk = new Uint8Array([0xd6, 0xa4, 0xbc, 0xfe, 0xba, 0xc5, 0xc2, 0xeb, 0x2c, 0xd0, 0xd5, 0xc3, 0xfb, 0x0d, 0x0a])
    expect(await readSpreadsheet(new File([gbk], 'balances.csv'))).toEqual([['证件号码', '姓名']])
  })

  it('reads the first sheet of an Excel file: numbers as exact two-decimal text, dates as dates', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('余额')
    sheet.addRow(HEADER)
    sheet.addRow(['330106198502143318', '欧阳娜', 123456.78, 234567.89, new Date(Date.UTC(2026, 8, 30))])
    sheet.addRow(['11010519491231002X', '李建国', 1234.567, 5000, null])
    const bytes = await workbook.xlsx.writeBuffer()
    const file = new File([bytes], 'balances.xlsx')
    expect(await readSpreadsheet(file)).toEqual([
      HEADER,
      ['330106198502143318', '欧阳娜', '123456.78', '234567.89', '2026-09-30'],
      ['11010519491231002X', '李建国', '1234.567', '5000.00'], // an empty last cell is no cell: the check reads it as ''
    ])
  })

  it('says a file that is no spreadsheet cannot be read', async () => {
    await expect(readSpreadsheet(new File([new Uint8Array([1, 2, 3])], 'balances.xlsx'))).rejects.toBeInstanceOf(UnreadableFileError)
  })
})
