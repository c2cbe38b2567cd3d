// Synthetic national-scale data for the benchmark: N services × Y years, deterministic from a seed.
// No real people: names are drawn from lists of common Norwegian names, identity numbers are synthetic
// (month + 80, see syntheticNationalId) and every contact detail is made up.
import { syntheticNationalId } from '../src/features/people/people.rules.ts';
import { nationalIdHash, sealNationalId, type FieldKeys } from '../src/platform/crypto/field-crypto.ts';

/**
 * The benchmark's field keys (the app is started with them in production mode): identity numbers are
 * stored sealed with their search hash, as the app writes them, so the server has nothing to encrypt
 * on start. Fixed keys are fine for synthetic people; never use them for real data.
 */
export const benchFieldKeys: FieldKeys = { encryption: Buffer.alloc(32, 1), hash: Buffer.alloc(32, 2) };

/** mulberry32: a small, fast, seeded PRNG; the same seed gives the same data set. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const hex8 = () => Math.floor(next() * 0x100000000).toString(16).padStart(8, '0');
  const uuid = () => {
    const a1 = hex8(), b = hex8(), c = hex8(), d = hex8();
    return `${a1}-${b.slice(0, 4)}-4${b.slice(5, 8)}-a${c.slice(1, 4)}-${c.slice(4, 8)}${d}`;
  };
  return { next, int, pick, uuid };
}
export type Rng = ReturnType<typeof prng>;

export const givenNames = [
  'Ole', 'Lars', 'Knut', 'Per', 'Jan', 'Kari', 'Anne', 'Ingrid', 'Liv', 'Marit', 'Nora', 'Emma', 'Sara', 'Ida', 'Maja',
  'Jonas', 'Emil', 'Mathias', 'Henrik', 'Kristian', 'Thomas', 'Andreas', 'Marius', 'Sindre', 'Ahmed', 'Ali', 'Fatima',
  'Amina', 'Piotr', 'Anna', 'Tomasz', 'Agnieszka', 'Mohammed', 'Yusuf', 'Hanne', 'Silje', 'Camilla', 'Tone', 'Berit',
  'Geir', 'Terje', 'Rune', 'Stian', 'Espen', 'Vegard', 'Eirik', 'Sigrid', 'Tuva', 'Aksel', 'Mina', 'Elias', 'Leah',
] as const;
export const familyNames = [
  'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Karlsen',
  'Johnsen', 'Pettersen', 'Eriksen', 'Berg', 'Haugen', 'Hagen', 'Johannessen', 'Andreassen', 'Jacobsen', 'Dahl',
  'Jørgensen', 'Halvorsen', 'Henriksen', 'Lund', 'Sørensen', 'Jakobsen', 'Moen', 'Gundersen', 'Iversen', 'Strand',
  'Solberg', 'Svendsen', 'Eide', 'Knutsen', 'Martinsen', 'Paulsen', 'Bakken', 'Kristoffersen', 'Mathisen', 'Lie',
  'Amundsen', 'Nguyen', 'Rasmussen', 'Ali', 'Lunde', 'Solheim', 'Berge', 'Moe', 'Nygård', 'Bakke', 'Kowalski', 'Hussein',
] as const;
const places = [
  'Bodø', 'Tromsø', 'Molde', 'Hamar', 'Gjøvik', 'Lillehammer', 'Arendal', 'Grimstad', 'Larvik', 'Sandefjord', 'Tønsberg',
  'Moss', 'Halden', 'Kongsberg', 'Drammen', 'Skien', 'Porsgrunn', 'Haugesund', 'Stord', 'Førde', 'Ålesund', 'Steinkjer',
  'Levanger', 'Namsos', 'Narvik', 'Harstad', 'Alta', 'Hammerfest', 'Vadsø', 'Kirkenes', 'Mo i Rana', 'Mosjøen', 'Elverum',
  'Kongsvinger', 'Ringerike', 'Asker', 'Bærum', 'Lillestrøm', 'Sarpsborg', 'Fredrikstad',
] as const;
const incidentKinds = ['house_rule_breach', 'threat_violence', 'fire_alarm', 'damage', 'drugs', 'health_emergency', 'theft', 'other'] as const;
const streets = ['Storgata', 'Kirkegata', 'Havnegata', 'Skolegata', 'Jernbanegata', 'Strandveien', 'Parkveien', 'Fjellveien'] as const;
const situations = ['young_adult_left_parents', 'relationship_breakup', 'evicted', 'arrived_without_means', 'after_substance_treatment', 'lar_managing_well', 'other'] as const;
const previousStays = ['friends_family', 'temporary_accommodation', 'institution', 'prison', 'rough_sleeping', 'night_shelter', 'crisis_centre', 'own_home_lost', 'other', 'unknown'] as const;
// Destinations weighted roughly as services report them: most to a rental, many to another temporary place.
const destinations = [
  ['private_rental', 24], ['municipal_rental', 22], ['owned_home', 1], ['permanent_with_family', 5],
  ['temporary_with_family_friends', 14], ['other_temporary_accommodation', 10], ['institution_treatment', 7],
  ['prison', 3], ['homeless', 6], ['deceased', 0.3], ['other', 3], ['unknown', 4.7],
] as const;
export const journalPhrases = [
  'Samtale om boligsøk og søknad til kommunal bolig.', 'Fulgte opp avtale med NAV om økonomisk sosialhjelp.',
  'Beboer var på visning i dag, gikk bra.', 'Samtale om husordensreglene og rutiner på huset.',
  'Ringte fastlege for å avtale time.', 'Hjalp med å fylle ut søknad om bostøtte.',
  'Beboer ønsker hjelp med budsjett; avtalt ny samtale.', 'Kort prat på kjøkkenet, beboer i godt humør.',
  'Møte med boligkontoret om startlån og leie-til-eie.', 'Beboer meldte fra om ødelagt lampe på rommet.',
] as const;

export interface Scale {
  services: number;
  years: number;
}
export const fullScale: Scale = { services: 350, years: 10 };
export const smallScale: Scale = { services: 10, years: 2 };

const DAY = 86_400_000;
export const isoDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
export const dayOf = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
/** A timestamp on a day, at hour h (UTC; good enough for synthetic times). */
const at = (day: number, hour: number) => new Date(day * DAY + hour * 3_600_000).toISOString();

