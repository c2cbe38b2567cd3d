-- btree_gist lets an exclusion constraint combine "same room" (=) with "overlapping dates" (&&),
-- which is how the database itself refuses two stays in one room at once. PGlite and PG 15 both ship it.
CREATE EXTENSION IF NOT EXISTS btree_gist;
