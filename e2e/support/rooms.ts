import { apiAs } from './api.ts';

export interface FreeRoom {
  id: string;
  name: string;
  houseName: string;
  /** The room's inventory list, as the check-in form shows it (by name). */
  inventory: string[];
}

interface Board {
  rooms: { id: string; name: string; houseName: string; state: string; resident: unknown }[];
  arrivals: { roomId: string }[];
  freeRooms: { id: string; name: string; houseName: string }[];
}

/**
 * A room that is ready, has nobody living in it and nobody on the way (no accepted offer waiting for
 * check-in): the preferred one when it is free, otherwise the first free one. Its inventory list is
 * filled in when empty, as the housing office does once per room (the demo rooms have none).
 */
export async function freeRoomWithInventory(preferred: string, items: string[]): Promise<FreeRoom> {
  const api = await apiAs('ansatt');
  try {
    const res = await api.get('/api/board');
    if (!res.ok()) throw new Error(`GET /api/board failed: HTTP ${res.status()} ${await res.text()}`);
    const board = (await res.json()) as Board;
    const reserved = new Set(board.arrivals.map((a) => a.roomId));
    const free = board.freeRooms.filter((r) => !reserved.has(r.id));
    const room = free.find((r) => r.name === preferred) ?? free[0];
    if (!room) throw new Error(`no free room on the board (rooms: ${board.rooms.map((r) => `${r.name} ${r.state}`).join(', ')})`);

    const listed = await api.get(`/api/rooms/${room.id}/inventory`);
    if (!listed.ok()) throw new Error(`GET inventory of ${room.name} failed: HTTP ${listed.status()} ${await listed.text()}`);
    const present = ((await listed.json()) as { name: string }[]).map((i) => i.name);
    for (const name of items.filter((i) => !present.includes(i))) {
      const added = await api.post(`/api/rooms/${room.id}/inventory`, { data: { name, condition: 'good' } });
      if (!added.ok()) throw new Error(`adding ${name} to ${room.name} failed: HTTP ${added.status()} ${await added.text()}`);
      present.push(name);
    }
    return { ...room, inventory: present };
  } finally {
    await api.dispose();
  }
}
