import { describe, expect, it } from 'vitest';
import { parseCpuTicks, parseVmRssKb } from '../../bench/processes';

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

  it('when a process stat is read, then its user and system ticks (fields 14 and 15) are added', () => {
    const stat =
      '4242 (node) S 1 4242 4242 0 -1 4194560 9000 0 3 0 1234 56 0 0 20 0 11 0 5000 1048576 51200 0';
    expect(parseCpuTicks(stat)).toBe(1290);
  });

  it('when the command name holds spaces and parentheses, then the fields are counted after its last parenthesis', () => {
    const stat =
      '4242 (node (tm) x) R 1 4242 4242 0 -1 4194560 9000 0 3 0 700 20 0 0 20 0 11 0 5000 1048576 51200 0';
    expect(parseCpuTicks(stat)).toBe(720);
  });

  it('when the text is not a stat line, then there is no figure', () => {
    expect(parseCpuTicks('')).toBeUndefined();
    expect(parseCpuTicks('4242 (node) S 1 2')).toBeUndefined();
  });
});
