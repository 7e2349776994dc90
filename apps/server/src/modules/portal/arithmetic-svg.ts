/**
 * Draws a short arithmetic question ("7 + 5 = ?") as an SVG of stroked segments: no font is fetched or embedded,
 * and the text is not in the document as characters, so a scraper must read the picture. Each glyph is jittered and
 * tilted a little, with a few noise lines.
 */

// Segments of each glyph on a 0–10 × 0–16 grid: [x1, y1, x2, y2].
const A = [1, 1, 9, 1], B = [9, 1, 9, 8], C = [9, 8, 9, 15], D = [1, 15, 9, 15], E = [1, 8, 1, 15], F = [1, 1, 1, 8], G = [1, 8, 9, 8];
const GLYPHS: Record<string, number[][]> = {
  '0': [A, B, C, D, E, F, [1, 15, 9, 1]], '1': [[5, 1, 5, 15], [3, 3, 5, 1], [3, 15, 7, 15]], '2': [A, B, G, E, D], '3': [A, B, G, C, D],
  '4': [F, G, B, C], '5': [A, F, G, C, D], '6': [A, F, G, C, D, E], '7': [A, [9, 1, 4, 15]], '8': [A, B, C, D, E, F, G], '9': [A, B, C, D, F, G],
  '+': [[5, 4, 5, 12], [1, 8, 9, 8]], '-': [[1, 8, 9, 8]], '=': [[1, 6, 9, 6], [1, 11, 9, 11]], '?': [A, B, [9, 8, 5, 8], [5, 8, 5, 11], [5, 14, 5, 15]],
};

/** A deterministic-enough source of jitter; `random` is injectable so tests can pin the picture. */
export type Random = () => number;

export function arithmeticSvg(question: string, random: Random = Math.random): string {
  const glyphs = [...question].filter((ch) => ch !== ' ');
  const width = 16 + glyphs.length * 22;
  const height = 48;
  const lines: string[] = [];
  glyphs.forEach((ch, i) => {
    const segments = GLYPHS[ch];
    if (!segments) return;
    const ox = 10 + i * 22 + random() * 4;
    const oy = 8 + random() * 6;
    const tilt = (random() - 0.5) * 0.3;
    const point = (x: number, y: number) => {
      const px = ox + x * 1.3 + (y - 8) * tilt;
      return `${px.toFixed(1)},${(oy + y * 1.9).toFixed(1)}`;
    };
    const d = segments.map(([x1, y1, x2, y2]) => `M${point(x1!, y1!)}L${point(x2!, y2!)}`).join('');
    lines.push(`<path d="${d}" stroke="#1f3a5f" stroke-width="2.4" stroke-linecap="round" fill="none"/>`);
  });
  for (let i = 0; i < 4; i++) {
    const y1 = (random() * height).toFixed(1), y2 = (random() * height).toFixed(1);
    lines.push(`<line x1="0" y1="${y1}" x2="${width}" y2="${y2}" stroke="#8aa1bd" stroke-width="1" opacity="0.6"/>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="算术验证题">`
    + `<rect width="100%" height="100%" fill="#f3f6fa"/>${lines.join('')}</svg>`;
}
