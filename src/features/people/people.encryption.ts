import type { Db } from '../../platform/db/client.ts';
import { isSealed, nationalIdHash, sealNationalId, type FieldKeys } from '../../platform/crypto/field-crypto.ts';
import * as q from './people.queries.ts';

/**
 * Encrypts identity numbers still stored in plain (rows written before the `security` migration; ADR 006).
 * A SQL migration cannot do this, the key lives only in the application, so the server runs it on
 * start, after the migrations. Idempotent: a row counts as plain while it has no hash, and each row
 * is updated only if it still has none. Runs as the table owner, before any request is served.
 * Returns how many rows it encrypted.
 */
export async function sealPlainNationalIds(db: Db, keys: FieldKeys): Promise<number> {
  let done = 0;
  for (;;) {
    const batch = await q.listPlainNationalIds(db, 500);
    if (batch.length === 0) return done;
    await db.transaction(async (tx) => {
      for (const row of batch) {
        const plain = row.nationalId!;
        // A sealed value without a hash (cannot happen through the app) is left to the error below.
        if (isSealed(plain)) throw new Error(`people row ${row.id}: sealed identity number without its hash`);
        await q.storeSealedNationalId(tx as unknown as Db, row.id, sealNationalId(keys, plain), nationalIdHash(keys, plain));
      }
    });
    done += batch.length;
  }
}
