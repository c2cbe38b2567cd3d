import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import type { Database } from '../../platform/db/client.ts';
import { contextFor } from '../../platform/http/test-context.ts';
import { buildTenant, buildUser } from '../../platform/auth/auth.factory.ts';
import { AppError } from '../../platform/http/errors.ts';
import { buildHouse } from '../rooms/rooms.factory.ts';
import { incidentPeople, incidents } from '../incidents/incidents.tables.ts';
import { inventoryItems } from './stays.tables.ts';
import { inventoryInspections } from './inventory.tables.ts';
import { checkRoomInventory, getRoomCondition } from './inventory.service.ts';
import { buildReadyRoom, buildResident } from './move-out.factory.ts';
import { moveOutInput } from './move-out.schema.ts';
import { recordMoveOut } from './move-out.service.ts';
import { moveOuts } from './moving-on.tables.ts';

let database: Database;
let tenantId: string;
let staffId: string;
let leadId: string;
let housingOfficeId: string;
let house: { id: string; tenantId: string };

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await buildTenant(database.db)).id;
  staffId = (await buildUser(database.db, { tenantId, roles: ['staff'] })).id;
  leadId = (await buildUser(database.db, { tenantId, roles: ['service_lead'] })).id;
  housingOfficeId = (await buildUser(database.db, { tenantId, roles: ['housing_office'] })).id;
  house = await buildHouse(database.db, { tenantId, name: 'Inventarhuset' });
});
afterAll(() => database.close());

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const damageIncidentsOf = (itemId: string) => database.db.select().from(incidents).where(and(eq(incidents.inventoryItemId, itemId), eq(incidents.type, 'damage')));

describe('damage found at move-out', () => {
  it('an item found damaged or missing becomes a damage incident with the household, in the move-out’s transaction', async () => {
    const r = await buildResident(database.db, { house, decidedBy: leadId, items: ['Seng', 'Stol', 'Gardiner'] });
    const [seng, stol, gardiner] = r.inventory;
    await recordMoveOut(
      await contextFor(database, staffId),
      r.stay.id,
      moveOutInput.parse({
        destination: 'private_rental',
        wasPlanned: true,
        returnedKeyIds: [r.roomKey.id, r.frontKey.id],
        roomChecked: true,
        inventory: [
          { itemId: seng!.id, condition: 'damaged', note: 'Brannmerke i madrassen' },
          { itemId: stol!.id, condition: 'missing' },
          { itemId: gardiner!.id, condition: 'good' },
        ],
      }),
    );
    const [sengIncident] = await damageIncidentsOf(seng!.id);
    expect(sengIncident).toMatchObject({ location: 'room', roomId: r.room.id, severity: 'low', status: 'open', reportedBy: staffId });
    expect(sengIncident!.description).toBe('Seng skadet ved utflytting. Brannmerke i madrassen');
    expect((await damageIncidentsOf(stol!.id))).toHaveLength(1);
    expect(await damageIncidentsOf(gardiner!.id)).toEqual([]);
    const involved = await database.db.select().from(incidentPeople).where(eq(incidentPeople.incidentId, sengIncident!.id));
    expect(involved.map((p) => p.personId)).toEqual([r.person.id]);

    const view = await getRoomCondition(await contextFor(database, housingOfficeId), r.room.id);
    expect(view.items.find((i) => i.id === seng!.id)).toMatchObject({ condition: 'damaged', lastCheck: 'move_out', lastNote: 'Brannmerke i madrassen', openIncidentId: sengIncident!.id });
  });

  it('a move-out that is refused writes no damage incident either', async () => {
    const r = await buildResident(database.db, { house, decidedBy: leadId, items: ['Seng', 'Stol'] });
    const [seng] = r.inventory;
    // Only one of two items checked: refused as incomplete.
    const err = await rejection(
      recordMoveOut(
        await contextFor(database, staffId),
        r.stay.id,
        moveOutInput.parse({ destination: 'private_rental', wasPlanned: true, returnedKeyIds: [], roomChecked: true, inventory: [{ itemId: seng!.id, condition: 'damaged' }] }),
      ),
    );
    expect(err.code).toBe('move_out.inventory_incomplete');
    expect(await damageIncidentsOf(seng!.id)).toEqual([]);
    expect(await database.db.select().from(moveOuts).where(eq(moveOuts.stayId, r.stay.id))).toEqual([]);
  });
});

describe('checkRoomInventory', () => {
  it('records the check, updates the conditions, and makes an incident only of what is newly damaged or missing', async () => {
    const { room, inventory } = await buildReadyRoom(database.db, { house, items: ['Skrivebord', 'Stol', 'Lampe'] });
    const [desk, chair, lamp] = inventory;
    await database.db.update(inventoryItems).set({ condition: 'damaged' }).where(eq(inventoryItems.id, lamp!.id));
    const result = await checkRoomInventory(await contextFor(database, staffId), room.id, {
      lines: [
        { itemId: desk!.id, condition: 'worn' },
        { itemId: chair!.id, condition: 'missing', note: 'Ikke på hybelen' },
        { itemId: lamp!.id, condition: 'damaged' },
      ],
    });
    expect(result.incidentIds).toHaveLength(1);
    const [incident] = await damageIncidentsOf(chair!.id);
    expect(incident!.id).toBe(result.incidentIds[0]);
    expect(incident!.description).toBe('Stol mangler ved kontroll av hybelen. Ikke på hybelen');
    expect(await damageIncidentsOf(lamp!.id)).toEqual([]);
    expect(result.condition.items.map((i) => [i.name, i.condition, i.lastCheck])).toEqual([
      ['Lampe', 'damaged', 'inspection'],
      ['Skrivebord', 'worn', 'inspection'],
      ['Stol', 'missing', 'inspection'],
    ]);
  });

  it('refuses an incomplete list and someone without inventory:write; nothing is written', async () => {
    const { room, inventory } = await buildReadyRoom(database.db, { house, items: ['Seng', 'Stol'] });
    const err = await rejection(checkRoomInventory(await contextFor(database, staffId), room.id, { lines: [{ itemId: inventory[0]!.id, condition: 'missing' }] }));
    expect(err.code).toBe('stay.inventory_incomplete');
    expect(
      (await rejection(checkRoomInventory(await contextFor(database, housingOfficeId), room.id, { lines: inventory.map((i) => ({ itemId: i.id, condition: 'good' as const })) }))).code,
    ).toBe('auth.forbidden');
    expect(await database.db.select().from(inventoryInspections).where(eq(inventoryInspections.roomId, room.id))).toEqual([]);
    expect(await damageIncidentsOf(inventory[0]!.id)).toEqual([]);
    const view = await getRoomCondition(await contextFor(database, staffId), room.id);
    expect(view.items.every((i) => i.condition === 'good' && i.lastCheck === null)).toBe(true);
  });
});
