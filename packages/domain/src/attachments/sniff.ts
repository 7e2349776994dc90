import type { AttachmentType } from '@minsheng/contracts';

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/**
 * The type of a file judged by its magic numbers. A name ending in .jpg or a browser's declared type proves nothing:
 * an HTML page or an executable renamed photo.jpg is refused here, whatever it claims.
 */
export function sniffAttachmentType(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  return null;
}

/** The extension a stored file is offered with, so a download never runs as something else. */
export const ATTACHMENT_EXTENSIONS: Record<AttachmentType, string> = {
  'image/jpeg': '.jpg', 'image/png': '.png', 'image/gif': '.gif', 'image/webp': '.webp', 'application/pdf': '.pdf',
};

/**
 * A file name safe to store and show: path parts, control characters and bidi overrides removed, trimmed to the
 * limit, and the extension set from the sniffed type (a "photo.jpg.exe" becomes "photo.jpg.exe.jpg" — harmless).
 */
export function cleanAttachmentName(name: string, type: AttachmentType, maxLength: number): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim();
  const ext = ATTACHMENT_EXTENSIONS[type];
  const stem = (base.toLowerCase().endsWith(ext) || (type === 'image/jpeg' && base.toLowerCase().endsWith('.jpeg'))) ? base : `${base || '附件'}${ext}`;
  return stem.length <= maxLength ? stem : `${stem.slice(0, maxLength - ext.length - 1)}…${ext}`;
}
