// Drizzle wraps the driver's error; the SQLSTATE is on the cause (both PGlite and pg).
function sqlState(err: unknown): { code?: string; constraint?: string } {
  const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  return e?.cause?.code ? e.cause : e;
}

/** True when a unique index refused the write (SQLSTATE 23505), optionally a named one. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const s = sqlState(err);
  return s.code === '23505' && (!constraint || s.constraint === constraint);
}

/** True when an exclusion constraint refused the write (SQLSTATE 23P01), e.g. overlapping stays. */
export function isExclusionViolation(err: unknown, constraint?: string): boolean {
  const s = sqlState(err);
  return s.code === '23P01' && (!constraint || s.constraint === constraint);
}
