import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../db/test-database.ts';
import type { Database } from '../db/client.ts';
import { buildTenant, buildUser } from '../auth/auth.factory.ts';
import { buildPerson } from '../../features/people/people.factory.ts';
import { createTestApp } from './test-app.ts';

// Issue #8 point 7: generated hostile input against EVERY write route of the OpenAPI document (a
// new route is included without touching this file), as a user holding every role. Each request
// must get an answer below 500, and a refused one (4xx) must leave every table exactly as it was.

let database: Database;
let tenantId: string;
let personId: string;
let client: ReturnType<ReturnType<typeof createTestApp>['client']>;
const password = 'skrivetilgang-til-alt';

interface Operation {
  method: string;
  path: string;
  params: string[];
  bodyFields: string[];
  hasBody: boolean;
}
let operations: Operation[] = [];

type Schema = { $ref?: string; properties?: Record<string, unknown>; allOf?: Schema[]; anyOf?: Schema[]; oneOf?: Schema[] };

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  const roles = (await database.db.execute(sql`select key from roles where key <> 'system'`)) as unknown as { rows: { key: string }[] };
  const user = await buildUser(database.db, { tenantId, roles: roles.rows.map((r) => r.key), password });
  personId = (await buildPerson(database.db, { tenantId })).id;
  const test = createTestApp(database, { now: () => new Date('2026-11-26T10:00:00+01:00') });
  client = test.client();
  await client.login(user.username, password);

  const doc = (await client.get('/api/openapi.json')).body as {
    paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
    components: { schemas: Record<string, Schema> };
  };
  const resolve = (schema: Schema | undefined): Schema | undefined =>
    schema?.$ref ? resolve(doc.components.schemas[schema.$ref.split('/').at(-1)!]) : schema;
  const fieldsOf = (schema: Schema | undefined): string[] => {
    const s = resolve(schema);
    if (!s) return [];
    return [...Object.keys(s.properties ?? {}), ...[...(s.allOf ?? []), ...(s.anyOf ?? []), ...(s.oneOf ?? [])].flatMap(fieldsOf)];
  };
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => ['post', 'put', 'patch', 'delete'].includes(method))
      // Logging out ends the fuzzing user's own session: it is a write, but not one that takes input.
      .filter(([method]) => !(method === 'post' && path === '/api/auth/logout'))
      .map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        params: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
        bodyFields: [...new Set(fieldsOf(op.requestBody?.content?.['application/json']?.schema))],
        hasBody: Boolean(op.requestBody),
      })),
  );
}, 120_000);
afterAll(() => database.close());

/** A fingerprint of every table in public: row count and a hash of all rows. */
async function fingerprint(): Promise<Record<string, string>> {
  const tables = (await database.db.execute(
    sql`select tablename from pg_tables where schemaname = 'public' order by tablename`,
  )) as unknown as { rows: { tablename: string }[] };
  const parts = tables.rows.map(
    (t) => sql`select ${t.tablename}::text as name, count(*)::text || ':' || coalesce(md5(string_agg(x::text, '|' order by x::text)), '') as print from ${sql.identifier(t.tablename)} x`,
  );
  const result = (await database.db.execute(sql.join(parts, sql` union all `))) as unknown as { rows: { name: string; print: string }[] };
  return Object.fromEntries(result.rows.map((r) => [r.name, r.print]));
}

const hostileText = fc.oneof(
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "'; drop table people; --",
    "' or '1'='1",
    '1; select pg_sleep(0)',
    '\u202Egnp.exe',
    '\u0000\u0001\u0007\u001b[31m',
    '\uFEFF\u200B\u2028\u2029',
    '\uD800',
    '30.02.2026',
    '2026-02-30',
    '2026-13-01',
    '0000-00-00',
    '31.04.2026',
    '9999999999-01-01',
    '../../etc/passwd',
    '%00',
    '${jndi:ldap://x}',
    '{{7*7}}',
    ' ',
    '',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer({ min: 1000, max: 200_000 }).map((n) => 'Å'.repeat(n)),
);
const hostileNumber = fc.oneof(
  fc.constantFrom(-1, -0, 0.5, -999_999_999, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, -(2 ** 63)),
  fc.double({ noNaN: true }),
  fc.integer(),
);
const wrongType = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  fc.constantFrom('NaN', 'Infinity', '-1', '1e999', 'true'),
);
const hostileValue = fc.oneof(hostileText, hostileNumber, wrongType);

/** A path parameter: an id that does not exist, a real person's id, or something that is not an id at all. */
const paramValue = fc.oneof(
  fc.constant(randomUUID()),
  fc.constant('PERSON'),
  fc.constantFrom('1', 'null', '00000000-0000-0000-0000-000000000000', "1' or '1'='1", '<script>', 'ÆØÅ', '%E2%80%AE'),
);

const bodyFor = (op: Operation) =>
  fc.oneof(
    // Every known field hostile, some left out.
    fc.record(Object.fromEntries(op.bodyFields.map((f) => [f, hostileValue])), { requiredKeys: [] }),
    // A body of the wrong shape altogether.
    fc.oneof(hostileValue, fc.array(hostileValue, { maxLength: 3 }), fc.constant({})),
  );

describe('generated bad input against every write route', () => {
  it('finds the write routes in the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(30);
    expect(operations.map((o) => `${o.method} ${o.path}`)).toEqual(expect.arrayContaining(['POST /api/people', 'PUT /api/people/{id}']));
  });

  it('answers every one below 500, and a refusal changes nothing in the database', async () => {
    const answers: Record<string, number> = {};
    for (const op of operations) {
      await fc.assert(
        fc.asyncProperty(fc.array(paramValue, { minLength: op.params.length, maxLength: op.params.length }), bodyFor(op), async (params, body) => {
          let path = op.path;
          op.params.forEach((name, i) => {
            const value = params[i] === 'PERSON' ? personId : params[i]!;
            path = path.replace(`{${name}}`, encodeURIComponent(value));
          });
          const before = await fingerprint();
          const res = await (op.method === 'POST'
            ? client.post(path, body)
            : op.method === 'PUT'
              ? client.put(path, body)
              : op.method === 'PATCH'
                ? client.patch(path, body)
                : client.delete(path));
          answers[res.status] = (answers[res.status] ?? 0) + 1;
          expect(res.status, `${op.method} ${op.path} → ${res.status} ${JSON.stringify(res.body)}`).toBeLessThan(500);
          if (res.status >= 400) {
            const after = await fingerprint();
            const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
            expect(changed, `${op.method} ${op.path} was refused with ${res.status} but changed tables`).toEqual([]);
          }
        }),
        { numRuns: 3, seed: 20261126, endOnFailure: true },
      );
    }
    // Mostly refusals, as it should be with input like this.
    const refused = Object.entries(answers).filter(([s]) => Number(s) >= 400).reduce((n, [, c]) => n + c, 0);
    expect(refused).toBeGreaterThan(operations.length * 2);
  }, 300_000);

  it('stores text as given: a script tag and a right-to-left override in a name come back verbatim', async () => {
    const givenName = '<script>alert("x")</script>';
    const familyName = 'Nordmann\u202Egnp.exe';
    const created = await client.post('/api/people', { givenName, familyName, idType: 'none', preferredLanguage: 'nb' });
    expect(created.status).toBe(201);
    const read = await client.get(`/api/people/${(created.body as { id: string }).id}?purpose=registration`);
    expect(read.body).toMatchObject({ givenName, familyName });
  });
});
