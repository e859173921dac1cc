import type { Router } from 'express';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
  matchers?: unknown;
  regexp?: RegExp;
}

/** Every METHOD /path the API router answers, read from Express's own routing table. */
export function routesOf(router: Router, prefix = ''): string[] {
  const out: string[] = [];
  for (const layer of (router as unknown as { stack: Layer[] }).stack) {
    if (layer.route) {
      for (const m of Object.keys(layer.route.methods))
        out.push(`${m.toUpperCase()} ${prefix}${layer.route.path}`);
    } else if (layer.handle.stack) {
      const mount = /^\/\^\\\/([^\\?]+)/.exec(String(layer.regexp))?.[1] ?? '';
      out.push(...routesOf(layer.handle as unknown as Router, mount ? `${prefix}/${mount}` : prefix));
    }
  }
  return out;
}
