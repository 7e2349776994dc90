import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import type { Deps } from '../../deps';
import { readUploads } from '../attachments/read-uploads';
import { requireRuntime } from '../../runtime/require-runtime';
import { issueHumanCheck } from './human-check';
import { AreasQuery, BoardParams, BoardQuery, KnowledgeQuery, RateBody, StatsQuery, TrackBody } from './schemas';
import { getPortalConfig } from './use-cases/get-config';
import { searchAreas } from './use-cases/search-areas';
import { submitPortalAppeal } from './use-cases/submit-appeal';
import { trackAppeal } from './use-cases/track-appeal';
import { rateAppeal } from './use-cases/rate-appeal';
import { getBoardItem, listBoard } from './use-cases/list-board';
import { getPublishedStats } from './use-cases/get-stats';
import { getDirectory } from './use-cases/get-directory';
import { searchPublicKnowledge } from './use-cases/search-public-knowledge';

const tags = ['portal'];
/** The client's address: the socket peer, or X-Forwarded-For when that peer is a configured proxy (MINSHENG_TRUST_PROXY). */
const ipOf = (req: FastifyRequest) => req.ip || 'unknown';

/** The public portal's API under /api/portal: no account, rate-limited, personal data never shown. */
export function portalRoutes(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    const jid = () => deps.defaultJurisdictionId;
    // Answers depend on the asker (tracking) or change with staff work: never cached by a shared proxy.
    app.addHook('onSend', async (req, reply) => { if (req.url.startsWith('/api/portal/')) reply.header('cache-control', 'no-store'); });

    app.get('/api/portal/config', { schema: { tags, summary: '写信表单配置 (诉求类型、分类、附件与字数限制)' } }, async () => getPortalConfig(deps, jid()));
    app.get('/api/portal/areas', { schema: { tags, summary: '区域检索 (按名称; 空白为辖区下一级)', querystring: AreasQuery } }, async (req) => {
      return searchAreas(deps, jid(), (req.query as Static<typeof AreasQuery>).q);
    });
    app.get('/api/portal/human-check', { schema: { tags, summary: '算术验证题 (SVG, 10 分钟有效, 只能使用一次)' } }, async () => {
      const runtime = await requireRuntime(deps, jid());
      const { token, svg } = issueHumanCheck(deps.config.secret, deps.now(), runtime.settings.portal.humanCheckMinutes);
      return { token, svg };
    });
    app.post('/api/portal/appeals', { schema: { tags, summary: '写信 (multipart/form-data; 附件字段 files, 最多 5 个)', consumes: ['multipart/form-data'] } }, async (req, reply) => {
      const result = await submitPortalAppeal(deps, { jurisdictionId: jid(), ip: ipOf(req), read: () => readUploads(req), log: req.log });
      return reply.status(201).send(result);
    });
    app.post('/api/portal/track', { schema: { tags, summary: '查询办理进度 (编号 + 查询码; 限次)', body: TrackBody } }, async (req) => {
      return trackAppeal(deps, jid(), ipOf(req), req.body as Static<typeof TrackBody>);
    });
    app.post('/api/portal/track/rate', { schema: { tags, summary: '网上评价 (回访; 仅待回访时)', body: RateBody } }, async (req) => {
      return rateAppeal(deps, jid(), ipOf(req), req.body as Static<typeof RateBody>);
    });
    app.get('/api/portal/board', { schema: { tags, summary: '留言板 (已审核公开的诉求与答复)', querystring: BoardQuery } }, async (req) => {
      const q = req.query as Static<typeof BoardQuery>;
      return listBoard(deps, jid(), { ...q, limit: q.limit ? Number(q.limit) : 20 });
    });
    app.get('/api/portal/board/:number', { schema: { tags, summary: '留言板单条', params: BoardParams } }, async (req) => {
      return getBoardItem(deps, jid(), (req.params as Static<typeof BoardParams>).number);
    });
    app.get('/api/portal/stats', { schema: { tags, summary: '每月通报 (按单位)', querystring: StatsQuery } }, async (req) => {
      return getPublishedStats(deps, jid(), (req.query as Static<typeof StatsQuery>).month);
    });
    app.get('/api/portal/directory', { schema: { tags, summary: '办事指南: 单位接待地点、时间、电话; 领导接访与热线安排' } }, async () => getDirectory(deps, jid()));
    app.get('/api/portal/knowledge', { schema: { tags, summary: '公开知识库检索', querystring: KnowledgeQuery } }, async (req) => {
      return searchPublicKnowledge(deps, jid(), req.query as Static<typeof KnowledgeQuery>);
    });
  };
}
