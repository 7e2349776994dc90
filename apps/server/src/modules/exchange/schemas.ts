import { Type } from 'typebox';
import { APPEAL_KINDS, TRACKS, URGENCIES } from '@minsheng/contracts';
import { AreaCode, Id, StringEnum } from '../../http/schema-helpers';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });

/** The upper platform's own id for an appeal (its 工单编号). */
export const ExternalId = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$' });
export const ExternalIdParams = Type.Object({ externalId: ExternalId }, { additionalProperties: false });

/** 上级转办: one appeal transferred down, with the deadline the upper platform set. */
export const TransferBody = Type.Object({
  externalId: ExternalId,
  title: Text(200),
  content: Text(10_000),
  kind: StringEnum(APPEAL_KINDS),
  urgency: Type.Optional(StringEnum(URGENCIES)),
  categoryId: Type.Optional(Id),
  areaCode: Type.Optional(AreaCode),
  citizen: Type.Optional(Type.Object({ name: Type.Optional(Text(50)), phone: Type.Optional(Text(30)), address: Type.Optional(Text(200)) }, { additionalProperties: false })),
  dueAt: Type.String({ format: 'date-time', maxLength: 40 }),
  confidential: Type.Optional(Type.Boolean()),
  track: Type.Optional(StringEnum(TRACKS)),
}, { additionalProperties: false });

export const PlatformBody = Type.Object({
  name: Text(100),
  webhookUrl: Type.Optional(Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 500 })),
}, { additionalProperties: false });
