import type { PiiSpan } from './types';
import { span } from './types';

// A detailed address is a house-number chain (3栋2单元501室, 88号, G2栋320, 5-2-301) plus the road or estate name
// in front of it. The district or road alone is not personal and stays readable, so the span starts after the
// last administrative unit (市/区/县/镇…) or introducing word (住在, 位于…).

const NUM = '(?:[A-Za-z]?\\d+[A-Za-z]?|[一二三四五六七八九十百零〇]+)';
// 户 is left out: "115户" counts households far more often than it numbers a door.
const UNIT = '(?:号院|号楼|号|栋|幢|座|单元|楼|层|室|房)';
const CHAIN = new RegExp(`(?:${NUM}[-－]?${UNIT}[-－]?)+(?:${NUM}(?:室|房|号)?)?|(?<![\\d-])[1-9]\\d{0,3}(?:[-－]\\d{1,4}){2,3}(?:室|号|房)?(?![\\d-])`, 'g');
// A place name: a road, estate or building word somewhere in the text left of the number chain.
const PLACE_WORD = /路|街|大道|巷|弄|胡同|村|组|社区|小区|花园|家园|公寓|大厦|广场|苑|园|城|府|庭|阁|郡|湾|院|中心|新村|宿舍|厂|期|区/;
// Walking left stops at these: administrative units end the public part; verbs and prepositions start the address.
const LEFT_STOP = /[市县省镇乡在住于是到往址的与及从由知得有向给找去来说示让被为对将该把买卖租投诉反映这那个并但或请也都就还又已要会能可应各每共其、，。；：:,.;！!？?\s（）()“”"【】《》[\]]/;
const ESTATE_DISTRICT = /[小社景校园厂街]/;
const MAX_LEFT = 12;
// "小区3号楼" names no estate: a building in an unnamed estate identifies no one unless a flat is given.
const UNNAMED_PLACE = /^(?:本|该|我们|我家|这个|那个|我们的)?(?:小区|社区|村|院|大院|楼)$/;
// A door or flat (3栋2单元501室, 10栋101号, 5-2-301): identifying even without the estate's name.
const FLAT = /室|单元|层|\d号$|[-－]\d+(?:室|号|房)?$/;

function leftStart(text: string, end: number): number {
  let i = end;
  while (i > 0 && end - i < MAX_LEFT) {
    const ch = text[i - 1]!;
    if (LEFT_STOP.test(ch)) break;
    // 区 closes a district (A3区, 朝阳区) but belongs to an estate name (幸福小区, 社区, 景区).
    if (ch === '区' && !ESTATE_DISTRICT.test(text[i - 2] ?? '')) break;
    if (text.slice(i - 2, i) === '街道') break; // 龙桥街道 is the sub-district, not the street
    if (/\d/.test(ch) && text[i] !== undefined && /[\u4e00-\u9fff]/.test(text[i]!)) break; // A3区…: stop at a number ending a name
    i--;
  }
  return i;
}

/** Detailed addresses (down to the building, door or room). */
export function findAddresses(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const m of text.matchAll(CHAIN)) {
    const chain = m[0];
    const start = m.index;
    const end = start + chain.length;
    const before = text[start - 1] ?? '';
    const after = text.slice(end, end + 2);
    if (/[月日年第共约]/.test(before) || /^(?:线|路公交|号线|人|元|次|天|年|月|日|岁|分|时|个|家|辆|期)/.test(after)) continue;
    if (/^\d+号$/.test(chain) && /[月]/.test(text.slice(Math.max(0, start - 3), start))) continue;
    // Floors alone describe a building (最高11层, 7层及以下); two 号 are a range of days or documents (5号-13号).
    if (!/号|栋|幢|座|单元|室|房|[-－]/.test(chain) || /^\d+号[-－~至]+\d+号$/.test(chain)) continue;
    const left = leftStart(text, start);
    const place = text.slice(left, start);
    // Named: 幸福小区3栋, 人民路16号. Otherwise only a door or flat in digits counts: "22栋", "一栋商务楼" and
    // "四室两厅" are buildings counted or described, not someone's address.
    const named = place.length >= 2 && PLACE_WORD.test(place) && !UNNAMED_PLACE.test(place);
    const flat = FLAT.test(chain) && /\d/.test(chain) && (/[-－]/.test(chain) || (chain.match(/号院|号楼|号|栋|幢|座|单元|楼|层|室|房/g) ?? []).length >= 2);
    if (!named && !flat) continue;
    if (/^\d+(?:[-－]\d+){2,3}/.test(chain) && !named) continue; // 2019-05-03 is a date, not 5-2-301
    out.push(span('address', text, named ? left : start, end));
  }
  return out;
}
