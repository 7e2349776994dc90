import { defineMessages } from '../../i18n';

export const M = defineMessages({
  zh: {
    title: '听证会', create: '新建听证会', hearingTitle: '听证会名称', topic: '听证事项', place: '地点', scheduledAt: '举行时间', organiser: '组织单位',
    minNoticeDays: '公告提前天数', notice: '听证公告', status: '状态', published: '门户公示', details: '详情', required: '请填写{field}',
    draft: '草稿', announced: '已公告', held: '已举行', concluded: '已形成结果', cancelled: '已取消',
    representatives: '听证代表', addRepresentative: '添加代表', kind: '类别', resident: '居民代表', enterprise: '企业代表', name: '姓名', phone: '电话',
    organisation: '企业名称', constituency: '所在社区/街道', attended: '出席', absent: '缺席',
    materials: '听证材料', addMaterial: '添加材料', materialTitle: '材料名称', summary: '内容摘要', public: '在门户公开', internal: '内部',
    announce: '发布公告', hold: '记录举行情况', minutes: '听证纪要', attendedReps: '出席代表', conclude: '公布听证结果', outcome: '听证结果', cancel: '取消听证会', reason: '取消原因',
    publish: '在门户公示', unpublish: '从门户撤下', onPortal: '已公示', offPortal: '未公示', saved: '已保存', none: '暂无', masked: '代表信息已脱敏显示',
    publicNote: '公告、公开材料、纪要和结果会在门户公示；代表姓名和电话不会公开。',
  },
  en: {
    title: 'Hearings', create: 'New hearing', hearingTitle: 'Title', topic: 'Matter heard', place: 'Place', scheduledAt: 'Held at', organiser: 'Organiser',
    minNoticeDays: 'Notice days', notice: 'Notice', status: 'Status', published: 'On portal', details: 'Details', required: 'Please fill in {field}',
    draft: 'Draft', announced: 'Announced', held: 'Held', concluded: 'Concluded', cancelled: 'Cancelled',
    representatives: 'Representatives', addRepresentative: 'Add representative', kind: 'Kind', resident: 'Resident', enterprise: 'Enterprise', name: 'Name', phone: 'Phone',
    organisation: 'Enterprise', constituency: 'Community / street', attended: 'Present', absent: 'Absent',
    materials: 'Materials', addMaterial: 'Add material', materialTitle: 'Title', summary: 'Summary', public: 'Public on the portal', internal: 'Internal',
    announce: 'Announce', hold: 'Record the hearing', minutes: 'Minutes', attendedReps: 'Representatives present', conclude: 'Publish the outcome', outcome: 'Outcome', cancel: 'Cancel hearing', reason: 'Reason',
    publish: 'Publish on portal', unpublish: 'Take off portal', onPortal: 'Published', offPortal: 'Not published', saved: 'Saved', none: 'None', masked: 'Representatives are shown masked',
    publicNote: 'The notice, public materials, minutes and outcome are shown on the portal; representatives’ names and phones never are.',
  },
});
