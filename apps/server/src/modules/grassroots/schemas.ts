import { Type } from 'typebox';
import { DISPUTE_KINDS, FILE_SECTIONS, RISK_LEVELS } from '@minsheng/domain';
import { AreaCode, Id, StringEnum } from '../../http/schema-helpers';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const Optional = (max: number) => Type.Optional(Type.String({ maxLength: max }));
const LocalDate = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' });
const Phone = Type.String({ minLength: 1, maxLength: 20 });
const Risk = StringEnum(RISK_LEVELS, { description: '风险等级 low | medium | high' });

export const AreaParams = Type.Object({ code: AreaCode }, { additionalProperties: false });
export const RevisitParams = Type.Object({ id: Id, seq: Type.String({ pattern: '^[1-9][0-9]?$', description: '回访序号' }) }, { additionalProperties: false });

export const StationBody = Type.Object({
  kind: StringEnum(['station', 'room'] as const, { description: '工作站 (unitId) | 工作室 (areaCode)' }), unitId: Type.Optional(Id), areaCode: Type.Optional(AreaCode),
  name: Text(100), head: Optional(40), staffCount: Type.Integer({ minimum: 0, maximum: 500 }), requirementsMet: Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 10 }), note: Optional(500),
}, { additionalProperties: false });
export const StationPatch = Type.Object({
  name: Type.Optional(Text(100)), head: Optional(40), staffCount: Type.Optional(Type.Integer({ minimum: 0, maximum: 500 })),
  requirementsMet: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 10 })), note: Optional(500),
}, { additionalProperties: false, minProperties: 1 });

export const OfficerBody = Type.Object({
  level: StringEnum(['street', 'department', 'community', 'school'] as const), unitId: Type.Optional(Id), areaCode: Type.Optional(AreaCode), orgName: Optional(100),
  name: Text(40), phone: Type.Optional(Phone), userId: Type.Optional(Id),
}, { additionalProperties: false });

export const ReportBody = Type.Object({ content: Text(5000), riskLevel: Risk, areaCode: Type.Optional(AreaCode) }, { additionalProperties: false });
export const ReportDisputeBody = Type.Object({
  title: Text(100), kind: StringEnum(DISPUTE_KINDS), riskLevel: Type.Optional(Risk), ownerUnitId: Type.Optional(Id),
}, { additionalProperties: false });
export const ReportAppealBody = Type.Object({
  title: Type.Optional(Text(100)), kind: Type.Optional(StringEnum(['consultation', 'help', 'complaint', 'report', 'suggestion', 'opinion'] as const)), categoryId: Type.Optional(Id),
}, { additionalProperties: false });

export const FileSectionBody = Type.Object({ content: Text(20000) }, { additionalProperties: false });
export const SectionParams = Type.Object({ code: AreaCode, section: StringEnum(FILE_SECTIONS) }, { additionalProperties: false });

const Party = Type.Object({ name: Text(40), phone: Type.Optional(Phone), role: Optional(40) }, { additionalProperties: false });
export const DisputeBody = Type.Object({
  title: Text(100), description: Text(5000), kind: StringEnum(DISPUTE_KINDS), riskLevel: Risk, areaCode: Type.Optional(AreaCode), ownerUnitId: Type.Optional(Id),
  parties: Type.Array(Party, { minItems: 1, maxItems: 20 }), roundId: Type.Optional(Id),
}, { additionalProperties: false });
export const DisputesQuery = Type.Object({
  status: Type.Optional(StringEnum(['open', 'mediating', 'resolved', 'unresolved'] as const)), riskLevel: Type.Optional(Risk),
}, { additionalProperties: false });
export const StepBody = Type.Object({
  action: StringEnum(['note', 'mediate', 'resolve', 'fail', 'reopen'] as const, { description: '记录 | 调解 | 化解 | 调解不成 | 重新调解' }), note: Text(2000),
  outcome: Optional(2000), riskLevel: Type.Optional(Risk),
}, { additionalProperties: false });
export const RevisitBody = Type.Object({ finding: StringEnum(['stable', 'recurred'] as const, { description: '稳定 | 反复' }), note: Text(2000) }, { additionalProperties: false });

export const RoundBody = Type.Object({ title: Text(100), periodStart: LocalDate, periodEnd: LocalDate, dueDate: LocalDate }, { additionalProperties: false });
export const ReturnBody = Type.Object({ unitId: Type.Optional(Id), disputesFound: Type.Integer({ minimum: 0, maximum: 10000 }), note: Optional(2000) }, { additionalProperties: false });
export const WarningsQuery = Type.Object({ all: Type.Optional(StringEnum(['1'] as const, { description: '1 = include acknowledged' })) }, { additionalProperties: false });
