import { useEffect, useState } from 'react';
import { Button, Card, Col, Divider, Flex, Form, InputNumber, Row, Select, Switch, TimePicker } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { SATISFACTION_LEVELS } from '@minsheng/contracts';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { defineMessages, useI18n, useMessages } from '../../i18n';

interface Settings {
  utcOffsetMinutes: number; workingHours: { start: string; end: string }[]; yellowAt: number; problem: { redo: number; unitsWithoutLead: number };
  satisfactionWeights: Record<string, number>; sessionHours: number;
  supervision: { autoUrge: boolean; autoNotice: boolean; bulletinAfterWorkingDays: number; sweepHorizonDays: number };
  portal: Record<RateLimitKey, { limit: number; windowMinutes: number }> & { humanCheckMinutes: number };
  security: Record<SecurityKey, number>;
  assessment: {
    compositeWeights: { response: number; resolution: number; satisfaction: number };
    deductions: { overduePoints: number; redoPoints: number; maxPoints: number }; listSize: number;
  };
  /** Only the 群众工作网络 numbers are edited here; the PUT merges them into the stored registry settings. */
  registry: Partial<Record<NetworkKey, number>> & { stationRequirements?: string[]; roomRequirements?: string[] };
}

// 群众工作网络 (seed 003): minimum staff and officers, [key, max] as the server validates them (0 … max).
const NETWORK = [['stationMinStaff', 100], ['roomMinStaff', 100], ['officersMinStreet', 100], ['officersMinDepartment', 100], ['officersMinCommunity', 100]] as const;
type NetworkKey = (typeof NETWORK)[number][0];

const RATE_LIMITS = ['submitPerIp', 'submitPerPhone', 'trackPerIp', 'trackPerNumber'] as const;
type RateLimitKey = (typeof RATE_LIMITS)[number];
// 登录安全: [key, min, max] as the server validates them.
const SECURITY = [['sessionIdleMinutes', 5, 1440], ['passwordMinLength', 8, 64], ['loginMaxFailures', 3, 100], ['loginWindowMinutes', 1, 1440],
  ['loginLockMinutes', 1, 1440], ['ipMaxFailures', 5, 10000], ['ipWindowMinutes', 1, 1440]] as const;
type SecurityKey = (typeof SECURITY)[number][0];

const M = defineMessages({
  zh: {
    deadlines: '亮灯与工作时间', yellowAt: '黄灯比例（时限用去的比例）', workingHours: '工作时间段', addPeriod: '添加时间段', utcOffset: '时区偏移（分钟，北京时间 480）',
    problem: '疑难工单阈值', redo: '重办次数 ≥', unitsWithoutLead: '流转单位数 ≥（无主办）', weights: '满意度权重（计算满意率）', session: '登录有效期（小时）',
    supervision: '自动督办', autoUrge: '黄灯自动催办', autoNotice: '超期次一工作日自动督办', bulletin: '督办后 N 个工作日仍超期则通报', horizon: '扫描范围（天）',
    portal: '门户防刷（每个时间窗最多次数）', submitPerIp: '写信 · 每 IP', submitPerPhone: '写信 · 每手机号', trackPerIp: '查询 · 每 IP', trackPerNumber: '查询 · 每个编号',
    times: '次', perMinutes: '分钟内', humanCheck: '验证题有效期（分钟）',
    security: '登录安全', sessionIdleMinutes: '闲置自动退出（分钟）', passwordMinLength: '密码最短长度', loginMaxFailures: '同一账号连续输错次数上限', loginWindowMinutes: '账号计数时间窗（分钟）',
    loginLockMinutes: '锁定时长（分钟）', ipMaxFailures: '同一 IP 输错次数上限', ipWindowMinutes: 'IP 计数时间窗（分钟）',
    assessment: '考核（三率权重与扣分）', response: '响应率权重', resolution: '解决率权重', satisfaction: '满意率权重',
    overduePoints: '每件超期扣分', redoPoints: '每件重办扣分', maxPoints: '每月扣分上限', listSize: '红黑榜人数（每档）',
    network: '群众工作网络（基层治理）', stationMinStaff: '工作站最少人数', roomMinStaff: '工作室最少人数', officersMinStreet: '每个街道信息员 ≥',
    officersMinDepartment: '每个部门信息员 ≥', officersMinCommunity: '每个社区/学校信息员 ≥', stationRequirements: '工作站“五有”', roomRequirements: '工作室“四有一要”',
    requirementsHint: '输入后回车添加一项，每项不超过 20 字，最多 10 项',
  },
  en: {
    deadlines: 'Lights and working hours', yellowAt: 'Yellow light at (share of the clock used)', workingHours: 'Working periods', addPeriod: 'Add period', utcOffset: 'UTC offset (minutes; Beijing 480)',
    problem: 'Problem-appeal thresholds', redo: 'Redone at least', unitsWithoutLead: 'Units passed without a lead, at least', weights: 'Satisfaction weights', session: 'Session length (hours)',
    supervision: 'Automatic supervision', autoUrge: 'Urge automatically at yellow', autoNotice: 'Supervision notice the working day after overdue', bulletin: 'Bulletin after N working days still overdue', horizon: 'Sweep horizon (days)',
    portal: 'Portal abuse limits (requests per window)', submitPerIp: 'Letters per IP', submitPerPhone: 'Letters per phone', trackPerIp: 'Tracking per IP', trackPerNumber: 'Tracking per number',
    times: 'times', perMinutes: 'minutes', humanCheck: 'Human check valid for (minutes)',
    security: 'Sign-in security', sessionIdleMinutes: 'Idle sign-out (minutes)', passwordMinLength: 'Minimum password length', loginMaxFailures: 'Wrong passwords per account before lock', loginWindowMinutes: 'Account counting window (minutes)',
    loginLockMinutes: 'Lock duration (minutes)', ipMaxFailures: 'Wrong passwords per IP before lock', ipWindowMinutes: 'IP counting window (minutes)',
    assessment: 'Assessment (weights and deductions)', response: 'Response weight', resolution: 'Resolution weight', satisfaction: 'Satisfaction weight',
    overduePoints: 'Points off per overdue', redoPoints: 'Points off per redo', maxPoints: 'Monthly deduction cap', listSize: 'Red/black list size (per tier)',
    network: 'Mass-work network (grassroots)', stationMinStaff: 'Work station: minimum staff', roomMinStaff: 'Work room: minimum staff', officersMinStreet: 'Officers per street, at least',
    officersMinDepartment: 'Officers per department, at least', officersMinCommunity: 'Officers per community/school, at least', stationRequirements: 'Work station requirements ("five haves")', roomRequirements: 'Work room requirements ("four haves one must")',
    requirementsHint: 'Type an item and press Enter; at most 20 characters each, 10 items',
  },
});

