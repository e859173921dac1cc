import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../shared/csv';

describe('CSV', () => {
  it('when a cell has commas, quotes or newlines, then it is quoted and quotes are doubled', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('one\ntwo')).toBe('"one\ntwo"');
  });

  it('when a cell starts like a formula, then it is defused with an apostrophe', () => {
    for (const v of ['=1+1', '+1', '-1', '@SUM(A1)']) expect(csvCell(v).startsWith("'")).toBe(true);
  });

  it('when rows are written, then the document starts with a UTF-8 BOM and lines end with CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, null]])).toBe('\ufeffa,b\r\n1,\r\n');
  });

  it('when a CSV with accents is encoded, then its first bytes are the UTF-8 BOM, so Excel reads Chloé, not ChloÃ©', () => {
    const bytes = new TextEncoder().encode(toCsv(['name'], [['Chloé']]));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toBe('name\r\nChloé\r\n');
  });
});
