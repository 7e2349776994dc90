import type { FastifyPluginAsync } from 'fastify';
import type { Static } from 'typebox';
import type { Deps } from '../../deps';
import { requireStaff, staff } from '../../http/authenticate-hook';
import { IdParams } from '../../http/schema-helpers';
import { KnowledgeArticleBody, KnowledgeArticlePatch, KnowledgeQuery, ReplyTemplateBody, ReplyTemplatePatch, ReplyTemplatesQuery } from './schemas';
import { searchKnowledge } from './use-cases/search-knowledge';
import { createKnowledgeArticle } from './use-cases/create-knowledge-article';
import { updateKnowledgeArticleFor } from './use-cases/update-knowledge-article';
import { deactivateKnowledgeArticle } from './use-cases/deactivate-knowledge-article';
import { listReplyTemplatesFor } from './use-cases/list-reply-templates';
import { createReplyTemplate } from './use-cases/create-reply-template';
import { updateReplyTemplateFor } from './use-cases/update-reply-template';
import { deactivateReplyTemplate } from './use-cases/deactivate-reply-template';

const security = [{ bearer: [] }];
const id = (params: unknown) => (params as { id: string }).id;

/** 知识库 and 答复模板: read by every staff member (intake, reply), written by administrators. */
export function knowledgeRoutes(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    // Authenticate on request, before body parsing and validation: without a session the answer is always 401.
    app.addHook('onRequest', requireStaff(deps));

    app.get('/api/knowledge', { schema: { tags: ['knowledge'], summary: '知识库检索 (中文分词; 标题和关键词命中优先)', security, querystring: KnowledgeQuery } }, async (req) => {
      const q = req.query as Static<typeof KnowledgeQuery>;
      return searchKnowledge(deps, staff(req), {
        q: q.q, categoryId: q.categoryId, includeInactive: q.includeInactive === 'true', limit: q.limit ? Number(q.limit) : 20, cursor: q.cursor,
      });
    });
    app.post('/api/knowledge', { schema: { tags: ['knowledge'], summary: '新增知识', security, body: KnowledgeArticleBody } }, async (req, reply) => {
      return reply.status(201).send(await createKnowledgeArticle(deps, staff(req), req.body as Static<typeof KnowledgeArticleBody>));
    });
    app.patch('/api/knowledge/:id', { schema: { tags: ['knowledge'], summary: '修改知识 (带 version; 过期 409)', security, params: IdParams, body: KnowledgeArticlePatch } }, async (req) => {
      return updateKnowledgeArticleFor(deps, staff(req), id(req.params), req.body as Static<typeof KnowledgeArticlePatch>);
    });
    app.delete('/api/knowledge/:id', { schema: { tags: ['knowledge'], summary: '停用知识 (保留历史)', security, params: IdParams } }, async (req) => {
      return deactivateKnowledgeArticle(deps, staff(req), id(req.params));
    });

    app.get('/api/reply-templates', { schema: { tags: ['knowledge'], summary: '答复模板 (本分类及上级分类的在前, 通用的在后)', security, querystring: ReplyTemplatesQuery } }, async (req) => {
      const q = req.query as Static<typeof ReplyTemplatesQuery>;
      return listReplyTemplatesFor(deps, staff(req), {
        categoryId: q.categoryId, genericOnly: q.genericOnly === 'true', result: q.result, includeInactive: q.includeInactive === 'true',
      });
    });
    app.post('/api/reply-templates', { schema: { tags: ['knowledge'], summary: '新增答复模板', security, body: ReplyTemplateBody } }, async (req, reply) => {
      return reply.status(201).send(await createReplyTemplate(deps, staff(req), req.body as Static<typeof ReplyTemplateBody>));
    });
    app.patch('/api/reply-templates/:id', { schema: { tags: ['knowledge'], summary: '修改答复模板 (带 version; 过期 409)', security, params: IdParams, body: ReplyTemplatePatch } }, async (req) => {
      return updateReplyTemplateFor(deps, staff(req), id(req.params), req.body as Static<typeof ReplyTemplatePatch>);
    });
    app.delete('/api/reply-templates/:id', { schema: { tags: ['knowledge'], summary: '停用答复模板 (保留历史)', security, params: IdParams } }, async (req) => {
      return deactivateReplyTemplate(deps, staff(req), id(req.params));
    });
  };
}
