import jsQR from 'jsqr';
import type { Locator, Page } from 'playwright-core';
import type { BrowserSession } from './browser';

/**
 * Reads a QR code the page shows, as a phone's camera would: the image's own pixels, drawn on a canvas in the page,
 * decoded with jsQR (a decoder we did not write).
 */
export async function decodeQr(image: Locator): Promise<string> {
  await image.waitFor();
  const pixels = await image.evaluate(async (img: HTMLImageElement) => {
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(img, 0, 0);
    const data = context.getImageData(0, 0, canvas.width, canvas.height);
    return { width: data.width, height: data.height, data: Array.from(data.data) };
  });
  const code = jsQR(Uint8ClampedArray.from(pixels.data), pixels.width, pixels.height);
  if (!code) throw new Error('The QR code could not be read');
  return code.data;
}

/**
 * A host's door sign in a top-level tab (a printout of the LMS frame would be the frame alone), opened the way the
 * app gets there: the menu, then Open doors, then the door's sign.
 */
export async function openDoorSign(
  browser: BrowserSession,
  serverUrl: string,
  hostToken: string,
  doorId: string,
): Promise<Page> {
  const host = await browser.context.newPage();
  await host.goto(`${serverUrl}/app/#session=${hostToken}`);
  await host.getByRole('heading', { name: 'The menu' }).waitFor();
  await host.evaluate(() => {
    window.location.hash = '#/doors';
  });
  await host.getByRole('heading', { name: /Open doors/ }).waitFor();
  await host.evaluate((id) => {
    window.location.hash = `#/doors/${id}/sign`;
  }, doorId);
  await host.getByRole('heading', { name: 'Door sign' }).waitFor();
  return host;
}