function weighted<T extends string>(rng: Rng, list: readonly (readonly [T, number])[]): T {
  const total = list.reduce((s, [, w]) => s + w, 0);
  let r = rng.next() * total;
  for (const [v, w] of list) if ((r -= w) < 0) return v;
  return list[list.length - 1]![0];
}

/** Nights of a stay: mostly 1–90 (a third under a week), a few extended past three months. */
function stayNights(rng: Rng): number {
  const r = rng.next();
  if (r < 0.3) return rng.int(1, 7);
  if (r < 0.65) return rng.int(8, 30);
  if (r < 0.95) return rng.int(31, 90);
  return rng.int(91, 180);
}

/** Empty days before the next stay: short in winter (high demand), longer in summer. */
function gapDays(rng: Rng, day: number): number {
  const month = new Date(day * DAY).getUTCMonth(); // 0 = January
  const summer = (Math.cos(((month - 6) / 12) * 2 * Math.PI) + 1) / 2; // 1 in July, 0 in January
  const mean = 1 + 9 * summer;
  return Math.floor(-Math.log(1 - rng.next()) * mean);
}

/** Column-oriented rows: one array per column, ready for `insert ... select * from unnest(...)`. */
export class Columns {
  readonly cols: Record<string, unknown[]>;
  readonly names: string[];
  readonly types: string[];
  constructor(spec: Record<string, string>) {
    this.names = Object.keys(spec);
    this.types = Object.values(spec);
    this.cols = Object.fromEntries(this.names.map((n) => [n, []]));
  }
  push(row: Record<string, unknown>) {
    for (const n of this.names) this.cols[n]!.push(row[n] ?? null);
  }
  get length() {
    return this.cols[this.names[0]!]!.length;
  }
}

