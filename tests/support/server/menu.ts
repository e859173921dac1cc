import { expect } from 'vitest';
import type { ApiClient } from './api-client';

/** A strategy on the menu: `contributor` adds it and, when it waits for approval, `coach` approves it. */
export async function approvedStrategy(
  contributor: ApiClient,
  coach: ApiClient,
  over: Record<string, unknown> = {},
): Promise<string> {
  const created = await contributor.post('/api/strategies', {
    title: 'Sentence frames for academic talk',
    purpose: 'Every student can join the discussion with a frame.',
    steps: ['Post three frames', 'Model one', 'Partners use them for four minutes'],
    minutes: 10,
    subject: 'Science',
    gradeBand: '6-8',
    tags: ['discussion'],
    ...over,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  if (created.body.status === 'pending') {
    const approved = await coach.post(`/api/strategies/${created.body.id}/curation`, { action: 'approve' });
    expect(approved.status).toBe(200);
  }
  return created.body.id as string;
}
