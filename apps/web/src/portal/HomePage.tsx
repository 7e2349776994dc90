import { Link } from 'react-router-dom';
import { Alert } from 'antd';
import { defineMessages, useMessages } from '../i18n';
import { NAV, PM, usePortalConfig } from './PortalApp';

const M = defineMessages({
  zh: {
    welcome: '有事找政府，写信、查询、评价都在这里。我们对每一件诉求都限时办理、及时答复。',
    write: '反映问题、投诉举报、咨询建议；可上传照片', track: '凭编号和查询码查看进度，评价办理结果', board: '群众来信与部门答复（已隐去个人信息）',
    stats: '各单位受理、答复、按时办结和满意度', knowledge: '常见问题的办理指南', proxy: '民生事项代办：程序、材料和承诺时限，查询代办进度', hearings: '重大事项听证会的公告、代表和结果', directory: '接待地点、时间、电话和领导接访安排',
  },
  en: {
    welcome: 'Write to the government, follow your case and rate the answer. Every appeal is handled within a time limit and answered.',
    write: 'Report a problem, complain, ask or suggest; photos welcome', track: 'Follow your appeal with its number and query code, rate the result',
    board: 'Letters and the answers (personal data removed)', stats: 'Received, answered, on time and satisfaction per unit',
    knowledge: 'How-to answers to common questions', proxy: 'Services we handle for you: steps, papers, time limits; track a request', hearings: 'Public hearings: notices, representatives and outcomes', directory: 'Reception places, hours, phones and leaders\' reception days',
  },
});

/** The portal's front page: what a citizen can do here, one large tile each. */
export default function HomePage() {
  const m = useMessages(M);
  const pm = useMessages(PM);
  const config = usePortalConfig();
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={pm('site', { name: config.jurisdiction.name })} description={m('welcome')} />
      <div className="portal-tiles">
        {NAV.map((k) => <Link key={k} to={`/${k}`} className="portal-tile"><b>{pm(k)}</b><span>{m(k)}</span></Link>)}
      </div>
    </>
  );
}