export function newTables() {
  return {
    tenants: new Columns({ id: 'uuid', name: 'text', municipality_number: 'text', created_at: 'timestamptz' }),
    users: new Columns({ id: 'uuid', tenant_id: 'uuid', username: 'text', display_name: 'text', password_hash: 'text', created_at: 'timestamptz' }),
    user_roles: new Columns({ user_id: 'uuid', role_key: 'text' }),
    house_rules_versions: new Columns({ id: 'uuid', tenant_id: 'uuid', version: 'int4', rules: 'jsonb', published_at: 'timestamptz' }),
    houses: new Columns({ id: 'uuid', tenant_id: 'uuid', name: 'text', street_address: 'text', postal_code: 'text', city: 'text' }),
    rooms: new Columns({ id: 'uuid', tenant_id: 'uuid', house_id: 'uuid', name: 'text', capacity: 'int4', takes_couples: 'bool', state: 'text', sort_order: 'int4' }),
    people: new Columns({
      id: 'uuid', tenant_id: 'uuid', given_name: 'text', family_name: 'text', birth_date_on: 'date', id_type: 'text',
      national_id: 'text', national_id_hash: 'text', phone: 'text', created_at: 'timestamptz', updated_at: 'timestamptz',
    }),
    referrals: new Columns({
      id: 'uuid', tenant_id: 'uuid', person_id: 'uuid', partner_person_id: 'uuid', received_at: 'timestamptz', situation: 'text',
      previous_stay: 'text', nowhere_to_sleep_tonight: 'bool', consent_to_share: 'bool', caseworker_name: 'text', nav_office: 'text',
      status: 'text', status_changed_at: 'timestamptz',
    }),
    decisions: new Columns({
      id: 'uuid', tenant_id: 'uuid', referral_id: 'uuid', decided_by: 'uuid', decided_at: 'timestamptz', outcome: 'text',
      reasons: 'text', room_id: 'uuid', from_on: 'date', planned_end_on: 'date',
    }),
    offers: new Columns({
      id: 'uuid', tenant_id: 'uuid', decision_id: 'uuid', referral_id: 'uuid', room_id: 'uuid', from_on: 'date', planned_end_on: 'date',
      expires_at: 'timestamptz', status: 'text', responded_at: 'timestamptz', responded_by: 'uuid',
    }),
    waiting_list_entries: new Columns({ id: 'uuid', tenant_id: 'uuid', referral_id: 'uuid', added_at: 'timestamptz', urgency: 'text', reason: 'text', removed_at: 'timestamptz', removal_reason: 'text' }),
    stays: new Columns({
      id: 'uuid', tenant_id: 'uuid', room_id: 'uuid', person_id: 'uuid', partner_person_id: 'uuid', referral_id: 'uuid', offer_id: 'uuid',
      start_on: 'date', planned_end_on: 'date', end_on: 'date', checked_in_at: 'timestamptz', checked_in_by: 'uuid',
    }),
    move_outs: new Columns({
      id: 'uuid', tenant_id: 'uuid', stay_id: 'uuid', moved_out_on: 'date', destination: 'text', was_planned: 'bool', keys_returned: 'bool',
      room_checked: 'bool', recorded_by: 'uuid', recorded_at: 'timestamptz',
    }),
    payment_arrangements: new Columns({
      id: 'uuid', tenant_id: 'uuid', person_id: 'uuid', kind: 'text', valid_from_on: 'date', decided_on: 'date', amount_ore: 'int4', per: 'text',
      reason: 'text', assessed_by: 'text', nav_decision_reference: 'text', created_at: 'timestamptz', created_by: 'uuid',
    }),
    payment_charges: new Columns({
      id: 'uuid', tenant_id: 'uuid', person_id: 'uuid', month: 'text', kind: 'text', amount_ore: 'int4', nights: 'int4', calculation: 'jsonb',
      created_at: 'timestamptz', created_by: 'uuid',
    }),
    resident_payments: new Columns({
      id: 'uuid', tenant_id: 'uuid', person_id: 'uuid', paid_on: 'date', amount_ore: 'int4', method: 'text', reference: 'text', created_at: 'timestamptz', created_by: 'uuid',
    }),
    incidents: new Columns({
      id: 'uuid', tenant_id: 'uuid', occurred_at: 'timestamptz', location: 'text', room_id: 'uuid', type: 'text', severity: 'text', description: 'text',
      immediate_action: 'text', status: 'text', assigned_to: 'uuid', closed_at: 'timestamptz', closed_by: 'uuid', closing_note: 'text',
      reported_by: 'uuid', created_at: 'timestamptz', updated_at: 'timestamptz',
    }),
    incident_people: new Columns({ id: 'uuid', tenant_id: 'uuid', incident_id: 'uuid', kind: 'text', person_id: 'uuid' }),
  };
}
export type Tables = ReturnType<typeof newTables>;

