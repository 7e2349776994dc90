import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { AppError } from '@minsheng/contracts';
import { arithmeticSvg } from './arithmetic-svg';

/** What a human check token carries: a single-use nonce, the keyed hash of the answer and the expiry. */
interface Claims { n: string; h: string; e: number }

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url');
const mac = (secret: string, purpose: string, data: string) => createHmac('sha256', secret).update(`${purpose}\n${data}`).digest();

/** The keyed hash of an answer: the token never holds the answer itself, so it cannot be read off the token. */
function answerHash(secret: string, nonce: string, answer: string): string {
  return b64(mac(secret, 'human-check-answer', `${nonce}:${answer}`));
}

/** A new arithmetic question (sums up to 18, differences never negative), its picture and its signed token. */
export function issueHumanCheck(secret: string, now: Date, validMinutes: number): { token: string; svg: string; answer: number } {
  const a = randomInt(1, 10), b = randomInt(1, 10);
  const plus = randomInt(2) === 0;
  const [x, y] = plus || a >= b ? [a, b] : [b, a];
  const answer = plus ? x + y : x - y;
  const nonce = b64(randomBytes(16));
  const claims: Claims = { n: nonce, h: answerHash(secret, nonce, String(answer)), e: now.getTime() + validMinutes * 60_000 };
  const payload = b64(JSON.stringify(claims));
  const token = `${payload}.${b64(mac(secret, 'human-check-token', payload))}`;
  return { token, svg: arithmeticSvg(`${x} ${plus ? '+' : '-'} ${y} = ?`), answer };
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a), y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Check a token and answer: the signature, the expiry and the answer. Returns the nonce, which the caller spends
 * (stores) so the same solved check cannot be used twice. Every failure is the same HUMAN_CHECK_FAILED.
 */
export function verifyHumanCheck(secret: string, token: string, answer: string, now: Date): string {
  const fail = (why: string) => new AppError('HUMAN_CHECK_FAILED', why, { field: 'humanCheckAnswer' });
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined || !same(signature, b64(mac(secret, 'human-check-token', payload)))) throw fail('bad token');
  let claims: Claims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Claims;
  } catch {
    throw fail('bad token');
  }
  if (typeof claims.e !== 'number' || claims.e <= now.getTime()) throw fail('expired');
  const given = answer.trim().replace(/^\+/, '');
  if (!/^-?[0-9]{1,3}$/.test(given) || !same(claims.h, answerHash(secret, claims.n, String(Number(given))))) throw fail('wrong answer');
  return claims.n;
}
