import type { Database } from '../../../lti-server/src/db/schema';

export type StrategyRowInput = Omit<Database['strategies'], 'tenant_id'>;

/**
 * A strategies row for tests that insert straight into the table (search tests): an approved, unmerged strategy with
 * the given id, network, contributor, search text and creation time; `over` changes anything else.
 */
export function strategyRow(
  fields: { id: string; network: string; contributor: string; text: string; createdAt: string },
  over: Partial<StrategyRowInput> = {},
): StrategyRowInput {
  return {
    id: fields.id,
    network_id: fields.network,
    contributor_id: fields.contributor,
    client_id: null,
    title: fields.id,
    purpose: 'x',
    steps: '[]',
    minutes: 5,
    subject: 'Any',
    grade_band: 'Any',
    tags: '[]',
    source_url: null,
    source_title: null,
    excerpt_html: null,
    status: 'approved',
    change_message: null,
    change_requested_at: null,
    merged_into_id: null,
    dup_key: fields.id,
    search_text: fields.text,
    created_at: fields.createdAt,
    updated_at: fields.createdAt,
    ...over,
  };
}
