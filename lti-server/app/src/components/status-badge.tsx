import { type MessageKey, t } from '../../../../shared/i18n';
import type { Strategy } from '../../../../shared/strategy';

const LABELS: Record<Strategy['displayStatus'], MessageKey> = {
  pending: 'status.pending',
  'needs-changes': 'status.needs-changes',
  approved: 'status.approved',
  featured: 'status.featured',
  retired: 'status.retired',
  merged: 'status.merged',
};

export function StatusBadge({ status }: { status: Strategy['displayStatus'] }) {
  return <span class={`badge badge-${status}`}>{t(LABELS[status])}</span>;
}
