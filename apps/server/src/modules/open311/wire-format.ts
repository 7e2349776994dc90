import { AppError } from '@minsheng/contracts';

/** GeoReport v2 puts the format in the path (`services.xml`); XML is mandatory, JSON optional (we serve both). */
export type WireFormat = 'xml' | 'json';

export const CONTENT_TYPES: Record<WireFormat, string> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** The MIME types advertised in Service Discovery. */
export const DISCOVERY_FORMATS = ['text/xml', 'application/json'];

/**
 * Split `name.fmt` into the resource name and its format. Anything but .xml or .json is an unknown resource
 * (404), which is what the spec's "unknown resource" rule asks for.
 */
export function splitFormat(segment: string): { name: string; format: WireFormat } {
  const dot = segment.lastIndexOf('.');
  const ext = dot > 0 ? segment.slice(dot + 1).toLowerCase() : '';
  if (ext !== 'xml' && ext !== 'json') throw new AppError('NOT_FOUND', 'the path must end in .xml or .json');
  return { name: segment.slice(0, dot), format: ext };
}

/** The format an error about this URL should be written in: the URL's own when it names one, else XML (mandatory). */
export function formatOfUrl(url: string): WireFormat {
  const path = url.split('?')[0] ?? '';
  return /\.json$/i.test(path) ? 'json' : 'xml';
}
