import type { Sheet } from './figureTables'

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * An .xlsx of the sheets, header row bold and frozen, rates as percentages. exceljs is loaded only
 * here, when a person exports, so it stays out of the first screen.
 */
export async function figuresWorkbook(sheets: readonly Sheet[]): Promise<Blob> {
  const module = await import('exceljs')
  const ExcelJS = (module as unknown as { default?: typeof module }).default ?? module
  const workbook = new ExcelJS.Workbook()
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] })
    worksheet.addRow(sheet.header).font = { bold: true }
    for (const row of sheet.rows) worksheet.addRow(row)
    worksheet.columns.forEach((column, index) => {
      column.width = index === 0 ? 28 : 14
      if (sheet.rateColumns.includes(index + 1)) column.numFmt = '0.0%'
    })
  }
  return new Blob([await workbook.xlsx.writeBuffer()], { type: XLSX_TYPE })
}

/** Hands a file to the browser's download. */
export function downloadFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  URL.revokeObjectURL(url)
}
