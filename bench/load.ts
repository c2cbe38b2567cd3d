// Point 9 of issue #8 ("Load held"): 50 staff users of several services at once for a minute, each
// reading the board and a resident's page and writing journal entries; afterwards every 2xx write must
// be a row (counted in SQL by the run's marker, see afterChecks in meta.ts).
import { randomUUID } from 'node:crypto';
import { cannon, login } from './lib.ts';
import type { Meta } from './meta.ts';
import type { CannonResult } from './cannon.ts';
import { osloDate } from '../src/features/stays/stays.rules.ts';

export interface LoadTestResult extends CannonResult {
  users: number;
  marker: string;
  writesOk: number;
  rowsFound: number | null;
  lost: number | null;
  inFlightAtStop?: number;
}

export async function runLoadTest(url: string, _target: unknown, meta: Meta, password: string, seconds: number): Promise<LoadTestResult> {
  const marker = `Lasttest ${randomUUID().slice(0, 8)}:`;
  const today = osloDate(new Date());
  console.log(`  Load: logging in ${meta.loadUsers.length} staff users …`);
  const clients = [];
  for (const u of meta.loadUsers) {
    const cookie = await login(url, u.username, password);
    const person = `/api/people/${u.residentId}`;
    clients.push({
      cookie,
      requests: [
        { method: 'GET' as const, path: '/api/board' },
        { method: 'GET' as const, path: `${person}?purpose=follow_up` },
        { method: 'GET' as const, path: `${person}/journal` },
        {
          method: 'POST' as const,
          path: `${person}/journal`,
          // 00:00 today is never in the future (a fixed 10:00 was refused with 400 before 10 in the morning).
          body: { occurredOn: today, occurredTime: '00:00', type: 'note', body: `${marker} samtale om boligsøk.`, isSensitive: false },
          label: 'write',
        },
      ],
    });
  }
  console.log(`  Load: ${clients.length} users for ${seconds} s …`);
  const result = await cannon({ url, connections: clients.length, duration: seconds, clients });
  return { ...result, users: clients.length, marker, writesOk: result.okByLabel.write ?? 0, rowsFound: null, lost: null };
}
