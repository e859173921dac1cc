/**
 * RFC 4180 CSV with protection against formula injection: a cell that a spreadsheet would read as a formula
 * (starting with =, +, -, @, tab or carriage return) is prefixed with an apostrophe.
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The UTF-8 byte order mark: without it Excel opens a CSV as the local code page and mangles accents ("JosÃ©"). */
export const CSV_BOM = '\ufeff';

/** A CSV document: the BOM, the header and the rows, each line ended with CRLF. */
export function toCsv(header: string[], rows: Array<Array<string | number | null | undefined>>): string {
  return `${CSV_BOM}${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
