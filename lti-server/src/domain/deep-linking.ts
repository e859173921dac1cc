import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DeepLinkChoice } from '../../../shared/deep-linking';
import { ConflictError, GoneError, NotFoundError, ValidationError } from '../../../shared/errors';
import {
  deleteDeepLinkRequest,
  findDeepLinkRequest,
  insertDeepLinkRequest,
} from '../db/repositories/deep-link-requests';
import { findTenantById } from '../db/repositories/tenants';
import type { Database } from '../db/schema';
import { translator } from '../../../shared/i18n';
import type { Actor } from './actor';
import { getStrategy } from './strategies';

/** An editor-button or link-selection request stays open for an hour, for one answer. */
export const DEEP_LINK_MINUTES = 60;

export interface DeepLinkSettings {
  returnUrl: string;
  acceptTypes: string[];
  acceptMultiple: boolean;
  data?: string;
}

export interface DeepLinkSigner {
  /** `message`: what the LMS may show the teacher once the item is added, in their language. */
  deepLinkingResponse(
    launch: { issuer: string; clientId: string; deploymentId: string },
    settings: DeepLinkSettings,
    items: Array<Record<string, unknown>>,
    message: string,
  ): Promise<string>;
}

export async function openDeepLinkRequest(
  db: Kysely<Database>,
  owner: { tenantId: string; personId: string },
  settings: DeepLinkSettings,
  now: Date,
): Promise<string> {
  const id = randomUUID();
  await insertDeepLinkRequest(db, {
    id,
    tenantId: owner.tenantId,
    personId: owner.personId,
    returnUrl: settings.returnUrl,
    acceptTypes: settings.acceptTypes,
    acceptMultiple: settings.acceptMultiple,
    data: settings.data ?? null,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + DEEP_LINK_MINUTES * 60_000).toISOString(),
  });
  return id;
}

const esc = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/**
 * Answers an open deep-linking request with one strategy: as an LTI resource link (opens the strategy in the tool)
 * or as an HTML card. Returns the platform's return URL and the signed JWT the browser posts there.
 */
export async function answerDeepLink(
  actor: Actor,
  db: Kysely<Database>,
  signer: DeepLinkSigner,
  publicUrl: string,
  requestId: string,
  choice: DeepLinkChoice,
  now: Date,
): Promise<{ returnUrl: string; jwt: string }> {
  const request = await findDeepLinkRequest(
    db,
    { tenantId: actor.scope.tenantId, personId: actor.personId },
    requestId,
  );
  if (!request) throw new NotFoundError('errors.not-found.insert-request');
  if (request.expiresAt <= now.toISOString()) {
    throw new GoneError('errors.deep-link.expired');
  }
  const view = await getStrategy(actor, choice.strategyId);
  if ('mergedInto' in view || (view.row.status !== 'approved' && view.row.status !== 'featured')) {
    throw new ConflictError('CONFLICT', 'errors.deep-link.not-on-menu');
  }
  const s = view.row;
  const { acceptTypes } = request;
  // What goes into the course is written in the inserting teacher's language, like what they type there.
  const t = translator(actor.language ?? 'en');
  const facts = t('deep-link.card.facts', {
    minutes: t('deep-link.card.minutes', { count: s.minutes }),
    subject: s.subject,
    band: s.gradeBand,
  });
  const item =
    choice.as === 'link'
      ? {
          type: 'ltiResourceLink',
          title: s.title,
          text: s.purpose,
          url: `${publicUrl}/lti/launch?strategy=${encodeURIComponent(s.id)}`,
        }
      : {
          type: 'html',
          title: s.title,
          html: `<div class="tasting-menu-card"><strong>${esc(s.title)}</strong><p>${esc(s.purpose)}</p><p>${esc(facts)}</p><ol>${s.steps.map((step) => `<li>${esc(step)}</li>`).join('')}</ol></div>`,
        };
  if (!acceptTypes.includes(item.type)) {
    throw new ValidationError(
      choice.as === 'link' ? 'errors.deep-link.no-links' : 'errors.deep-link.no-cards',
    );
  }
  const tenant = await findTenantById(db, actor.scope.tenantId);
  if (!tenant) throw new NotFoundError('errors.not-found.school');
  const jwt = await signer.deepLinkingResponse(
    { issuer: tenant.issuer, clientId: tenant.clientId, deploymentId: tenant.deploymentId },
    {
      returnUrl: request.returnUrl,
      acceptTypes,
      acceptMultiple: request.acceptMultiple,
      ...(request.data ? { data: request.data } : {}),
    },
    [item],
    t('deep-link.added'),
  );
  await deleteDeepLinkRequest(db, request.id);
  return { returnUrl: request.returnUrl, jwt };
}
