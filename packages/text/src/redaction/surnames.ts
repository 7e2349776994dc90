// The most common Chinese surnames (over 85% of the population) and the double surnames still in use. A name
// detector needs them to tell 王建国 from 建设局; rarer surnames are found only through context (我叫…, …先生).

/** Common single-character surnames. */
export const SURNAMES: ReadonlySet<string> = new Set([...
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝',
]);

/** Double surnames (复姓). */
export const DOUBLE_SURNAMES: readonly string[] = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '令狐', '慕容', '尉迟', '公孙', '夏侯', '端木', '司徒', '长孙', '宇文', '呼延', '南宫', '西门'];

/** Length of the surname at the start of `word` (2 for 欧阳…, 1 for 王…), or 0 when it starts with none. */
export function surnameLength(word: string): number {
  if (DOUBLE_SURNAMES.some((d) => word.startsWith(d))) return 2;
  return SURNAMES.has(word[0] ?? '') ? 1 : 0;
}
