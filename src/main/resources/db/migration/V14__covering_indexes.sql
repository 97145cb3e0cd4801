-- Nothing changes on SQLite: its indexes already carry the row id, so a lookup of members or visits by day reads
-- their ids from the index alone. The PostgreSQL port of this version (db/postgresql/V14) adds the ids to those
-- indexes so the same lookups are index-only there too. The version exists on both engines so their histories match.
SELECT 1;
