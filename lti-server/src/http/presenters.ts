import type { Strategy } from '../../../shared/strategy';
import type { StrategyView } from '../domain/strategies';

/** Shapes a stored strategy for the API: JSON columns parsed, derived display status, no internal keys. */
export function presentStrategy({ row, contributors }: StrategyView): Strategy {
  const displayStatus = row.merged_into_id
    ? 'merged'
    : row.status === 'pending' && row.change_requested_at
      ? 'needs-changes'
      : row.status;
  return {
    id: row.id,
    title: row.title,
    purpose: row.purpose,
    steps: JSON.parse(row.steps) as string[],
    minutes: row.minutes,
    subject: row.subject,
    gradeBand: row.grade_band as Strategy['gradeBand'],
    tags: JSON.parse(row.tags) as string[],
    source: row.source_url ? { url: row.source_url, title: row.source_title } : null,
    excerptHtml: row.excerpt_html,
    contributors,
    status: row.status,
    displayStatus,
    changeRequest:
      row.change_message && row.change_requested_at
        ? { message: row.change_message, at: row.change_requested_at }
        : null,
    mergedInto: row.merged_into_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
