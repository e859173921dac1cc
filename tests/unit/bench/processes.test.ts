import { describe, expect, it } from 'vitest';
import { parseVmRssKb } from '../../bench/processes';

// The lines around VmRSS as Linux writes them in /proc/<pid>/status (tabs after the colon, the value right-aligned).
const STATUS = [
  'Name:\tnode',
  'State:\tS (sleeping)',
  'Pid:\t4242',
  'VmPeak:\t 1234567 kB',
  'VmHWM:\t  345678 kB',
  'VmRSS:\t  204800 kB',
  'RssAnon:\t  150000 kB',
  'Threads:\t11',
  '',
].join('\n');

describe('the bench server processes', () => {
  it('when a process status names its resident memory, then VmRSS is read in kB, not the peak or a part of it', () => {
    expect(parseVmRssKb(STATUS)).toBe(204_800);
  });

  it('when a status has no VmRSS line (a kernel thread, a zombie), then there is no figure', () => {
    expect(parseVmRssKb(STATUS.replace(/^VmRSS:.*$/m, ''))).toBeUndefined();
    expect(parseVmRssKb('')).toBeUndefined();
  });
});
