import { useEffect, useState } from 'react';
import { Form, Select } from 'antd';
import { useNotify } from '../../components/notify';
import { defineMessages, useMessages } from '../../i18n';
import { listReplyTemplates } from './knowledge-api';
import type { ReplyTemplate } from './knowledge-api';

const M = defineMessages({
  zh: { label: '答复模板（可选）', placeholder: '选择模板填入答复内容，再按实际情况修改' },
  en: { label: 'Reply template (optional)', placeholder: 'Pick a template to fill the reply, then adapt it' },
});

/**
 * 答复模板 in a reply form: the templates for the appeal's category (then its parents', then the generic ones);
 * picking one fills the reply text — and the result, when the template is for one — for the handler to adapt.
 */
export function ReplyTemplatePicker({ categoryId, textField, resultField }: { categoryId: string | null; textField: string; resultField: string }) {
  const m = useMessages(M);
  const notify = useNotify();
  const form = Form.useFormInstance();
  const [templates, setTemplates] = useState<ReplyTemplate[] | null>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    listReplyTemplates(categoryId, undefined, ctrl.signal).then(setTemplates, (e: unknown) => { if (!ctrl.signal.aborted) { setTemplates([]); notify.error(e); } });
    return () => ctrl.abort();
  }, [categoryId, notify]);
  const pick = (id: string) => {
    const t = templates?.find((x) => x.id === id);
    if (!t) return;
    form.setFieldValue(textField, t.text);
    if (t.result) form.setFieldValue(resultField, t.result);
  };
  return (
    <Form.Item label={m('label')}>
      <Select showSearch optionFilterProp="label" loading={templates === null} placeholder={m('placeholder')} onChange={pick} data-testid="reply-template"
        options={(templates ?? []).map((t) => ({ value: t.id, label: t.name }))} />
    </Form.Item>
  );
}
