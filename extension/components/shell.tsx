import type { ComponentChildren } from 'preact';

/** The frame shared by the popup and the options page. */
export function Shell({ title, children }: { title: string; children: ComponentChildren }) {
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
