// @vitest-environment node
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { uploadStrategy } from '../../../extension/lib/server-api';
import { checkServer } from '../../../extension/lib/server-status';
import { readSpanish } from '../../support/browser/spanish-extension';

let server: Server | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

async function serve(status: number, body: string): Promise<string> {
  server = createServer((_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body);
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('checkServer', () => {
  it('when /healthz answers as Tasting Menu, then it is connected with the version', async () => {
    const url = await serve(200, JSON.stringify({ status: 'ok', service: 'tasting-menu', version: '9.9.9' }));
    expect(await checkServer(url)).toEqual({ state: 'connected', serverUrl: url, version: '9.9.9' });
  });

  it('when something else answers, then it says so', async () => {
    const url = await serve(200, JSON.stringify({ hello: 'world' }));
    expect(await checkServer(url)).toMatchObject({
      state: 'unreachable',
      message: expect.stringContaining('not a Tasting Menu server'),
    });
  });

  it('when the server fails, then the status code is in the message', async () => {
    const url = await serve(500, '{}');
    expect(await checkServer(url)).toMatchObject({
      state: 'unreachable',
      message: expect.stringContaining('500'),
    });
  });

  it('when nothing listens, then it cannot reach the server', async () => {
    const url = await serve(200, '{}');
    await new Promise<void>((r) => server!.close(() => r()));
    server = undefined;
    expect(await checkServer(url)).toMatchObject({
      state: 'unreachable',
      message: expect.stringContaining("Can't reach"),
    });
  });

  it('when the server does not answer in time, then it says so', async () => {
    server = createServer(() => {});
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    expect(await checkServer(url, fetch, 200)).toMatchObject({
      state: 'unreachable',
      message: expect.stringContaining('in time'),
    });
    server.closeAllConnections();
  });
});

describe('what the extension says about the server, in Spanish', () => {
  it('when the browser reads Spanish and the server fails or is not Tasting Menu, then the status says so in Spanish', async () => {
    readSpanish();
    const failing = await serve(500, '{}');
    expect(await checkServer(failing)).toEqual({
      state: 'unreachable',
      serverUrl: failing,
      message: 'El servidor respondió 500. Revisa la dirección en Opciones.',
    });
    await new Promise<void>((r) => server!.close(() => r()));
    const other = await serve(200, '{}');
    expect(await checkServer(other)).toMatchObject({
      message:
        'Algo responde en esta dirección, pero no es un servidor de Tasting Menu. Revisa la dirección en Opciones.',
    });
  });

  it('when the browser reads Spanish and an upload is refused as unpaired or cannot be sent, then it says so in Spanish', async () => {
    readSpanish();
    const unpaired = await serve(401, '{}');
    expect(await uploadStrategy(unpaired, 'token', {})).toEqual({
      kind: 'auth',
      message:
        'Este navegador ya no está vinculado. Vuelve a vincularlo en Opciones; tus recortes se conservan.',
    });
    await new Promise<void>((r) => server!.close(() => r()));
    server = undefined;
    expect(await uploadStrategy(unpaired, 'token', {})).toEqual({
      kind: 'retry',
      message: 'No se puede conectar con el servidor; el recorte se enviará cuando vuelva.',
    });
  });
});
