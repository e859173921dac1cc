import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../../../shared/i18n';
import type { StrategyCard } from '../../../../../shared/strategy';
import { listStrategyCards } from '../../api';
import type { Cycle } from '../../cycles-api';
import { href } from '../../router';

type Ref = { id: string; title: string };

/**
 * The coach changes a running cycle's strategies: adds one from the menu (a debrief often points to one) or takes
 * out one added by mistake. Their "I tried it" counts follow in the picture over time.
 */
export function CycleStrategies({
  token,
  cycle,
  addStrategy,
  removeStrategy,
}: {
  token: string;
  cycle: Cycle;
  addStrategy: (strategy: Ref) => Promise<boolean>;
  removeStrategy: (strategy: Ref) => Promise<boolean>;
}) {
  const [menu, setMenu] = useState<StrategyCard[]>([]);
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    listStrategyCards(token, { limit: '100' }).then((r) => r.ok && setMenu(r.data.items));
  }, [token]);
  const others = menu.filter((s) => !cycle.strategies.some((c) => c.id === s.id));
  const act = async (run: () => Promise<boolean>) => {
    setBusy(true);
    const ok = await run();
    setBusy(false);
    return ok;
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    const strategy = others.find((s) => s.id === chosen);
    if (strategy && (await act(() => addStrategy({ id: strategy.id, title: strategy.title })))) setChosen('');
  };
  return (
    <section aria-labelledby="strategies-h">
      <h2 id="strategies-h">{t('cycle.strategies')}</h2>
      <p class="hint">{t('cycle.strategies.hint')}</p>
      {cycle.strategies.length === 0 ? (
        <p>{t('cycle.strategies.none')}</p>
      ) : (
        <ul class="plain">
          {cycle.strategies.map((s) => (
            <li key={s.id}>
              <a href={href({ name: 'strategy', id: s.id })}>{s.title}</a>{' '}
              <button
                type="button"
                class="secondary"
                disabled={busy}
                aria-label={t('cycle.strategies.remove.named', { title: s.title })}
                onClick={() => act(() => removeStrategy(s))}
              >
                {t('cycle.strategies.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <form onSubmit={submit} noValidate>
          <label for="cycle-strategy-add">{t('cycle.strategies.add')}</label>
          <select
            id="cycle-strategy-add"
            value={chosen}
            onChange={(e) => setChosen((e.target as HTMLSelectElement).value)}
          >
            <option value="">{t('cycle.strategies.choose')}</option>
            {others.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>{' '}
          <button type="submit" class="secondary" disabled={busy || !chosen}>
            {t('cycle.strategies.add.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
