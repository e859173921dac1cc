import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STORE_DIR, STORE_SHOTS, STORE_SIZE } from '../../../scripts/store-screenshots';

/** A PNG's size and color type from its IHDR chunk (color type 2: RGB without alpha; 6: RGBA). */
function pngHeader(path: string) {
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return {
    width: bytes.readUInt32BE(16),
    height: bytes.readUInt32BE(20),
    bitDepth: bytes.readUInt8(24),
    colorType: bytes.readUInt8(25),
  };
}

describe('the extension store screenshots (npm run screenshots)', () => {
  it.each(STORE_SHOTS)(
    'when %s is committed, then it is a 1280×800 24-bit PNG without alpha, shown in docs/extension.md',
    (name) => {
      const path = `${STORE_DIR}/${name}`;
      expect(existsSync(path), `${path} is missing: run npm run build && npm run screenshots`).toBe(true);
      expect(pngHeader(path)).toEqual({ ...STORE_SIZE, bitDepth: 8, colorType: 2 });
      expect(readFileSync('docs/extension.md', 'utf8')).toContain(`](images/store/${name})`);
    },
  );

  it('when the store size is asked, then it is the Chrome Web Store one', () => {
    expect(STORE_SIZE).toEqual({ width: 1280, height: 800 });
  });
});