export interface GeneratedTenant {
  tenantId: string;
  staffUsernames: string[];
  leadUsername: string;
}

const houseRules = JSON.stringify(['Ro i huset mellom 23 og 07.', 'Ingen rusmidler i huset.', 'Besøk etter avtale med personalet.']);

/**
 * Generates one service (tenant) with its rooms, users and `years` of history up to `todayDay`, into
 * `t`. Per room, stays follow one another with a seasonal gap (never overlapping); a returning
 * resident is only picked once their earlier stay has ended (never two stays at once per person).
 */
export function generateTenant(t: Tables, index: number, years: number, todayDay: number, passwordHash: string, seed: number): GeneratedTenant {
  const rng = prng(seed * 1_000_003 + index);
  const tenantId = rng.uuid();
  const place = places[index % places.length]!;
  const round = Math.floor(index / places.length);
  const name = `${place}${round ? ` ${round + 1}` : ''} kommune`;
  const startDay = todayDay - Math.round(years * 365.25);
  const createdAt = at(startDay - 30, 8);
  t.tenants.push({ id: tenantId, name, municipality_number: String(3000 + index).padStart(4, '0'), created_at: createdAt });

  const slug = `b${index}`;
  const userIds: string[] = [];
  const staffUsernames: string[] = [];
  const addUser = (username: string, displayName: string, role: string) => {
    const id = rng.uuid();
    t.users.push({ id, tenant_id: tenantId, username, display_name: displayName, password_hash: passwordHash, created_at: createdAt });
    t.user_roles.push({ user_id: id, role_key: role });
    return id;
  };
  const leadUsername = `${slug}-leder`;
  const leadId = addUser(leadUsername, `${rng.pick(givenNames)} ${rng.pick(familyNames)}`, 'service_lead');
  for (let k = 1; k <= 6; k++) {
    const username = `${slug}-ansatt${k}`;
    staffUsernames.push(username);
    userIds.push(addUser(username, `${rng.pick(givenNames)} ${rng.pick(familyNames)}`, 'staff'));
  }
  t.house_rules_versions.push({ id: rng.uuid(), tenant_id: tenantId, version: 1, rules: houseRules, published_at: createdAt });

  // Houses and rooms: 7–11 rooms in two houses; a few double rooms for couples.
  const houseIds = [rng.uuid(), rng.uuid()];
  houseIds.forEach((id, h) =>
    t.houses.push({ id, tenant_id: tenantId, name: `${place} botilbud ${h + 1}`, street_address: `${rng.pick(streets)} ${rng.int(1, 80)}`, postal_code: String(rng.int(1000, 9990)), city: place }),
  );
  const roomCount = rng.int(7, 11);
  const roomList: { id: string; couples: boolean }[] = [];
  for (let r = 0; r < roomCount; r++) {
    const couples = r % 5 === 4;
    const id = rng.uuid();
    roomList.push({ id, couples });
    t.rooms.push({ id, tenant_id: tenantId, house_id: houseIds[r % 2], name: `Rom ${r + 1}`, capacity: couples ? 2 : 1, takes_couples: couples, state: 'ready', sort_order: r });
  }

  // People, unique national ids per service.
  const usedIds = new Set<string>();
  const newPerson = (firstDay: number) => {
    const id = rng.uuid();
    const birth = isoDay(dayOf('1950-01-01') + rng.int(0, 56 * 365));
    const r = rng.next();
    let idType = r < 0.85 ? 'fnr' : r < 0.9 ? 'dnr' : r < 0.97 ? 'none' : 'other';
    let nationalId: string | null = null;
    if (idType === 'fnr' || idType === 'dnr') {
      for (let tries = 0; tries < 20 && !nationalId; tries++) {
        const candidate = syntheticNationalId(birth, rng.int(0, 949), idType === 'dnr');
        if (!usedIds.has(candidate)) nationalId = candidate;
      }
      if (nationalId) usedIds.add(nationalId);
      else idType = 'none';
    }
    const created = at(firstDay - rng.int(1, 14), 10);
    t.people.push({
      id, tenant_id: tenantId, given_name: rng.pick(givenNames), family_name: rng.pick(familyNames), birth_date_on: birth,
      id_type: idType,
      national_id: nationalId && sealNationalId(benchFieldKeys, nationalId),
      national_id_hash: nationalId && nationalIdHash(benchFieldKeys, nationalId),
      phone: rng.next() < 0.7 ? `9${rng.int(1000000, 9999999)}` : null, created_at: created, updated_at: created,
    });
    return id;
  };
  const referral = (personId: string, partnerId: string | null, receivedDay: number, status: string) => {
    const id = rng.uuid();
    t.referrals.push({
      id, tenant_id: tenantId, person_id: personId, partner_person_id: partnerId, received_at: at(receivedDay, 9 + rng.int(0, 6)),
      situation: rng.pick(situations), previous_stay: rng.pick(previousStays), nowhere_to_sleep_tonight: rng.next() < 0.4,
      consent_to_share: rng.next() < 0.8, caseworker_name: `${rng.pick(givenNames)} ${rng.pick(familyNames)}`, nav_office: `NAV ${place}`,
      status, status_changed_at: at(receivedDay + 1, 12),
    });
    return id;
  };

  const stayFrom = t.stays.length;

  // Room timelines.
  interface Planned { room: { id: string; couples: boolean }; start: number; end: number | null; nights: number }
  const planned: Planned[] = [];
  for (const room of roomList) {
    let cursor = startDay + rng.int(0, 20);
    for (;;) {
      cursor += gapDays(rng, cursor);
      const nights = stayNights(rng);
      if (cursor >= todayDay) break;
      const end = cursor + nights;
      planned.push({ room, start: cursor, end: end > todayDay ? null : end, nights });
      if (end > todayDay) break;
      cursor = end;
    }
  }
  planned.sort((a, b) => a.start - b.start);

  // Residents: a quarter come back after an earlier stay has ended.
  const active: { personId: string; end: number | null }[] = [];
  const former: string[] = [];
  for (const p of planned) {
    for (let i = active.length - 1; i >= 0; i--) {
      const a = active[i]!;
      if (a.end !== null && a.end <= p.start) {
        former.push(a.personId);
        active.splice(i, 1);
      }
    }
    let personId: string;
    if (former.length > 0 && rng.next() < 0.25) personId = former.splice(Math.floor(rng.next() * former.length), 1)[0]!;
    else personId = newPerson(p.start);
    active.push({ personId, end: p.end });
    const partnerId = p.room.couples && rng.next() < 0.5 ? newPerson(p.start) : null;

    const receivedDay = p.start - rng.int(0, 10);
    const referralId = referral(personId, partnerId, receivedDay, 'checked_in');
    const decisionId = rng.uuid();
    const plannedEnd = p.start + Math.min(Math.max(p.nights, 7), 90);
    t.decisions.push({
      id: decisionId, tenant_id: tenantId, referral_id: referralId, decided_by: leadId, decided_at: at(Math.min(receivedDay + 1, p.start), 13),
      outcome: 'offer', reasons: 'I målgruppen; ledig rom.', room_id: p.room.id, from_on: isoDay(p.start), planned_end_on: isoDay(plannedEnd),
    });
    const offerId = rng.uuid();
    const staffId = rng.pick(userIds);
    t.offers.push({
      id: offerId, tenant_id: tenantId, decision_id: decisionId, referral_id: referralId, room_id: p.room.id, from_on: isoDay(p.start),
      planned_end_on: isoDay(plannedEnd), expires_at: at(p.start + 2, 12), status: 'accepted', responded_at: at(p.start, 10), responded_by: staffId,
    });
    const stayId = rng.uuid();
    t.stays.push({
      id: stayId, tenant_id: tenantId, room_id: p.room.id, person_id: personId, partner_person_id: partnerId, referral_id: referralId, offer_id: offerId,
      start_on: isoDay(p.start), planned_end_on: isoDay(Math.max(plannedEnd, p.end ?? plannedEnd)), end_on: p.end === null ? null : isoDay(p.end),
      checked_in_at: at(p.start, 14), checked_in_by: staffId,
    });
    if (p.end !== null) {
      t.move_outs.push({
        id: rng.uuid(), tenant_id: tenantId, stay_id: stayId, moved_out_on: isoDay(p.end), destination: weighted(rng, destinations),
        was_planned: rng.next() < 0.7, keys_returned: rng.next() < 0.95, room_checked: true, recorded_by: rng.pick(userIds), recorded_at: at(p.end, 15),
      });
    }
  }
  for (const p of planned) if (p.end === null) t.rooms.cols.state![roomList.indexOf(p.room) + t.rooms.length - roomCount] = 'occupied';

  // Self-payment: an arrangement per resident from their first stay (most pay the full rate, some a
  // reduced one, some nothing on social assistance), a charge per finished month they stayed
  // (300 kr a night, at most 9 000 kr a month), and most charges paid the month after.
  const chargeNights = new Map<string, number>();
  const arrangementOf = new Map<string, { kind: 'full' | 'reduced' | 'none'; rateOre: number }>();
  const currentMonth = isoDay(todayDay).slice(0, 7);
  for (let i = stayFrom; i < t.stays.length; i++) {
    const personId = t.stays.cols.person_id![i] as string;
    const start = dayOf(t.stays.cols.start_on![i] as string);
    const endOn = t.stays.cols.end_on![i] as string | null;
    const end = endOn ? dayOf(endOn) : todayDay;
    if (!arrangementOf.has(personId)) {
      const r = rng.next();
      const kind = r < 0.85 ? 'full' : r < 0.95 ? 'none' : 'reduced';
      arrangementOf.set(personId, { kind, rateOre: kind === 'full' ? 30_000 : kind === 'reduced' ? 15_000 : 0 });
      t.payment_arrangements.push({
        id: rng.uuid(), tenant_id: tenantId, person_id: personId, kind, valid_from_on: isoDay(start), decided_on: isoDay(start),
        amount_ore: kind === 'reduced' ? 15_000 : null, per: kind === 'reduced' ? 'night' : null,
        reason: kind === 'reduced' ? 'Betalingsevne vurdert.' : null, assessed_by: kind === 'reduced' ? 'NAV' : null,
        nav_decision_reference: kind === 'none' ? `NAV-${rng.int(100000, 999999)}` : null, created_at: at(start, 15), created_by: leadId,
      });
    }
    for (let d = start; d < end; d++) {
      const key = `${personId}|${isoDay(d).slice(0, 7)}`;
      chargeNights.set(key, (chargeNights.get(key) ?? 0) + 1);
    }
  }
  for (const [key, nights] of chargeNights) {
    const [personId, month] = key.split('|') as [string, string];
    if (month >= currentMonth) continue;
    const { rateOre } = arrangementOf.get(personId)!;
    const grossOre = nights * 30_000;
    const reducedOre = nights * rateOre;
    const amountDueOre = Math.min(reducedOre, 900_000);
    const firstOfNext = dayOf(`${month}-01`) + 32;
    const chargedDay = dayOf(`${isoDay(firstOfNext).slice(0, 7)}-01`);
    t.payment_charges.push({
      id: rng.uuid(), tenant_id: tenantId, person_id: personId, month, kind: 'charge', amount_ore: amountDueOre, nights,
      calculation: JSON.stringify({ month, nights, segments: [], grossOre, reductionOre: grossOre - reducedOre, capOre: 900_000, capApplied: reducedOre > 900_000, capReductionOre: Math.max(0, reducedOre - 900_000), amountDueOre }),
      created_at: at(chargedDay, 4), created_by: null,
    });
    const paidDay = chargedDay + rng.int(5, 25);
    if (amountDueOre > 0 && paidDay < todayDay && rng.next() < 0.85) {
      t.resident_payments.push({ id: rng.uuid(), tenant_id: tenantId, person_id: personId, paid_on: isoDay(paidDay), amount_ore: amountDueOre, method: rng.pick(['bank_transfer', 'bank_transfer', 'nav_direct', 'card']), reference: `KID ${rng.int(1000000, 9999999)}`, created_at: at(paidDay, 12), created_by: rng.pick(userIds) });
    }
  }

  // Incidents (avvik): about one per eight stays, in the resident's room or the common areas; the
  // last month's still open.
  for (let i = stayFrom; i < t.stays.length; i++) {
    if (rng.next() >= 0.125) continue;
    const start = dayOf(t.stays.cols.start_on![i] as string);
    const endOn = t.stays.cols.end_on![i] as string | null;
    const day = start + rng.int(0, Math.max(0, (endOn ? dayOf(endOn) : todayDay) - start - 1));
    if (day >= todayDay) continue;
    const id = rng.uuid();
    const open = day > todayDay - 30;
    const occurredAt = at(day, rng.int(0, 23));
    const severity = weighted(rng, [['low', 50], ['medium', 35], ['high', 12], ['critical', 3]] as const);
    const inRoom = rng.next() < 0.6;
    t.incidents.push({
      id, tenant_id: tenantId, occurred_at: occurredAt, location: inRoom ? 'room' : 'common_area', room_id: inRoom ? t.stays.cols.room_id![i] : null,
      type: rng.pick(incidentKinds), severity, description: 'Syntetisk avvik for ytelsestest.', immediate_action: 'Fulgt opp av vakt.',
      status: open ? 'open' : 'closed', assigned_to: open ? leadId : null, closed_at: open ? null : at(day + rng.int(1, 14), 14), closed_by: open ? null : leadId,
      closing_note: open ? null : 'Lukket etter oppfølging.', reported_by: rng.pick(userIds), created_at: occurredAt, updated_at: occurredAt,
    });
    t.incident_people.push({ id: rng.uuid(), tenant_id: tenantId, incident_id: id, kind: 'resident', person_id: t.stays.cols.person_id![i] });
  }

  // Referrals that did not lead to a stay: refusals, withdrawals, and the waiting list (open for the last weeks).
  const others = Math.round(planned.length * 0.25);
  for (let i = 0; i < others; i++) {
    const day = startDay + rng.int(0, todayDay - startDay - 1);
    const personId = newPerson(day);
    const recent = day > todayDay - 30;
    const r = rng.next();
    const status = recent ? 'waiting_list' : r < 0.4 ? 'refused' : r < 0.7 ? 'withdrawn' : 'lapsed';
    const referralId = referral(personId, null, day, status);
    if (status === 'refused') {
      t.decisions.push({ id: rng.uuid(), tenant_id: tenantId, referral_id: referralId, decided_by: leadId, decided_at: at(day + 1, 13), outcome: 'refusal', reasons: 'Utenfor målgruppen.', room_id: null, from_on: null, planned_end_on: null });
    } else if (status === 'waiting_list' || status === 'lapsed') {
      t.decisions.push({ id: rng.uuid(), tenant_id: tenantId, referral_id: referralId, decided_by: leadId, decided_at: at(day + 1, 13), outcome: 'waiting_list', reasons: 'Ingen ledige rom.', room_id: null, from_on: null, planned_end_on: null });
      t.waiting_list_entries.push({
        id: rng.uuid(), tenant_id: tenantId, referral_id: referralId, added_at: at(day + 1, 13), urgency: rng.pick(['tonight', 'this_week', 'later']),
        reason: 'Venter på ledig rom.', removed_at: status === 'lapsed' ? at(day + rng.int(2, 20), 12) : null, removal_reason: status === 'lapsed' ? 'Fant annet sted å bo.' : null,
      });
    }
  }
  return { tenantId, staffUsernames, leadUsername };
}
