import { jiebaFor } from '../segment/jieba';
import { surnameLength } from './surnames';
import type { PiiSpan } from './types';
import { span } from './types';

// Names are found on jieba's segmentation: it tags dictionary names `nr` and leaves unknown words it glued
// together with its HMM as `x`, which for a surname + one or two characters is often a name. Both tags are also
// given to ordinary words, so such a token only counts next to evidence: a form of address or role after it
// (张女士, 胡华衡书记) or an introducing word before it (我叫, 本人, 业主, 丈夫). Precision over recall: a name
// mentioned with no such context ("王伟军作为社区主任" without a role right after) is missed.

const TITLES = ['先生', '女士', '小姐', '老师', '师傅', '同志', '阿姨', '大爷', '大妈', '大姐', '大哥', '老板', '奶奶', '爷爷', '师父'];
const ROLES = new Set(['书记', '市长', '区长', '县长', '镇长', '乡长', '村长', '局长', '主任', '经理', '科长', '所长', '校长', '院长',
  '队长', '部长', '处长', '厂长', '站长', '组长', '律师', '医生', '护士', '警官', '民警', '会计', '主席', '总', '董事长', '老板', ...TITLES]);
const INTRODUCERS = new Set(['叫', '名叫', '叫做', '本人', '姓名', '联系人', '业主', '户主', '投诉人', '举报人', '反映人', '申请人', '当事人',
  '患者', '病人', '学生', '家长', '丈夫', '妻子', '老公', '老婆', '老伴', '儿子', '女儿', '儿媳', '女婿', '孙子', '孙女', '父亲', '母亲',
  '爸爸', '妈妈', '公公', '婆婆', '岳父', '岳母', '爷爷', '奶奶', '外公', '外婆', '孩子', '哥哥', '姐姐', '弟弟', '妹妹', '老人', '员工',
  '工人', '同事', '邻居', '朋友', '司机', '租户', '房东', '车主', '家属', '我是', '系']);
// Surnames that are far more often a preposition or verb in front of a title (向老师反映 = "to the teacher").
const FUNCTION_SURNAMES = new Set(['向', '于', '和', '从', '对', '把', '给', '在', '让', '跟', '找', '问', '将', '与', '同', '及', '由', '被', '为', '请']);
// Forms of address and job titles after a surname (王先生, 刘科长): the surname is the personal part.
const ADDRESS_TERMS = [...TITLES, ...[...ROLES].filter((r) => r.length >= 2 && !TITLES.includes(r))];
// Words that start with a surname character but are the introducing words or roles themselves (申请人, 师傅).
const NOT_NAMES = new Set([...INTRODUCERS, ...ROLES, '谢谢', '感谢']);
// Single characters that end a name rather than continue it (杨雨萱在… but 张三在…).
const NOT_GIVEN = new Set([...'在的是了和与说等也都就还把被给让向对从于今年月日到去来要会已又再']);
const CJK = /^[\u4e00-\u9fff]+$/;
// jieba's tags for names (nr, nrt, nrfg) and for unknown words its HMM glued together (x).
const NAME_TAG = /^(?:nr|nz|x$)/;
// After these a name follows whatever jieba made of it (我叫马/立新: 立新 is tagged an adverb).
const STRONG_INTRODUCERS = new Set(['叫', '名叫', '叫做', '姓名', '联系人', '申请人', '举报人', '投诉人', '反映人', '当事人', '本人']);
const THING_ENDING = /[区市县省镇乡村街路道桥站港湾河湖山园城楼房馆院局所厂店场司业部科处室组队证法梦费款税车线网台报刊会社团校]$/;
const PUNCT_OR_SPACE = /^[\s:：,，、]+$/;

interface Token { word: string; tag: string; start: number; end: number }

function tagWithOffsets(text: string): Token[] {
  const out: Token[] = [];
  let pos = 0;
  for (const t of jiebaFor([]).tag(text, true)) {
    // jieba returns consecutive pieces of the input; indexOf guards against any normalisation it might do.
    const at = text.startsWith(t.word, pos) ? pos : text.indexOf(t.word, pos);
    if (at < 0) continue;
    out.push({ word: t.word, tag: t.tag, start: at, end: at + t.word.length });
    pos = at + t.word.length;
  }
  return out;
}

// Characters no given name uses; jieba's dictionary tags a few phrases with them as names (谢谢您/nr).
const NEVER_IN_NAME = /[您你我他她们的了吗呢吧啊]/;

