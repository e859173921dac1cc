import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { OptionsApp } from '../../../extension/entrypoints/options/options-app';
import { handleMessage } from '../../../extension/lib/handle-message';
import { readSpanish } from '../../support/browser/spanish-extension';

afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

const settings = (serverUrl: string | null) => ({ ok: true, value: { serverUrl, defaultTags: [] } });
const addressField = () =>
  screen.findByLabelText("Your school's Tasting Menu address") as Promise<HTMLInputElement>;

/** A background whose answer to settings/get the test releases; other requests get a plain refusal. */
function slowBackground() {
  let release: () => void = () => {};
  const arrived = new Promise<void>((resolve) => {
    release = resolve;
  });
  browser.runtime.onMessage.addListener(async (message: unknown) => {
    if ((message as { type: string }).type !== 'settings/get')
      return { ok: false, error: 'not in this test' };
    await arrived;
    return settings(null);
  });
  return release;
}

describe('the options page', () => {
  it('when the teacher types an address before the saved one arrives, then what they typed is kept', async () => {
    const release = slowBackground();
    render(<OptionsApp />);
    const field = await addressField();
    fireEvent.input(field, { target: { value: 'https://tm.springfield.example' } });
    release();
    await new Promise((r) => setTimeout(r, 50));
    expect(field.value).toBe('https://tm.springfield.example');
  });

  it('when nothing was typed, then the saved address fills the field', async () => {
    const release = slowBackground();
    render(<OptionsApp />);
    const field = await addressField();
    release();
    await waitFor(() => expect(field.value).toBe('http://localhost:3000'));
  });
});

describe('saving the server address', () => {
  it('when the teacher types localhost:3000 without a scheme, then http://localhost:3000 is saved and shown', async () => {
    const saved: string[] = [];
    browser.runtime.onMessage.addListener(async (message: unknown) => {
      const m = message as { type: string; serverUrl?: string };
      if (m.type === 'settings/get') return settings(null);
      if (m.type === 'settings/set-server') {
        saved.push(m.serverUrl!);
        return settings(m.serverUrl!);
      }
      if (m.type === 'server/check')
        return { ok: true, value: { state: 'unreachable', serverUrl: saved[0], message: 'Not running.' } };
      return { ok: false, error: 'not in this test' };
    });
    render(<OptionsApp />);
    const field = await addressField();
    await waitFor(() => expect(field.value).toBe('http://localhost:3000'));
    fireEvent.input(field, { target: { value: 'localhost:3000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save and check' }));
    await waitFor(() => expect(saved).toEqual(['http://localhost:3000']));
    await waitFor(() => expect(field.value).toBe('http://localhost:3000'));
    expect(screen.queryByText(/not a web address/)).toBeNull();
  });
});

describe('the privacy link', () => {
  it('when the options open, then they link to the privacy page of the server the extension talks to', async () => {
    browser.runtime.onMessage.addListener(async (message: unknown) =>
      (message as { type: string }).type === 'settings/get'
        ? settings('https://tm.lincoln-high.org')
        : { ok: false, error: 'not in this test' },
    );
    render(<OptionsApp />);
    const link = await screen.findByRole('link', {
      name: 'What Tasting Menu stores, for how long, and who can read it',
    });
    await waitFor(() => expect(link.getAttribute('href')).toBe('https://tm.lincoln-high.org/privacy'));
  });
});

describe('the server address check in Spanish', () => {
  it('when a Spanish-speaking teacher types what is not a web address, then the Options page says why in Spanish', async () => {
    readSpanish();
    browser.runtime.onMessage.addListener(async (message: unknown) =>
      (message as { type: string }).type === 'settings/get'
        ? settings(null)
        : { ok: false, error: 'not in this test' },
    );
    render(<OptionsApp />);
    const field = (await screen.findByLabelText(
      'La dirección de Tasting Menu de tu escuela',
    )) as HTMLInputElement;
    await waitFor(() => expect(field.value).toBe('http://localhost:3000'));
    fireEvent.input(field, { target: { value: 'http://tm.lincoln-high.org' } });
    fireEvent.click(screen.getByRole('button', { name: 'Guardar y comprobar' }));
    const said = await screen.findByText(
      'Usa https:// para el servidor de una escuela; http:// es solo para un servidor en este equipo.',
    );
    expect(field.getAttribute('aria-describedby')).toContain(said.id);
    fireEvent.input(field, { target: { value: 'tasting menu' } });
    fireEvent.click(screen.getByRole('button', { name: 'Guardar y comprobar' }));
    expect(
      await screen.findByText(
        'Eso no es una dirección web. Una dirección se ve así: https://tasting-menu.tu-escuela.org',
      ),
    ).toBeTruthy();
  });

  it('when the background is asked to store a school address over http://, then it refuses in Spanish', async () => {
    readSpanish();
    expect(await handleMessage({ type: 'settings/set-server', serverUrl: 'http://tm.example.org' })).toEqual({
      ok: false,
      error: 'Usa https:// para el servidor de una escuela; http:// es solo para un servidor en este equipo.',
    });
    expect(await handleMessage({ type: 'settings/set-server', serverUrl: '  ' })).toEqual({
      ok: false,
      error: 'Escribe la dirección de tu servidor de Tasting Menu.',
    });
  });
});
