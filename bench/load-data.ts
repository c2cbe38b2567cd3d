// Loads the synthetic data set with bulk SQL: `insert ... select * from unnest($1::uuid[], ...)` in
// batches (one statement per 5 000 rows, one round trip), tenants in chunks so memory stays flat, and
// the journal (≈ 10 entries per stay) generated inside the database with generate_series.
import { dayOf, generateTenant, isoDay, journalPhrases, newTables, prng, type Columns, type GeneratedTenant, type Tables, type Scale } from './synthetic.ts';

/** The one thing the loader needs from a database: a parameterised query (pg Pool or PGlite). */
export interface Raw {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

const BATCH = 5_000;
const TENANT_CHUNK = 25;

export async function insertColumns(raw: Raw, table: string, c: Columns) {
  for (let from = 0; from < c.length; from += BATCH) {
    const params = c.names.map((n) => c.cols[n]!.slice(from, from + BATCH));
    const list = c.types.map((t, i) => `$${i + 1}::${t}[]`).join(', ');
    await raw.query(`insert into "${table}" (${c.names.map((n) => `"${n}"`).join(', ')}) select * from unnest(${list})`, params);
  }
}

// Parents before children (foreign keys).
const order: (keyof Tables)[] = [
  'tenants', 'users', 'user_roles', 'house_rules_versions', 'houses', 'rooms', 'people', 'referrals', 'decisions', 'offers',
  'waiting_list_entries', 'stays', 'move_outs', 'payment_arrangements', 'payment_charges', 'resident_payments', 'incidents', 'incident_people',
];

async function insertTables(raw: Raw, t: Tables) {
  for (const name of order) await insertColumns(raw, name, t[name]);
}

/** Journal entries for the stays of some tenants, made by the database: about one per three nights. */
async function insertJournal(raw: Raw, tenantIds: string[], todayIso: string) {
  const types = `array['conversation','phone_call','meeting','service_contact','note']`;
  const services = `array['nav','health_care','mental_health_substance','housing_office','landlord','other']`;
  const phrases = `array[${journalPhrases.map((p) => `'${p.replace(/'/g, "''")}'`).join(',')}]`;
  await raw.query(
    `insert into journal_entries (id, tenant_id, person_id, stay_id, occurred_at, type, service, body, is_sensitive, created_at, created_by)
     select md5(s.id::text || g.i)::uuid, s.tenant_id, s.person_id, s.id, o.occ,
            (${types})[1 + h.h % 5],
            case when h.h % 5 = 3 then (${services})[1 + (h.h / 5) % 6] end,
            (${phrases})[1 + (h.h / 30) % ${journalPhrases.length}],
            h.h % 17 = 0, o.occ, u.ids[1 + (h.h / 300) % array_length(u.ids, 1)]
       from stays s
       join (select tenant_id, array_agg(id order by username) ids from users where tenant_id = any($1::uuid[]) group by tenant_id) u on u.tenant_id = s.tenant_id
       cross join lateral (select greatest(1, least(60, (coalesce(s.end_on, $2::date) - s.start_on) / 3)) as n,
                                  greatest(coalesce(s.end_on, $2::date) - s.start_on, 1) as nights) c
       cross join lateral generate_series(1, c.n) g(i)
       cross join lateral (select abs(hashtext(s.id::text || g.i)) as h) h
       cross join lateral (select ((s.start_on + ((g.i - 1) * c.nights / c.n))::timestamp + make_interval(hours => 8 + h.h % 9)) at time zone 'Europe/Oslo' as occ) o
      where s.tenant_id = any($1::uuid[])`,
    [tenantIds, todayIso],
  );
}

/**
 * The audit log's history, one event per journal entry: the write of the entry (every third) or a read
 * of the record that day. A national deployment logs every read, so the log is the biggest table; an
 * almost empty one would give the planner statistics no real system has, and the benchmark's own
 * reads (tens of thousands in a run) would then meet a plan made for one row.
 */
async function insertAuditHistory(raw: Raw, tenantIds: string[]) {
  await raw.query(
    `insert into audit_events (id, tenant_id, at, kind, actor_user_id, action, entity_type, entity_id, person_id, purpose)
     select md5('audit' || j.id::text)::uuid, j.tenant_id, j.created_at,
            case when h.h % 3 = 0 then 'write' else 'read' end, j.created_by,
            case when h.h % 3 = 0 then 'journal.write' else (array['person.read','journal.read','stay.read'])[1 + h.h % 3] end,
            case when h.h % 3 = 0 then 'journal_entry' else 'person' end,
            case when h.h % 3 = 0 then j.id else j.person_id end,
            j.person_id, 'follow_up'
       from journal_entries j
       cross join lateral (select abs(hashtext(j.id::text)) as h) h
      where j.tenant_id = any($1::uuid[])`,
    [tenantIds],
  );
}

export interface ContentionFixture {
  tenantId: string;
  username: string;
  houseRulesVersionId: string;
  roomIds: string[];
  offerIds: string[];
}

