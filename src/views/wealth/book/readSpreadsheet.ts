/**
 * Reads a balance file into a grid of cell texts: CSV through papaparse, Excel (.xlsx) through
 * exceljs, each loaded only when a file of its kind is chosen. CSV exports from core banking are
 * often GBK: text that is not valid UTF-8 is read as GB18030 instead.
 */
import { spreadsheetCellText, type CellGrid } from '@/domain/wealth/balanceFile'

export class UnreadableFileError extends Error {
  constructor(cause: unknown) {
    super('The file could not be read as CSV or Excel', { cause })
    this.name = 'UnreadableFileError'
  }
}

export function isExcelFile(file: File): boolean {
  return /\.xlsx$/i.test(file.name) || file.type === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
}

/** A file's final newline is not a blank row. */
function withoutTrailingBlankRows(rows: string[][]): string[][] {
  let end = rows.length
  while (end > 0 && rows[end - 1]!.every((cell) => cell.trim() === '')) end--
  return rows.slice(0, end)
}

function decodeText(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}

async function readCsv(file: File): Promise<CellGrid> {
  const { default: Papa } = await import('papaparse')
  // Blank lines are kept so that row numbers in the report match the file.
  const parsed = Papa.parse<string[]>(decodeText(await file.arrayBuffer()).replace(/^\uFEFF/, ''), { skipEmptyLines: false })
  if (parsed.errors.some((e) => e.type === 'Quotes')) throw new UnreadableFileError(parsed.errors)
  return withoutTrailingBlankRows(parsed.data)
}

async function readExcel(file: File): Promise<CellGrid> {
  const module = await import('exceljs')
  const ExcelJS = (module as unknown as { default?: typeof module }).default ?? module
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(await file.arrayBuffer())
  const sheet = workbook.worksheets[0]
  if (!sheet) return []
  const grid: string[][] = []
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = []
    row.eachCell({ includeEmpty: true }, (cell, column) => (cells[column - 1] = spreadsheetCellText(cell.value)))
    grid[rowNumber - 1] = Array.from(cells, (c) => c ?? '')
  })
  return withoutTrailingBlankRows(Array.from(grid, (row) => row ?? []))
}

/** The file's first sheet (or the CSV) as rows of cell texts, the header first. */
export async function readSpreadsheet(file: File): Promise<CellGrid> {
  try {
    return isExcelFile(file) ? await readExcel(file) : await readCsv(file)
  } catch (err) {
    throw err instanceof UnreadableFileError ? err : new UnreadableFileError(err)
  }
}
