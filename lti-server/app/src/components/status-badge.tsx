import type { Strategy } from '../../../../shared/strategy';

const LABELS: Record<Strategy['displayStatus'], string> = {
  pending: 'Waiting for a coach',
  'needs-changes': 'Needs changes',
  approved: 'On the menu',
  featured: 'Featured',
  retired: 'Retired',
  merged: 'Merged',
};

export function StatusBadge({ status }: { status: Strategy['displayStatus'] }) {
  return <span class={`badge badge-${status}`}>{LABELS[status]}</span>;
}