/** A service with few rooms and many accepted offers for them: for check-in under contention. */
function contentionTenant(t: Tables, todayDay: number, passwordHash: string, seed: number, offers = 150): ContentionFixture {
  const rng = prng(seed * 7 + 1);
  const tenantId = rng.uuid();
  const now = new Date(todayDay * 86_400_000).toISOString();
  t.tenants.push({ id: tenantId, name: 'Kø kommune (benchmark)', municipality_number: '9999', created_at: now });
  const userId = rng.uuid();
  t.users.push({ id: userId, tenant_id: tenantId, username: 'kø-ansatt', display_name: 'Kø Ansatt', password_hash: passwordHash, created_at: now });
  t.user_roles.push({ user_id: userId, role_key: 'service_lead' });
  const houseRulesVersionId = rng.uuid();
  t.house_rules_versions.push({ id: houseRulesVersionId, tenant_id: tenantId, version: 1, rules: '["Ro i huset."]', published_at: now });
  const houseId = rng.uuid();
  t.houses.push({ id: houseId, tenant_id: tenantId, name: 'Køhuset', street_address: 'Køveien 1', postal_code: '9999', city: 'Kø' });
  const roomIds = [rng.uuid(), rng.uuid(), rng.uuid()];
  roomIds.forEach((id, i) => t.rooms.push({ id, tenant_id: tenantId, house_id: houseId, name: `K${i + 1}`, capacity: 1, takes_couples: false, state: 'ready', sort_order: i }));
  const offerIds: string[] = [];
  for (let i = 0; i < offers; i++) {
    const personId = rng.uuid();
    t.people.push({ id: personId, tenant_id: tenantId, given_name: 'Kø', family_name: `Person ${i}`, birth_date_on: '1990-01-01', id_type: 'none', national_id: null, national_id_hash: null, phone: null, created_at: now, updated_at: now });
    const referralId = rng.uuid();
    t.referrals.push({ id: referralId, tenant_id: tenantId, person_id: personId, partner_person_id: null, received_at: now, situation: 'evicted', previous_stay: 'unknown', nowhere_to_sleep_tonight: true, consent_to_share: false, caseworker_name: 'Kø Veileder', nav_office: 'NAV Kø', status: 'accepted', status_changed_at: now });
    const decisionId = rng.uuid();
    const roomId = roomIds[i % roomIds.length]!;
    t.decisions.push({ id: decisionId, tenant_id: tenantId, referral_id: referralId, decided_by: userId, decided_at: now, outcome: 'offer', reasons: 'Benchmark.', room_id: roomId, from_on: isoDay(todayDay - 1), planned_end_on: isoDay(todayDay + 30) });
    const offerId = rng.uuid();
    offerIds.push(offerId);
    t.offers.push({ id: offerId, tenant_id: tenantId, decision_id: decisionId, referral_id: referralId, room_id: roomId, from_on: isoDay(todayDay - 1), planned_end_on: isoDay(todayDay + 30), expires_at: isoDay(todayDay + 2) + 'T12:00:00Z', status: 'accepted', responded_at: now, responded_by: userId });
  }
  return { tenantId, username: 'kø-ansatt', houseRulesVersionId, roomIds, offerIds };
}

export interface LoadResult {
  tenants: GeneratedTenant[];
  contention: ContentionFixture;
  seconds: number;
  counts: Record<string, number>;
}

export async function loadSynthetic(
  raw: Raw,
  options: { scale: Scale; seed: number; todayIso: string; passwordHash: string; log?: (line: string) => void },
): Promise<LoadResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  // The generator keeps every foreign key by construction, so the load skips the per-row foreign-key
  // triggers (replica role; needs a superuser, as PGlite's and a local server's postgres are) and
  // does not wait for the disk at each batch's commit. Constraints that are not triggers (unique,
  // exclusion, check) are still checked for every row.
  await raw.query(`set session_replication_role = replica`).catch(() => log('  (not a superuser: foreign-key triggers stay on)'));
  await raw.query(`set synchronous_commit = off`);
  const todayDay = dayOf(options.todayIso);
  const tenants: GeneratedTenant[] = [];
  for (let from = 0; from < options.scale.services; from += TENANT_CHUNK) {
    const t = newTables();
    const chunk: string[] = [];
    for (let i = from; i < Math.min(from + TENANT_CHUNK, options.scale.services); i++) {
      const g = generateTenant(t, i, options.scale.years, todayDay, options.passwordHash, options.seed);
      tenants.push(g);
      chunk.push(g.tenantId);
    }
    const t0 = performance.now();
    await insertTables(raw, t);
    const t1 = performance.now();
    await insertJournal(raw, chunk, options.todayIso);
    await insertAuditHistory(raw, chunk);
    const t2 = performance.now();
    log(`  loaded services ${from + 1}–${from + chunk.length} (rows ${Math.round((t1 - t0) / 1000)} s, journal and audit log ${Math.round((t2 - t1) / 1000)} s; ${Math.round((t2 - started) / 1000)} s in all)`);
  }
  const t = newTables();
  const contention = contentionTenant(t, todayDay, options.passwordHash, options.seed);
  await insertTables(raw, t);
  await raw.query(`set session_replication_role = origin`).catch(() => {});
  await raw.query('analyze');
  const counts: Record<string, number> = {};
  for (const table of ['people', 'referrals', 'stays', 'move_outs', 'journal_entries', 'waiting_list_entries', 'payment_charges', 'resident_payments', 'incidents', 'audit_events']) {
    const { rows } = await raw.query<{ n: string }>(`select count(*)::text as n from "${table}"`);
    counts[table] = Number(rows[0]!.n);
  }
  return { tenants, contention, seconds: (performance.now() - started) / 1000, counts };
}