function looksLikeName(word: string): boolean {
  const s = surnameLength(word);
  return s > 0 && CJK.test(word) && word.length > s && word.length <= s + 2 && !NEVER_IN_NAME.test(word);
}

/** An introducing word, or a longer word ending in one (学生家长 → 家长). */
function isIntroducer(word: string): boolean {
  if (INTRODUCERS.has(word) || word.endsWith('叫')) return true;
  for (let k = 2; k < word.length; k++) if (INTRODUCERS.has(word.slice(word.length - k))) return true;
  return false;
}

/** The token right before, skipping only a colon or space (姓名：张三, but not 业主，全…). */
function tightPrevious(tokens: Token[], i: number): string {
  for (let j = i - 1; j >= 0 && j >= i - 2; j--) if (!/^[\s:：]+$/.test(tokens[j]!.word)) return tokens[j]!.word;
  return '';
}

/** Previous token that is not punctuation or space (姓名：张三). */
function previousWord(tokens: readonly Token[], i: number): string {
  for (let j = i - 1; j >= 0 && j >= i - 2; j--) if (!PUNCT_OR_SPACE.test(tokens[j]!.word)) return tokens[j]!.word;
  return '';
}

/** Personal names: surname-led words that jieba tags as names, next to a form of address, role or introducing word. */
export function findNames(text: string): PiiSpan[] {
  const tokens = tagWithOffsets(text);
  const found: PiiSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    const prev = previousWord(tokens, i);
    const introduced = isIntroducer(prev) || isIntroducer(`${previousWord(tokens, i - 1)}${prev}`);
    const title = ADDRESS_TERMS.find((x) => t.word.endsWith(x) && t.word.length > x.length);
    if (title) {
      // 张女士, 李师傅 as one token: the name is what precedes the title.
      const name = t.word.slice(0, t.word.length - title.length);
      const s = surnameLength(name);
      const nameTag = t.tag.startsWith('nr') || t.tag === 'x'; // 项目经理 is a noun, 李师傅 a name
      if (nameTag && s > 0 && CJK.test(name) && name.length <= s + 2 && !(name.length === 1 && FUNCTION_SURNAMES.has(name))) found.push(span('name', text, t.start, t.start + name.length));
      continue;
    }
    const sl = surnameLength(t.word);
    if (sl === t.word.length) {
      if (next && ADDRESS_TERMS.includes(next.word)) {
        // 王 / 先生, 刘 / 科长 as two tokens.
        if (!FUNCTION_SURNAMES.has(t.word)) found.push(span('name', text, t.start, t.end));
        continue;
      }
      // 欧阳 / 娜娜, or 我叫 / 张 / 三: a bare surname followed by a short given name that jieba did not take for
      // an ordinary word (业主和物业: 物业 is a noun; 业主，全处于: 处于 is a verb).
      const tight = tightPrevious(tokens, i);
      const strong = STRONG_INTRODUCERS.has(tight) || tight.endsWith('叫');
      const givenName = next && CJK.test(next.word) && next.word.length <= 2 && !ROLES.has(next.word) && !NOT_GIVEN.has(next.word)
        && !NEVER_IN_NAME.test(next.word) && !(FUNCTION_SURNAMES.has(t.word) && !next.tag.startsWith('nr'));
      if (next && givenName && (strong || ((sl === 2 || isIntroducer(tight)) && NAME_TAG.test(next.tag)))) {
        found.push(span('name', text, t.start, next.end));
        i++;
      }
      continue;
    }
    if (!looksLikeName(t.word) || NOT_NAMES.has(t.word)) continue;
    // jieba tags plenty of ordinary words nr (谢谢, 高新区, 许可证, 段时间), so a name-like token needs evidence next to
    // it: an introducing word or role before it (我叫, 业主, 经理) or a role or form of address after it (书记, 先生).
    const evidence = introduced || ROLES.has(prev) || (next !== undefined && ROLES.has(next.word));
    const nameTag = t.tag.startsWith('nr') || t.tag === 'x';
    if (!nameTag || !evidence || THING_ENDING.test(t.word)) continue;
    let end = t.end;
    // jieba's HMM sometimes leaves the last character of a three-character name on its own (杨雨 / 萱).
    if (t.word.length === sl + 1 && next && next.word.length === 1 && CJK.test(next.word) && !NOT_GIVEN.has(next.word) && next.tag !== 'p' && next.tag !== 'uj') {
      end = next.end;
      i++;
    }
    found.push(span('name', text, t.start, end));
  }
  return found;
}
