/** Display masks for personal data (DOMAIN.md §8): 张**, 138****1234. Applied to everyone by default. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

export function maskPhone(phone: string): string {
  const p = phone.replace(/\s/g, '');
  if (p.length <= 4) return '*'.repeat(p.length);
  if (p.length < 8) return `${'*'.repeat(p.length - 4)}${p.slice(-4)}`;
  return `${p.slice(0, 3)}${'*'.repeat(p.length - 7)}${p.slice(-4)}`;
}

/** Keeps the first few characters (district, road) and hides the rest (building, room). */
export function maskAddress(address: string): string {
  const chars = [...address.trim()];
  const keep = Math.min(6, Math.floor(chars.length / 2));
  return chars.slice(0, keep).join('') + (chars.length > keep ? '****' : '');
}
