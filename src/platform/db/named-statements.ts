import pg from 'pg';

/**
 * Every statement with parameters becomes a named (prepared) statement on its connection: PostgreSQL
 * parses it once per connection and, once its plan cache trusts a generic plan, plans it once too.
 * node-postgres only prepares statements that carry a name, and Drizzle names none unless a query is
 * built with `.prepare(name)`, so the name is given here, one per distinct SQL text. The app's
 * statements are few and fixed (a list of ids becomes `$2, $3, …`, one text per length), so the
 * names stay bounded; past MAX_NAMES texts a statement runs unnamed, as before.
 *
 * Measured on the national benchmark data (docs/scaling.md): the board's statements took 5.3 ms per
 * request unnamed and 3.4 ms named, on one connection, most of the difference being planning under
 * row-level security.
 *
 * Not for a connection pooler in transaction mode (PgBouncer before 1.21), which does not keep a
 * connection's prepared statements: set DATABASE_PREPARE=false there.
 */
const MAX_NAMES = 2000;
const names = new Map<string, string>();

function nameFor(text: string): string | undefined {
  const known = names.get(text);
  if (known !== undefined || names.size >= MAX_NAMES) return known;
  const name = `bn${names.size + 1}`;
  names.set(text, name);
  return name;
}

type QueryConfig = { text: string; name?: string; values?: unknown[] };
const isConfig = (value: unknown): value is QueryConfig =>
  typeof value === 'object' && value !== null && typeof (value as QueryConfig).text === 'string';

/** A pg Client that names its parameterised statements; give it to the Pool as `Client`. */
export class NamingClient extends pg.Client {
  // pg's own overloads are many; the override only rewrites the first argument and passes the rest on.
  override query(...args: unknown[]): never {
    const [config, values] = args;
    const params = isConfig(config) && config.values !== undefined ? config.values : values;
    if (Array.isArray(params) && params.length > 0) {
      if (typeof config === 'string') {
        const name = nameFor(config);
        if (name) args[0] = { text: config, name };
      } else if (isConfig(config) && !config.name) {
        const name = nameFor(config.text);
        if (name) args[0] = { ...config, name };
      }
    }
    return (super.query as (...a: unknown[]) => never)(...args);
  }
}
