import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderAccessMatrix } from '../apps/server/src/http/access-matrix-doc';

/** Write docs/access-matrix.md from the access matrix data (the matrix test checks it is current). */
const target = fileURLToPath(new URL('../docs/access-matrix.md', import.meta.url));
writeFileSync(target, renderAccessMatrix());
console.log(`wrote ${target}`);
