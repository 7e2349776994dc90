import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../deps';
import { requireStaff, staff } from '../../http/authenticate-hook';
import { IdParams } from '../../http/schema-helpers';
import { readUploads } from './read-uploads';
import { addAttachments } from './use-cases/add-attachments';
import { listAttachments } from './use-cases/list-attachments';
import { readAttachment } from './use-cases/read-attachment';
import { sendStoredFile } from './send-file';

const security = [{ bearer: [] }];
const id = (params: unknown) => (params as { id: string }).id;

/** 附件 of an appeal for staff: upload (multipart, images and PDF by content), list, open. */
export function attachmentRoutes(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    app.addHook('onRequest', requireStaff(deps));

    app.get('/api/appeals/:id/attachments', { schema: { tags: ['appeals'], summary: '附件列表', security, params: IdParams } }, async (req) => {
      return listAttachments(deps, staff(req), id(req.params));
    });

    app.post('/api/appeals/:id/attachments', {
      schema: { tags: ['appeals'], summary: '上传附件 (multipart/form-data；图片或 PDF，按内容判断类型；每件诉求最多 5 个，每个 ≤ 10 MB)', security, params: IdParams, consumes: ['multipart/form-data'] },
    }, async (req, reply) => {
      const user = staff(req);
      const { files } = await readUploads(req);
      reply.code(201);
      return { items: await addAttachments(deps, user, id(req.params), files) };
    });

    app.get('/api/attachments/:id', { schema: { tags: ['appeals'], summary: '打开附件 (查看留痕)', security, params: IdParams } }, async (req, reply) => {
      return sendStoredFile(reply, await readAttachment(deps, staff(req), id(req.params)));
    });
  };
}
