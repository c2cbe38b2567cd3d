// The load generator, run as its own process (so it does not share a CPU thread with the app it
// measures): `node bench/cannon.ts <config.json>`; prints one JSON result line on stdout.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface CannonRequest {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: unknown;
  /** A label for counting successful responses (e.g. 'write'). */
  label?: string;
}
export interface CannonConfig {
  url: string;
  connections: number;
  duration?: number;
  amount?: number;
  /** One entry per simulated user; connection i uses clients[i % clients.length]. */
  clients: { cookie?: string; requests: CannonRequest[] }[];
}
export interface CannonResult {
  connections: number;
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  okByLabel: Record<string, number>;
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0);

export async function runCannon(config: CannonConfig): Promise<CannonResult> {
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  const okByLabel: Record<string, number> = {};
  let connection = 0;
  const toRequest = (cookie: string | undefined, r: CannonRequest) => ({
    method: r.method,
    path: r.path,
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    ...(r.body === undefined ? {} : { body: JSON.stringify(r.body) }),
    onResponse: (status: number) => {
      if (r.label && status >= 200 && status < 300) okByLabel[r.label] = (okByLabel[r.label] ?? 0) + 1;
    },
  });
  const started = performance.now();
  const instance = autocannon({
    url: config.url,
    connections: config.connections,
    ...(config.amount ? { amount: config.amount } : { duration: config.duration ?? 10 }),
    timeout: 30,
    setupClient: (client: { setRequests(r: unknown[]): void }) => {
      const c = config.clients[connection++ % config.clients.length]!;
      client.setRequests(c.requests.map((r) => toRequest(c.cookie, r)));
    },
  } as never);
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
  });
  const result = (await instance) as unknown as { errors: number; timeouts: number; non2xx: number };
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    connections: config.connections,
    requests: latencies.length,
    seconds: round(seconds),
    rps: round(latencies.length / seconds),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
    okByLabel,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const config = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as CannonConfig;
  const result = await runCannon(config);
  process.stdout.write(JSON.stringify(result) + '\n');
}
