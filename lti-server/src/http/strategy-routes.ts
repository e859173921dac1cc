import express, { type Router } from 'express';
import { toCsv } from '../../../shared/csv';
import { parseAt } from '../../../shared/errors';
import { translator } from '../../../shared/i18n';
import {
  CurationInputSchema,
  MergeInputSchema,
  SimilarQuerySchema,
  StrategyEditSchema,
  StrategyInputSchema,
  StrategyQuerySchema,
  TryInputSchema,
} from '../../../shared/strategy';
import {
  auditTrail,
  coachEdit,
  createStrategy,
  curateStrategy,
  editStrategy,
  exportMenu,
  getStrategy,
  mergeStrategies,
  myTry,
  recordTry,
  removeTry,
  reviewQueueSize,
  type StrategySearchPage,
  searchStrategies,
  searchStrategyCards,
  similarStrategies,
  suggestDuplicates,
  tryingSummary,
} from '../domain/strategies';
import { actorOf, principalOf } from './middleware';
import { presentStrategy, presentStrategyCard } from './presenters';
import { requestLanguage } from './request-language';
import { wrap } from './wrap';

/** A menu page as the API sends it, each item presented. */
function presentPage<Item, Shown>(page: StrategySearchPage<Item>, present: (item: Item) => Shown) {
  return {
    items: page.items.map(present),
    nextCursor: page.nextCursor,
    searchedFor: page.searchedFor,
    subject: page.subject,
    gradeBand: page.gradeBand,
  };
}

/** /api/strategies: the menu. Thin routes: validate, call the use case, present. */
export function strategyRouter(): Router {
  const router = express.Router();

  router.get(
    '/',
    wrap(async (req, res) => {
      const query = parseAt('errors.source.search', StrategyQuerySchema, req.query);
      const actor = actorOf(res);
      const page =
        query.view === 'card'
          ? presentPage(await searchStrategyCards(actor, query), presentStrategyCard)
          : presentPage(await searchStrategies(actor, query), presentStrategy);
      res.json(page);
    }),
  );

  router.post(
    '/',
    wrap(async (req, res) => {
      const body = parseAt('errors.source.strategy', StrategyInputSchema, req.body);
      const { view, created } = await createStrategy(actorOf(res), body, new Date());
      res
        .status(created ? 201 : 200)
        .location(`/api/strategies/${view.row.id}`)
        .json(presentStrategy(view));
    }),
  );

  router.post(
    '/similar',
    wrap(async (req, res) => {
      const body = parseAt('errors.source.similar', SimilarQuerySchema, req.body);
      res.json({ items: (await similarStrategies(actorOf(res), body)).map(presentStrategy) });
    }),
  );

  router.get(
    '/review-count',
    wrap(async (_req, res) => {
      res.json({ pending: await reviewQueueSize(actorOf(res)) });
    }),
  );

  router.get(
    '/export.csv',
    wrap(async (req, res) => {
      const views = await exportMenu(actorOf(res));
      // Column names in the asker's language; the values are the school's own words.
      const t = translator(requestLanguage(req, principalOf(res).me.person));
      const csv = toCsv(
        [
          t('csv.menu.title'),
          t('csv.menu.purpose'),
          t('csv.menu.steps'),
          t('csv.menu.minutes'),
          t('csv.menu.subject'),
          t('csv.menu.grade-band'),
          t('csv.menu.tags'),
          t('csv.menu.source'),
          t('csv.menu.offered-by'),
          t('csv.menu.status'),
        ],
        views.map(({ row, contributors }) => [
          row.title,
          row.purpose,
          row.steps.map((step, i) => `${i + 1}. ${step}`).join('\n'),
          row.minutes,
          row.subject,
          row.gradeBand,
          row.tags.join(', '),
          row.sourceUrl,
          contributors.map((c) => c.name).join(', '),
          row.status,
        ]),
      );
      res.type('text/csv; charset=utf-8').attachment('tasting-menu.csv').send(csv);
    }),
  );

  router.get(
    '/:id',
    wrap(async (req, res) => {
      const actor = actorOf(res);
      const view = await getStrategy(actor, String(req.params.id));
      if ('mergedInto' in view) {
        res.redirect(301, `/api/strategies/${encodeURIComponent(view.mergedInto)}`);
        return;
      }
      res.json({
        ...presentStrategy(view),
        myTry: await myTry(actor, view.row.id),
        trying: await tryingSummary(actor, view.row.id),
        editedByCoach: await coachEdit(actor, view),
      });
    }),
  );

  router.patch(
    '/:id',
    wrap(async (req, res) => {
      const body = parseAt('errors.source.strategy-changes', StrategyEditSchema, req.body);
      res.json(presentStrategy(await editStrategy(actorOf(res), String(req.params.id), body, new Date())));
    }),
  );

  router.post(
    '/:id/curation',
    wrap(async (req, res) => {
      const body = parseAt('errors.source.curation', CurationInputSchema, req.body);
      res.json(
        presentStrategy(
          await curateStrategy(actorOf(res), String(req.params.id), body.action, body.message, new Date()),
        ),
      );
    }),
  );

  router.post(
    '/:id/merge',
    wrap(async (req, res) => {
      const body = parseAt('errors.source.merge', MergeInputSchema, req.body);
      res.json(
        presentStrategy(await mergeStrategies(actorOf(res), String(req.params.id), body.intoId, new Date())),
      );
    }),
  );

  router.get(
    '/:id/duplicates',
    wrap(async (req, res) => {
      res.json({
        items: (await suggestDuplicates(actorOf(res), String(req.params.id))).map(presentStrategy),
      });
    }),
  );

  router.get(
    '/:id/audit',
    wrap(async (req, res) => {
      res.json({ items: await auditTrail(actorOf(res), String(req.params.id)) });
    }),
  );

  router.put(
    '/:id/try',
    wrap(async (req, res) => {
      const body = parseAt('errors.source.try', TryInputSchema, req.body);
      res.json(await recordTry(actorOf(res), String(req.params.id), body, new Date()));
    }),
  );

  router.delete(
    '/:id/try',
    wrap(async (req, res) => {
      await removeTry(actorOf(res), String(req.params.id));
      res.status(204).end();
    }),
  );

  return router;
}
