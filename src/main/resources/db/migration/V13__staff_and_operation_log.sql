-- Issue 18: staff (员工) with roles and PINs, who did each write, and the operation log (操作日志).

-- A person who works the computer. The PIN is never stored: pin_hash is a salted slow hash
-- ("pbkdf2-sha256$<iterations>$<salt>$<hash>", see staff.PinHashing). Staff are never deleted (the log names
-- them); one who left is made inactive. failed_pins / locked_until: the lock-out after wrong PINs.
CREATE TABLE staff (
  id            INTEGER PRIMARY KEY,
  name          TEXT    NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  role          TEXT    NOT NULL CHECK (role IN ('cashier', 'manager', 'owner')),
  pin_hash      TEXT    NOT NULL,
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  failed_pins   INTEGER NOT NULL DEFAULT 0 CHECK (failed_pins >= 0),
  locked_until  TEXT,
  created_at    TEXT    NOT NULL
);

-- The operation log: append-only, one entry per action. Each entry holds the hash of the one before it
-- (prev_hash; the first holds 64 zeros) and its own hash over its fields and prev_hash, so an entry edited,
-- deleted or inserted outside the app breaks the chain (`audit verify`). staff_id is NULL for the command line
-- acting as the owner (staff_name 'cli:USER') and for the app's own work ('system').
CREATE TABLE operation_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT    NOT NULL,
  staff_id    INTEGER REFERENCES staff (id),
  staff_name  TEXT    NOT NULL,
  action      TEXT    NOT NULL,
  member_id   INTEGER,
  subject     TEXT,
  summary     TEXT,
  reason      TEXT,
  money       INTEGER NOT NULL DEFAULT 0 CHECK (money IN (0, 1)),
  prev_hash   TEXT    NOT NULL,
  hash        TEXT    NOT NULL
);
CREATE INDEX operation_log_at ON operation_log (at);
CREATE INDEX operation_log_member ON operation_log (member_id) WHERE member_id IS NOT NULL;

-- Append-only inside the app: an UPDATE or DELETE is refused by the database itself. (sqlite3 can drop these;
-- the hash chain is what finds such edits.)
CREATE TRIGGER operation_log_no_update BEFORE UPDATE ON operation_log
BEGIN
  SELECT RAISE(ABORT, 'the operation log is append-only');
END;
CREATE TRIGGER operation_log_no_delete BEFORE DELETE ON operation_log
BEGIN
  SELECT RAISE(ABORT, 'the operation log is append-only');
END;

-- Who served: the staff behind each sale and return, check-in and card entry (NULL: the command line as the
-- owner, an import, or before staff existed). Staff performance (员工业绩) is counted from these.
ALTER TABLE purchases ADD COLUMN staff_id INTEGER REFERENCES staff (id);
ALTER TABLE visits ADD COLUMN staff_id INTEGER REFERENCES staff (id);
ALTER TABLE card_entries ADD COLUMN staff_id INTEGER REFERENCES staff (id);
