import type { FastifyPluginAsync } from 'fastify';
import type { Static } from 'typebox';
import type { Deps } from '../../deps';
import { requireStaff, staff } from '../../http/authenticate-hook';
import { IdParams } from '../../http/schema-helpers';
import { AcknowledgeBody, HotTopicsQuery, ImportModelQuery, MODEL_BODY_LIMIT, ModelBody, SuggestBody, TextSettingsBody, WarningsQuery } from './schemas';
import { acknowledgeWarning } from './use-cases/acknowledge-warning';
import { activateModel } from './use-cases/activate-model';
import { appealDuplicates } from './use-cases/appeal-duplicates';
import { getTextJob } from './use-cases/get-text-job';
import { hotTopics } from './use-cases/hot-topics';
import { importModel } from './use-cases/import-model';
import { listModels } from './use-cases/list-models';
import { listWarnings } from './use-cases/list-warnings';
import { requestRetrain } from './use-cases/request-retrain';
import { suggest } from './use-cases/suggest';
import { getTextSettings, updateTextSettings } from './use-cases/text-settings';

const security = [{ bearer: [] }];
const id = (params: unknown) => (params as { id: string }).id;

/** 智能辅助: suggestions at intake, duplicates at dispatch, hot topics and early warnings, the classifier's administration. */
export function textRoutes(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    app.addHook('onRequest', requireStaff(deps));

    app.post('/api/text/suggest', { schema: { tags: ['text'], summary: '智能辅助: 分类建议、派单建议、疑似重复、来电历史', security, body: SuggestBody } }, async (req) => {
      return suggest(deps, staff(req), req.body as Static<typeof SuggestBody>);
    });
    app.get('/api/appeals/:id/duplicates', { schema: { tags: ['appeals'], summary: '疑似重复诉求 (不含本单及其并单)', security, params: IdParams } }, async (req) => {
      return appealDuplicates(deps, staff(req), id(req.params));
    });
    app.get('/api/text/hot-topics', { schema: { tags: ['text'], summary: '热点话题 (与上一等长周期对比)', security, querystring: HotTopicsQuery } }, async (req) => {
      return hotTopics(deps, staff(req), req.query as Static<typeof HotTopicsQuery>);
    });
    app.get('/api/text/warnings', { schema: { tags: ['text'], summary: '预警 (异常激增、风险词)', security, querystring: WarningsQuery } }, async (req) => {
      const q = req.query as Static<typeof WarningsQuery>;
      return listWarnings(deps, staff(req), { status: q.status, kind: q.kind, limit: q.limit ? Number(q.limit) : undefined });
    });
    app.post('/api/text/warnings/:id/acknowledge', {
      schema: { tags: ['text'], summary: '预警已知悉', security, params: IdParams, body: AcknowledgeBody },
      // The note is optional, so is the body: a bare POST acknowledges.
      preValidation: async (req) => { req.body ??= {}; },
    }, async (req) => {
      return acknowledgeWarning(deps, staff(req), id(req.params), (req.body as Static<typeof AcknowledgeBody> | undefined)?.note);
    });

    app.get('/api/admin/text/models', { schema: { tags: ['admin'], summary: '分类模型 (版本与评估指标)', security } }, async (req) => listModels(deps, staff(req)));
    app.post('/api/admin/text/retrain', { schema: { tags: ['admin'], summary: '立即重新训练分类模型 (后台任务)', security } }, async (req, reply) => {
      return reply.status(202).send(await requestRetrain(deps, staff(req)));
    });
    app.get('/api/admin/text/jobs/:id', { schema: { tags: ['admin'], summary: '训练/预警任务状态', security, params: IdParams } }, async (req) => getTextJob(deps, staff(req), id(req.params)));
    app.post('/api/admin/text/models', {
      bodyLimit: MODEL_BODY_LIMIT,
      schema: { tags: ['admin'], summary: '导入模型 (minsheng text train 的输出)', security, querystring: ImportModelQuery, body: ModelBody },
    }, async (req, reply) => {
      return reply.status(201).send(await importModel(deps, staff(req), req.body, (req.query as Static<typeof ImportModelQuery>).activate !== 'false'));
    });
    app.post('/api/admin/text/models/:id/activate', { schema: { tags: ['admin'], summary: '启用某一版本的模型', security, params: IdParams } }, async (req) => {
      return activateModel(deps, staff(req), id(req.params));
    });
    app.get('/api/admin/text/settings', { schema: { tags: ['admin'], summary: '文本分析参数 (训练、重复、预警、风险词)', security } }, async (req) => getTextSettings(deps, staff(req)));
    app.put('/api/admin/text/settings', { schema: { tags: ['admin'], summary: '修改文本分析参数', security, body: TextSettingsBody } }, async (req) => {
      return updateTextSettings(deps, staff(req), req.body as Static<typeof TextSettingsBody>);
    });
  };
}
