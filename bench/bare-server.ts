// The HTTP limit: a bare Node `http` server answering the same JSON the app answered, from memory.
// `node bench/bare-server.ts <responses.json> <port>`; the file maps "METHOD url" to a JSON body.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const responses = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Record<string, unknown>;
const bodies = new Map(Object.entries(responses).map(([key, body]) => [key, Buffer.from(JSON.stringify(body))]));
const server = createServer((req, res) => {
  const body = bodies.get(`${req.method} ${req.url}`);
  // Drain a request body (POST search) before answering, as the app does.
  req.resume();
  req.on('end', () => {
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length, 'cache-control': 'no-store' });
    res.end(body);
  });
});
server.listen(Number(process.argv[3]), '127.0.0.1', () => process.stdout.write('ready\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
