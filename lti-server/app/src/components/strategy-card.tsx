import { t } from '../../../../shared/i18n';
import type { StrategyCard as Card } from '../../../../shared/strategy';
import { href } from '../router';
import { StatusBadge } from './status-badge';

/** A strategy in a list right under the view's title (the menu, My clips, the review queue): its title is an h2. */
export function StrategyCard({ strategy, showStatus }: { strategy: Card; showStatus: boolean }) {
  return (
    <li class="strategy-card">
      <h2>
        <a href={href({ name: 'strategy', id: strategy.id })}>{strategy.title}</a>
      </h2>
      <p>{strategy.purpose}</p>
      <p class="meta">
        <span>{t('strategy.minutes-short', { count: strategy.minutes })}</span>
        <span>{strategy.subject}</span>
        <span>{t('strategy.grades', { band: strategy.gradeBand })}</span>
        {(showStatus || strategy.status === 'featured') && <StatusBadge status={strategy.displayStatus} />}
      </p>
      {strategy.tags.length > 0 && (
        <ul class="tags" aria-label={t('strategy.tags')}>
          {strategy.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      )}
    </li>
  );
}
