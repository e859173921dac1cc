import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { uiLocale } from '../lib/i18n';

/** The frame shared by the popup, the options page and the clip form; the page says which language it speaks. */
export function Shell({ title, children }: { title: string; children: ComponentChildren }) {
  useEffect(() => {
    document.documentElement.lang = uiLocale();
  }, []);
  return (
    <main class="shell">
      <header>
        <img src="/icon/32.png" alt="" width={24} height={24} />
        <h1>{title}</h1>
      </header>
      {children}
    </main>
  );
}
