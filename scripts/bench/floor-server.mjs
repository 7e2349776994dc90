// The HTTP floor of a load scenario: a bare node:http server, in as many processes as the product's server, that
// answers every request with the same bytes the product answered one request of that scenario with — no database,
// no routing, no session, no presenting. What the load generator and Node's HTTP alone cost on this machine is the
// ceiling any implementation of the scenario could reach here (read-load.ts prints it beside the product's figure).
//
//   node scripts/bench/floor-server.mjs ANSWER_FILE PROCESSES   → prints "floor listening PORT" once every process listens
import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import http from 'node:http';

const [file, processesArg] = process.argv.slice(2);
const processes = Math.max(1, Number(processesArg) || 1);

if (cluster.isPrimary) {
  let listening = 0;
  for (let i = 0; i < processes; i++) {
    cluster.fork().on('message', (m) => {
      if (m?.port && ++listening === processes) console.log(`floor listening ${m.port}`);
    });
  }
  cluster.on('exit', (_w, code) => { if (code) process.exit(code); });
  process.on('SIGTERM', () => { for (const w of Object.values(cluster.workers ?? {})) w?.kill(); process.exit(0); });
} else {
  const answer = readFileSync(file);
  const server = http.createServer((req, res) => {
    // Read the request body as the product would, then answer with the recorded bytes.
    req.on('data', () => {});
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': answer.length, 'cache-control': 'no-store' });
      res.end(answer);
    });
  });
  server.keepAliveTimeout = 72_000;
  // Port 0 in a cluster worker: the primary picks one port and shares it between the workers.
  server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
}
