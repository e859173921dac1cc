import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, type IcsEvent } from '../../../shared/ics';

const base: IcsEvent = {
  uid: 'visit-42@tasting-menu.example',
  sequence: 0,
  start: '2026-11-25T14:00:00Z',
  end: '2026-11-25T14:10:00Z',
  stamp: '2026-11-20T09:30:15Z',
  summary: 'Sampling visit: Think-pair-share',
  description: 'Bring a notebook',
  location: 'Room 114',
  url: 'https://tasting-menu.example/visits/42',
  status: 'CONFIRMED',
};

/** Parses with the independent ical.js parser and returns the calendar and its events. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
  return { calendar, events };
}

/** Physical lines, without the final empty string after the last CRLF. */
const physicalLines = (text: string) => text.split('\r\n').slice(0, -1);

/** Unfolds per RFC 5545 §3.1: a CRLF followed by one space or tab is removed. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

describe('buildCalendar', () => {
  it('when a confirmed event is built, then ical.js reads back its uid, sequence, UTC times, summary and location', () => {
    const { calendar, events } = parse(buildCalendar([{ ...base, sequence: 3 }], { name: 'My visits' }));
    expect(events).toHaveLength(1);
    const event = events[0]!;
    expect(event.uid).toBe(base.uid);
    expect(event.sequence).toBe(3);
    expect(event.startDate.zone.tzid).toBe('UTC');
    expect(event.endDate.zone.tzid).toBe('UTC');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-11-25T14:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-11-25T14:10:00.000Z');
    expect(event.summary).toBe(base.summary);
    expect(event.location).toBe('Room 114');
    expect(event.description).toBe('Bring a notebook');
    const vevent = event.component;
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(vevent.getFirstPropertyValue('url')).toBe(base.url);
    expect(String(vevent.getFirstPropertyValue('dtstamp'))).toBe('2026-11-20T09:30:15Z');
    expect(String(vevent.getFirstPropertyValue('last-modified'))).toBe('2026-11-20T09:30:15Z');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Tasting Menu//Sampling visits//EN');
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('My visits');
  });

  it('when the times are written, then they are in UTC form such as 20261125T140000Z', () => {
    const lines = physicalLines(
      buildCalendar([{ ...base, start: '2026-11-25T09:00:00-05:00', end: '2026-11-25T14:10:30.999Z' }], {
        name: 'x',
      }),
    );
    expect(lines).toContain('DTSTART:20261125T140000Z');
    expect(lines).toContain('DTEND:20261125T141030Z');
    expect(lines).toContain('DTSTAMP:20261120T093015Z');
    expect(lines).toContain('LAST-MODIFIED:20261120T093015Z');
  });

  it('when text has commas, semicolons, backslashes, newlines and non-ASCII, then it is escaped and round-trips', () => {
    const description = 'Chloé’s class; bring pens, paper \\ notes.\nSecond line\r\nThird 🎉 line';
    const summary = 'Visit: Chloé, Zoë; 📚';
    const location = 'Bâtiment B, salle 2; étage 1';
    const text = buildCalendar([{ ...base, summary, description, location }], { name: 'Chloé, visits; 🍽️' });
    const event = parse(text).events[0]!;
    expect(event.description).toBe('Chloé’s class; bring pens, paper \\ notes.\nSecond line\nThird 🎉 line');
    expect(event.summary).toBe(summary);
    expect(event.location).toBe(location);
    const unfolded = physicalLines(unfold(text));
    // X-WR-CALNAME is TEXT for Apple and Google Calendar; ical.js leaves unknown X- values unescaped, so the
    // raw line is checked.
    expect(unfolded).toContain('X-WR-CALNAME:Chloé\\, visits\\; 🍽️');
    expect(unfolded).toContain('SUMMARY:Visit: Chloé\\, Zoë\\; 📚');
    expect(unfolded).toContain(
      'DESCRIPTION:Chloé’s class\\; bring pens\\, paper \\\\ notes.\\nSecond line\\nThird 🎉 line',
    );
  });

  it('when a description is long, then every line is at most 75 octets and unfolds to the original', () => {
    const description = `${'Observe how students turn and talk. '.repeat(12)}End.`;
    const text = buildCalendar([{ ...base, description }], { name: 'Feed' });
    const lines = physicalLines(text);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
    const folded = lines.filter((line) => line.startsWith(' '));
    expect(folded.length).toBeGreaterThan(4);
    expect(physicalLines(unfold(text))).toContain(`DESCRIPTION:${description}`);
    expect(parse(text).events[0]!.description).toBe(description);
  });

  it('when multi-byte characters fall on a fold boundary, then no character is split across lines', () => {
    // Shifting the text by 0–3 ASCII characters puts every byte of 2-, 3- and 4-octet characters on the boundary.
    for (let shift = 0; shift < 4; shift++) {
      const description = `${'x'.repeat(shift)}${'é€🎉'.repeat(30)}`;
      const text = buildCalendar([{ ...base, description }], { name: 'Feed' });
      for (const line of physicalLines(text)) {
        expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
        // A split surrogate pair would not survive encoding to UTF-8 and back.
        expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
      }
      expect(physicalLines(unfold(text))).toContain(`DESCRIPTION:${description}`);
      expect(parse(text).events[0]!.description).toBe(description);
    }
  });

  it('when a line is exactly 75 octets, then it is not folded; at 76 it is', () => {
    const fits = physicalLines(
      buildCalendar([{ ...base, summary: 'a'.repeat(75 - 'SUMMARY:'.length) }], { name: 'x' }),
    );
    expect(fits).toContain(`SUMMARY:${'a'.repeat(67)}`);
    const over = physicalLines(buildCalendar([{ ...base, summary: 'a'.repeat(68) }], { name: 'x' }));
    const at = over.indexOf(`SUMMARY:${'a'.repeat(67)}`);
    expect(at).toBeGreaterThan(0);
    expect(over[at + 1]).toBe(' a');
  });

  it('when a visit is cancelled, then its event keeps the UID with a higher SEQUENCE and STATUS:CANCELLED', () => {
    const confirmed = parse(buildCalendar([base], { name: 'x' })).events[0]!;
    const cancelledText = buildCalendar([{ ...base, sequence: 1, status: 'CANCELLED' }], {
      name: 'x',
      method: 'CANCEL',
    });
    const { calendar, events } = parse(cancelledText);
    const cancelled = events[0]!;
    expect(cancelled.uid).toBe(confirmed.uid);
    expect(cancelled.sequence).toBeGreaterThan(confirmed.sequence);
    expect(cancelled.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(physicalLines(cancelledText)).toContain('STATUS:CANCELLED');
  });

  it('when a feed is published, then it asks calendar apps to refresh it hourly (RFC 7986 and X-PUBLISHED-TTL)', () => {
    const text = buildCalendar([base], { name: 'Tasting Menu visits' });
    const { calendar } = parse(text);
    const refresh = calendar.getFirstProperty('refresh-interval')!;
    // ical.js reads VALUE=DURATION as the property's type, and the value as a duration of one hour.
    expect(refresh.type).toBe('duration');
    expect((refresh.getFirstValue() as ICAL.Duration).toSeconds()).toBe(3600);
    expect(physicalLines(text)).toContain('X-PUBLISHED-TTL:PT1H');
    // Calendar properties come before the first event.
    expect(text.indexOf('REFRESH-INTERVAL')).toBeLessThan(text.indexOf('BEGIN:VEVENT'));
    // A cancellation file is not a feed: no refresh hint.
    const cancel = buildCalendar([{ ...base, sequence: 1, status: 'CANCELLED' }], {
      name: 'x',
      method: 'CANCEL',
    });
    expect(cancel).not.toMatch(/REFRESH-INTERVAL|X-PUBLISHED-TTL/);
  });

  it('when CANCEL is asked for anything but one cancelled event, then it throws', () => {
    expect(() => buildCalendar([base], { name: 'x', method: 'CANCEL' })).toThrow(/CANCEL/);
    expect(() => buildCalendar([], { name: 'x', method: 'CANCEL' })).toThrow(/CANCEL/);
  });

  it('when a calendar is built, then every line ends with CRLF and nothing follows END:VCALENDAR', () => {
    const text = buildCalendar([base, { ...base, uid: 'visit-43@tasting-menu.example' }], { name: 'Feed' });
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    expect(physicalLines(text).every((line) => line.length > 0)).toBe(true);
    expect(parse(text).events.map((e) => e.uid)).toEqual([base.uid, 'visit-43@tasting-menu.example']);
  });

  it('when optional fields are null or absent, then their properties are left out', () => {
    const text = buildCalendar([{ ...base, description: null, location: undefined, url: null }], {
      name: 'x',
    });
    const lines = physicalLines(text);
    expect(lines.some((l) => /^(DESCRIPTION|LOCATION|URL)[:;]/.test(l))).toBe(false);
    expect(parse(text).events[0]!.summary).toBe(base.summary);
  });

  it('when the feed has no events, then it is still a valid calendar with its header', () => {
    const text = buildCalendar([], { name: 'Empty feed' });
    expect(physicalLines(text)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Tasting Menu//Sampling visits//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:Empty feed',
      'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
      'X-PUBLISHED-TTL:PT1H',
      'END:VCALENDAR',
    ]);
    const { calendar, events } = parse(text);
    expect(calendar.name).toBe('vcalendar');
    expect(events).toHaveLength(0);
  });

  it('when an instant is malformed, then it throws an Error naming the field', () => {
    expect(() => buildCalendar([{ ...base, start: 'tomorrow' }], { name: 'x' })).toThrow(/start/);
    expect(() => buildCalendar([{ ...base, end: '2026-02-30T10:00:00Z' }], { name: 'x' })).toThrow(/end/);
    expect(() => buildCalendar([{ ...base, stamp: '2026-11-25 14:00' }], { name: 'x' })).toThrow(/stamp/);
    expect(() => buildCalendar([{ ...base, start: '2026-11-25T14:00:00' }], { name: 'x' })).toThrow(/start/);
    expect(() => buildCalendar([{ ...base, start: '2026-11-25T25:00:00Z' }], { name: 'x' })).toThrow(/start/);
  });

  it('when the end is not after the start, then it throws naming end', () => {
    expect(() => buildCalendar([{ ...base, end: base.start }], { name: 'x' })).toThrow(/end/);
  });

  it('when the sequence, uid, url or text is unusable, then it throws naming the field', () => {
    expect(() => buildCalendar([{ ...base, sequence: -1 }], { name: 'x' })).toThrow(/sequence/);
    expect(() => buildCalendar([{ ...base, sequence: 1.5 }], { name: 'x' })).toThrow(/sequence/);
    expect(() => buildCalendar([{ ...base, uid: '' }], { name: 'x' })).toThrow(/uid/);
    expect(() => buildCalendar([{ ...base, url: 'https://x.example/a b' }], { name: 'x' })).toThrow(/url/);
    expect(() => buildCalendar([{ ...base, url: 'https://x.example/\r\nX:1' }], { name: 'x' })).toThrow(
      /url/,
    );
    expect(() => buildCalendar([{ ...base, summary: 'bell\u0007' }], { name: 'x' })).toThrow(/summary/);
  });
});
