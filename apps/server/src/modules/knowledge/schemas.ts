import { Type } from 'typebox';
import { REPLY_RESULTS } from '@minsheng/contracts';
import { Id, StringEnum } from '../../http/schema-helpers';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const Flag = StringEnum(['true', 'false'] as const);
const Version = Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'the version read; a stale one is 409 STALE_STATE' });
const CategoryId = Type.Union([Id, Type.Null()], { description: 'null: not tied to a category' });
const Keywords = Type.Array(Type.String({ minLength: 1, maxLength: 30, pattern: '\\S' }), { maxItems: 30 });
const Result = Type.Union([StringEnum(REPLY_RESULTS), Type.Null()], { description: 'null: fits every reply result' });
const SortOrder = Type.Integer({ minimum: -10_000, maximum: 10_000 });

/** GET /api/knowledge: a Chinese text query (segmented), a category subtree, keyset pages. */
export const KnowledgeQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100, description: 'words to look for; blank lists everything, only stop words find nothing' })),
  categoryId: Type.Optional(Id),
  includeInactive: Type.Optional(Flag),
  limit: Type.Optional(Type.String({ pattern: '^([1-9]|[1-9][0-9]|100)$', description: '1–100, default 20' })),
  cursor: Type.Optional(Type.String({ maxLength: 300, pattern: '^[A-Za-z0-9_-]+$', description: 'nextCursor of the previous page (same q and filters)' })),
}, { additionalProperties: false });

export const KnowledgeArticleBody = Type.Object({
  title: Text(200),
  body: Text(20_000),
  categoryId: Type.Optional(CategoryId),
  keywords: Type.Optional(Keywords),
  public: Type.Optional(Type.Boolean({ description: 'the public portal may show it' })),
}, { additionalProperties: false });

export const KnowledgeArticlePatch = Type.Object({
  version: Version,
  title: Type.Optional(Text(200)),
  body: Type.Optional(Text(20_000)),
  categoryId: Type.Optional(CategoryId),
  keywords: Type.Optional(Keywords),
  public: Type.Optional(Type.Boolean()),
  active: Type.Optional(Type.Boolean({ description: 'true reactivates a deactivated article' })),
}, { additionalProperties: false, minProperties: 2 });

/** GET /api/reply-templates. */
export const ReplyTemplatesQuery = Type.Object({
  categoryId: Type.Optional(Id),
  genericOnly: Type.Optional(Flag),
  result: Type.Optional(StringEnum(REPLY_RESULTS)),
  includeInactive: Type.Optional(Flag),
}, { additionalProperties: false });

export const ReplyTemplateBody = Type.Object({
  name: Text(100),
  text: Text(10_000),
  categoryId: Type.Optional(CategoryId),
  result: Type.Optional(Result),
  sortOrder: Type.Optional(SortOrder),
}, { additionalProperties: false });

export const ReplyTemplatePatch = Type.Object({
  version: Version,
  name: Type.Optional(Text(100)),
  text: Type.Optional(Text(10_000)),
  categoryId: Type.Optional(CategoryId),
  result: Type.Optional(Result),
  sortOrder: Type.Optional(SortOrder),
  active: Type.Optional(Type.Boolean()),
}, { additionalProperties: false, minProperties: 2 });
