/**
 * Passwords that top every leaked-password list, lower-cased, with the ones Chinese users favour (keyboard runs,
 * 我爱你 = 5201314 / woaini1314, pinyin names with 123). Short, because length and character classes already stop
 * most of them; this catches the ones that pass those rules.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '123456', '12345678', '123456789', '1234567890', '111111', '88888888', '666666', '000000', '123123', '654321',
  '5201314', '1314520', 'a123456', 'a12345678', 'aa123456', 'aa12345678', 'abc123', 'abc123456', 'abc12345678', 'abcd1234',
  'qwer1234', 'qwerty', 'qwerty123', 'qwe123', 'qweasd', 'qweasdzxc', 'asdf1234', 'asd123', 'zxcvbnm', 'zxcvbnm123',
  '1qaz2wsx', '1qaz@wsx', '1qaz@wsx3edc', '1q2w3e4r', '1q2w3e4r5t', 'zaq12wsx', 'q1w2e3r4', 'qq123456', 'woaini', 'woaini1314',
  'woaini520', 'iloveyou', 'password', 'password1', 'password123', 'password123!', 'p@ssw0rd', 'p@ssw0rd123', 'passw0rd', 'admin',
  'admin123', 'admin@123', 'admin123456', 'admin@123456', 'administrator', 'root@123', 'test@123', 'huawei@123', 'abc@123', 'abc@123456',
  'aa123456!', 'aa@123456', 'qwer@1234', 'qwer1234!', 'a1234567', 'a1b2c3d4', 'changeme', 'welcome1', 'letmein', 'minsheng123',
  'minsheng@123', 'minsheng12345', '12345qwert', 'qwertyuiop', 'asdfghjkl', '1234qwer', '123qwe', '123qwe!@#', '147258369', '159357',
]);
