import type { FastifyPluginAsync } from 'fastify';
import type { Static } from 'typebox';
import type { Deps } from '../../deps';
import { requireStaff, staff } from '../../http/authenticate-hook';
import { IdParams } from '../../http/schema-helpers';
import { AttributesBody, KeyBody } from './schemas';
import { deactivateKey } from './use-cases/deactivate-key';
import { getCategoryAttributes } from './use-cases/get-category-attributes';
import { issueOpen311Key } from './use-cases/issue-key';
import { listKeys } from './use-cases/list-keys';
import { replaceCategoryAttributesFor } from './use-cases/replace-category-attributes';

const security = [{ bearer: [] }];
const id = (params: unknown) => (params as { id: string }).id;

/** Administrators issue and revoke Open311 API keys and edit the questions (attributes) a category asks. */
export function open311AdminRoutes(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    app.addHook('onRequest', requireStaff(deps));
    app.get('/api/admin/open311-keys', { schema: { tags: ['admin'], summary: 'Open311 API 密钥', security } }, async (req) => listKeys(deps, staff(req)));
    app.post('/api/admin/open311-keys', { schema: { tags: ['admin'], summary: '签发 Open311 API 密钥 (returns the key once)', security, body: KeyBody } }, async (req, reply) => {
      return reply.status(201).send(await issueOpen311Key(deps, staff(req), req.body as Static<typeof KeyBody>));
    });
    app.delete('/api/admin/open311-keys/:id', { schema: { tags: ['admin'], summary: '停用 Open311 API 密钥', security, params: IdParams } }, async (req) => {
      return deactivateKey(deps, staff(req), id(req.params));
    });
    app.get('/api/admin/categories/:id/attributes', { schema: { tags: ['admin'], summary: '分类附加项 (Open311 service definition)', security, params: IdParams } }, async (req) => {
      return getCategoryAttributes(deps, staff(req), id(req.params));
    });
    app.put('/api/admin/categories/:id/attributes', { schema: { tags: ['admin'], summary: '替换分类附加项', security, params: IdParams, body: AttributesBody } }, async (req) => {
      return replaceCategoryAttributesFor(deps, staff(req), id(req.params), (req.body as Static<typeof AttributesBody>).attributes);
    });
  };
}
