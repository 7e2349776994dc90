import { Type } from 'typebox';
import { AreaCode, Id } from '../../http/schema-helpers';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });

/** What the agent has typed so far; suggestions never store it. */
export const SuggestBody = Type.Object({
  title: Text(200),
  content: Text(10_000),
  areaCode: Type.Optional(AreaCode),
  categoryId: Type.Optional(Id),
  phone: Type.Optional(Type.String({ minLength: 3, maxLength: 30 })),
  appealId: Type.Optional(Id),
}, { additionalProperties: false });

const Moment = Type.String({ minLength: 10, maxLength: 40, description: 'ISO 8601 instant, or a local date YYYY-MM-DD (from = its start, to = its end)' });

export const HotTopicsQuery = Type.Object({
  from: Type.Optional(Moment),
  to: Type.Optional(Moment),
  unitId: Type.Optional(Id),
  areaCode: Type.Optional(AreaCode),
}, { additionalProperties: false });

export const WarningsQuery = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('acknowledged')])),
  kind: Type.Optional(Type.Union([Type.Literal('spike'), Type.Literal('risk')])),
  limit: Type.Optional(Type.String({ pattern: '^(?:[1-9][0-9]?|1[0-9][0-9]|200)$', description: '1–200 (default 100)' })),
}, { additionalProperties: false });

export const AcknowledgeBody = Type.Object({
  note: Type.Optional(Type.String({ maxLength: 500 })),
}, { additionalProperties: false });

export const ImportModelQuery = Type.Object({
  activate: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
}, { additionalProperties: false });

/** The model document `minsheng text train` writes; checked in depth by the loader, not by this schema. */
export const ModelBody = Type.Object({
  format: Type.Literal('minsheng-text-classifier'),
  labels: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { minItems: 2, maxItems: 2000 }),
}, { additionalProperties: true });

/** Largest model document accepted (a model of 60 categories is about 25 MB of JSON). */
export const MODEL_BODY_LIMIT = 48 * 1024 * 1024;

const RiskKeyword = Type.Object({
  term: Type.String({ minLength: 1, maxLength: 20, pattern: '\\S' }),
  level: Type.Union([Type.Literal('high'), Type.Literal('medium')]),
  kind: Type.String({ minLength: 1, maxLength: 20, pattern: '\\S' }),
}, { additionalProperties: false });

export const TextSettingsBody = Type.Object({
  minExamplesPerClass: Type.Optional(Type.Integer({ minimum: 3, maximum: 1000 })),
  maxTrainingRows: Type.Optional(Type.Integer({ minimum: 100, maximum: 200_000 })),
  retrainHour: Type.Optional(Type.Integer({ minimum: 0, maximum: 23 })),
  duplicateWindowDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
  duplicateOpenDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 730 })),
  duplicateThreshold: Type.Optional(Type.Number({ minimum: 0.2, maximum: 1 })),
  spikeHistoryDays: Type.Optional(Type.Integer({ minimum: 7, maximum: 365 })),
  spikeMaxPValue: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 0.1 })),
  spikeMinCount: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  riskKeywords: Type.Optional(Type.Union([Type.Array(RiskKeyword, { maxItems: 500 }), Type.Null()])),
}, { additionalProperties: false, minProperties: 1 });