interface FormValues extends Omit<Settings, 'workingHours'> { workingHours: { range: [Dayjs, Dayjs] }[] }

/**
 * 规则参数: yellow light share, working hours, problem thresholds, satisfaction weights, automatic supervision, the
 * portal's abuse limits, sign-in security (idle timeout, lockout, password length), the assessment's weights and deductions and the
 * 群众工作网络's minimum numbers and requirement lists (GET/PUT /api/admin/settings; tiers via the API).
 */
export default function SettingsAdmin() {
  const { t, label } = useI18n();
  const m = useMessages(M);
  const notify = useNotify();
  const settings = useApi((signal) => api.get<Settings>('/api/admin/settings', undefined, signal), []);
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const s = settings.data;
    if (s) form.setFieldsValue({ ...s, workingHours: s.workingHours.map((w) => ({ range: [dayjs(w.start, 'HH:mm'), dayjs(w.end, 'HH:mm')] as [Dayjs, Dayjs] })) });
  }, [settings.data, form]);

  async function save(v: FormValues) {
    setBusy(true);
    try {
      const body = { ...v, workingHours: v.workingHours.map((w) => ({ start: w.range[0].format('HH:mm'), end: w.range[1].format('HH:mm') })) };
      settings.setData(await api.put<Settings>('/api/admin/settings', body));
      notify.success(t('common.saved'));
    } catch (e) { notify.error(e); } finally { setBusy(false); }
  }

  if (settings.error) return <ErrorAlert error={settings.error} onRetry={settings.reload} />;
  return (
    <Card size="small" loading={settings.loading && !settings.data}>
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} style={{ maxWidth: 900 }}>
        <Divider orientation="left" plain>{m('deadlines')}</Divider>
        <Row gutter={16}>
          <Col span={8}><Form.Item name="yellowAt" label={m('yellowAt')} rules={[{ required: true }]}><InputNumber min={0.05} max={0.99} step={0.05} style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={8}><Form.Item name="utcOffsetMinutes" label={m('utcOffset')} rules={[{ required: true }]}><InputNumber min={-840} max={840} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={8}><Form.Item name="sessionHours" label={m('session')} rules={[{ required: true }]}><InputNumber min={1} max={720} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
        </Row>
        <Form.Item label={m('workingHours')} required>
          <Form.List name="workingHours">
            {(fields, { add, remove }) => (
              <Flex gap={8} wrap align="center">
                {fields.map((f) => (
                  <Flex key={f.key} gap={4} align="center">
                    <Form.Item name={[f.name, 'range']} noStyle rules={[{ required: true }]}><TimePicker.RangePicker format="HH:mm" minuteStep={5} /></Form.Item>
                    {fields.length > 1 ? <MinusCircleOutlined onClick={() => remove(f.name)} /> : null}
                  </Flex>
                ))}
                {fields.length < 6 ? <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => add()}>{m('addPeriod')}</Button> : null}
              </Flex>
            )}
          </Form.List>
        </Form.Item>
        <Divider orientation="left" plain>{m('problem')}</Divider>
        <Row gutter={16}>
          <Col span={8}><Form.Item name={['problem', 'redo']} label={m('redo')} rules={[{ required: true }]}><InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={8}><Form.Item name={['problem', 'unitsWithoutLead']} label={m('unitsWithoutLead')} rules={[{ required: true }]}><InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
        </Row>
        <Divider orientation="left" plain>{m('weights')}</Divider>
        <Row gutter={16}>
          {SATISFACTION_LEVELS.map((s) => (
            <Col key={s} flex="1 1 0"><Form.Item name={['satisfactionWeights', s]} label={label('satisfaction', s)} rules={[{ required: true }]}><InputNumber min={0} max={1} step={0.1} style={{ width: '100%' }} /></Form.Item></Col>
          ))}
        </Row>
        <Divider orientation="left" plain>{m('supervision')}</Divider>
        <Row gutter={16}>
          <Col span={6}><Form.Item name={['supervision', 'autoUrge']} label={m('autoUrge')} valuePropName="checked"><Switch /></Form.Item></Col>
          <Col span={6}><Form.Item name={['supervision', 'autoNotice']} label={m('autoNotice')} valuePropName="checked"><Switch /></Form.Item></Col>
          <Col span={6}><Form.Item name={['supervision', 'bulletinAfterWorkingDays']} label={m('bulletin')} rules={[{ required: true }]}><InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={6}><Form.Item name={['supervision', 'sweepHorizonDays']} label={m('horizon')} rules={[{ required: true }]}><InputNumber min={7} max={400} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
        </Row>
        <Divider orientation="left" plain>{m('portal')}</Divider>
        <Row gutter={16}>
          {RATE_LIMITS.map((k) => (
            <Col key={k} span={12}>
              <Form.Item label={m(k)} required>
                <Flex gap={6} align="center">
                  <Form.Item name={['portal', k, 'limit']} noStyle rules={[{ required: true }]}><InputNumber min={1} max={100000} precision={0} style={{ width: 110 }} /></Form.Item>
                  <span>{m('times')} /</span>
                  <Form.Item name={['portal', k, 'windowMinutes']} noStyle rules={[{ required: true }]}><InputNumber min={1} max={10080} precision={0} style={{ width: 110 }} /></Form.Item>
                  <span>{m('perMinutes')}</span>
                </Flex>
              </Form.Item>
            </Col>
          ))}
          <Col span={12}><Form.Item name={['portal', 'humanCheckMinutes']} label={m('humanCheck')} rules={[{ required: true }]}><InputNumber min={1} max={120} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
        </Row>
        <Divider orientation="left" plain>{m('security')}</Divider>
        <Row gutter={16}>
          {SECURITY.map(([k, min, max]) => (
            <Col key={k} span={6}><Form.Item name={['security', k]} label={m(k)} rules={[{ required: true }]}><InputNumber min={min} max={max} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
          ))}
        </Row>
        <Divider orientation="left" plain>{m('assessment')}</Divider>
        <Row gutter={16}>
          {(['response', 'resolution', 'satisfaction'] as const).map((k) => (
            <Col key={k} span={8}><Form.Item name={['assessment', 'compositeWeights', k]} label={m(k)} rules={[{ required: true }]}><InputNumber min={0} max={100} style={{ width: '100%' }} /></Form.Item></Col>
          ))}
          {(['overduePoints', 'redoPoints', 'maxPoints'] as const).map((k) => (
            <Col key={k} span={6}><Form.Item name={['assessment', 'deductions', k]} label={m(k)} rules={[{ required: true }]}><InputNumber min={0} max={100} step={0.5} style={{ width: '100%' }} /></Form.Item></Col>
          ))}
          <Col span={6}><Form.Item name={['assessment', 'listSize']} label={m('listSize')} rules={[{ required: true }]}><InputNumber min={1} max={50} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
        </Row>
        <Divider orientation="left" plain>{m('network')}</Divider>
        <Row gutter={16}>
          {NETWORK.map(([k, max]) => (
            <Col key={k} span={k.startsWith('officers') ? 8 : 12}><Form.Item name={['registry', k]} label={m(k)} rules={[{ required: true }]}><InputNumber min={0} max={max} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
          ))}
          {(['stationRequirements', 'roomRequirements'] as const).map((k) => (
            <Col key={k} span={12}>
              <Form.Item name={['registry', k]} label={m(k)} extra={m('requirementsHint')}
                rules={[{ validator: async (_, v: string[] | undefined) => { if ((v ?? []).length > 10 || (v ?? []).some((x) => !x.trim() || x.length > 20)) throw new Error(m('requirementsHint')); } }]}>
                <Select mode="tags" open={false} tokenSeparators={['，', ',', '、']} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Flex justify="flex-end"><Button type="primary" htmlType="submit" loading={busy}>{t('common.save')}</Button></Flex>
      </Form>
    </Card>
  );
}
