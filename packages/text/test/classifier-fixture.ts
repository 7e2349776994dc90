// A small synthetic corpus for classifier tests: four categories, sentences built from category phrases and
// shared filler, so the right answer is known and the test needs no shared data.
import { createRandom } from '../src/random';

const PHRASES: Record<string, string[]> = {
  城乡建设: ['小区物业不作为', '楼道漏水没人修', '电梯经常停运', '违章建筑占用绿地', '老旧小区改造进度慢', '房产证迟迟办不下来', '开发商延期交房', '路灯不亮井盖丢失'],
  劳动和社会保障: ['公司拖欠工资三个月', '单位不给缴纳社保', '养老保险转移接续', '农民工讨薪无门', '劳动合同到期不续签', '失业保险金怎么领取', '工伤认定拖延', '医保报销比例太低'],
  教育文体: ['学校乱收补课费', '孩子入学学区划分不合理', '幼儿园收费太贵', '校外培训机构卷钱跑路', '老师体罚学生', '学校食堂饭菜质量差', '体育馆不对市民开放', '中考加分政策不透明'],
  环境保护: ['工厂夜间偷排污水', '搅拌站噪音扰民', '烧烤油烟扰民', '河道黑臭水体', '垃圾焚烧厂气味难闻', '工地扬尘严重', '养殖场粪便污染', '化工厂废气刺鼻'],
};
const FILLER = ['希望有关部门尽快处理', '反映多次无人解决', '严重影响居民生活', '请领导重视', '已经持续很久了', '市民反映强烈'];

/** Labelled synthetic messages (title + body style), deterministic for a seed. */
export function syntheticCorpus(perLabel: number, seed: number): { text: string; label: string }[] {
  const random = createRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const rows: { text: string; label: string }[] = [];
  for (const [label, phrases] of Object.entries(PHRASES)) {
    for (let i = 0; i < perLabel; i++) rows.push({ label, text: `${pick(phrases)}\n${pick(FILLER)}，${pick(phrases)}，${pick(FILLER)}。` });
  }
  return rows;
}
