-- PostgreSQL port of db/migration/V9__import_rows.sql; keep the two equal in effect.

-- Which rows of which file each kind of import (members or purchases) stored, so that running the same file again (after a crash, a
-- cancel, or by mistake) skips exactly those rows and finishes the rest: a file is known by the SHA-256 of
-- its bytes, a row by its CSV record number (the header is record 1). A batch stores consecutive rows, so
-- one range per batch (plus one per rejected row, which is tried again by the next run) is enough even
-- for millions of rows. A range is written in the same transaction as the rows it stands for.
ALTER TABLE imports ADD COLUMN file_hash TEXT COLLATE "C";
CREATE INDEX imports_file_hash ON imports (file_hash) WHERE file_hash IS NOT NULL;

CREATE TABLE import_rows (
  file_hash TEXT COLLATE "C" NOT NULL,
  -- members or purchases: a file with both kinds of columns may be imported as each, once
  kind      TEXT COLLATE "C" NOT NULL,
  first_row BIGINT  NOT NULL,
  last_row  BIGINT  NOT NULL CHECK (last_row >= first_row),
  import_id BIGINT  NOT NULL REFERENCES imports (id),
  PRIMARY KEY (file_hash, kind, first_row)
);
