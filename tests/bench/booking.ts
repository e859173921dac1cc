import { launchAs } from '../support/server/api-client';
import { colleaguesOf, daysFromNow } from '../support/server/colleagues';
import { createTestDatabase, type TestDbKind } from '../support/server/test-database';
import { startTestServer } from '../support/server/test-server';
import { type Figure, percentile, timeMs } from './report';

/**
 * Booking under load: `visitors` teachers race for the seats of `doors` open doors (5 seats each), `concurrency`
 * requests in flight at a time, spread over two server instances on one database (PostgreSQL) or one instance
 * (SQLite, one process per school). Prints throughput, latency against a plain read of a door measured in the same
 * run, and the two numbers that must hold: seats taken = seats offered, overbooked doors = 0.
 */
export async function bookingFigures(
  kind: TestDbKind,
  doors: number,
  visitors: number,
  concurrency: number,
): Promise<Figure[]> {
  const database = await createTestDatabase(kind);
  const servers = await Promise.all(
    (kind === 'postgres' ? [1, 2] : [1]).map(() => startTestServer({ database })),
  );
  try {
    const primary = servers[0]!;
    const host = await launchAs(primary, 'sandbox-ana-rivera');
    const coach = await launchAs(primary, 'sandbox-dana-kim');
    const strategy = await host.post('/api/strategies', {
      title: 'Bench strategy',
      purpose: 'Seats to race for.',
      steps: ['One'],
      minutes: 5,
      subject: 'Any',
      gradeBand: 'Any',
    });
    await coach.post(`/api/strategies/${strategy.body.id}/curation`, { action: 'approve' });
    const opened = await host.post('/api/doors', {
      strategyId: strategy.body.id,
      date: daysFromNow(3),
      start: '09:00',
      timeZone: 'UTC',
      location: 'Room 1',
      capacity: 5,
      repeatWeeks: doors,
    });
    const doorIds = (opened.body.items as Array<{ id: string }>).map((d) => d.id);
    const people = await colleaguesOf(primary, host, visitors, 'Bench teacher');
    const clients = people.map((c, i) => ({ ...c, server: servers[i % servers.length]! }));

    const bookMs: number[] = [];
    const readMs: number[] = [];
    const statuses: number[] = [];
    const started = performance.now();
    // Each visitor tries every door once, in a shifted order so every door is contended from the start.
    const jobs = clients.flatMap((c, i) =>
      doorIds.map((_, k) => ({ c, doorId: doorIds[(i + k) % doorIds.length]! })),
    );
    for (let i = 0; i < jobs.length; i += concurrency) {
      await Promise.all(
        jobs.slice(i, i + concurrency).map(async ({ c, doorId }) => {
          let status = 0;
          bookMs.push(
            await timeMs(async () => {
              status = (
                await fetch(`${c.server.url}/api/visits`, {
                  method: 'POST',
                  headers: { authorization: `Bearer ${c.token}`, 'content-type': 'application/json' },
                  body: JSON.stringify({ doorId }),
                })
              ).status;
            }),
          );
          statuses.push(status);
        }),
      );
    }
    const seconds = (performance.now() - started) / 1000;
    for (let i = 0; i < Math.min(jobs.length, 500); i += concurrency) {
      await Promise.all(
        jobs.slice(i, i + concurrency).map(async ({ c, doorId }) => {
          readMs.push(await timeMs(() => c.get(`/api/doors/${doorId}`)));
        }),
      );
    }
    const rows = await primary.database.db.selectFrom('doors').select(['booked', 'capacity']).execute();
    const booked = statuses.filter((s) => s === 201).length;
    const label = `booking.${kind}${servers.length > 1 ? '.two_instances' : ''}`;
    return [
      {
        name: `${label}.requests_per_s`,
        value: statuses.length / seconds,
        unit: `req/s (${statuses.length} requests)`,
      },
      {
        name: `${label}.p95_ms`,
        value: percentile(bookMs, 95),
        unit: 'ms',
        baseline: { label: 'reading a door', value: percentile(readMs, 95) },
      },
      {
        name: `${label}.seats_taken`,
        value: booked,
        unit: `bookings (must be ${Math.min(doors * 5, visitors * doors)})`,
      },
      {
        name: `${label}.overbooked_doors`,
        value: rows.filter((r) => r.booked > r.capacity).length,
        unit: 'doors (must be 0)',
      },
      {
        name: `${label}.unexpected_answers`,
        value: statuses.filter((s) => s !== 201 && s !== 409).length,
        unit: 'answers other than 201/409 (must be 0)',
      },
    ];
  } finally {
    for (const s of servers) await s.close();
    await database.drop();
  }
}
