-- A collectivity's backups and restores (issue 18 item 4, ADR 0040), one row per job. Kept in the registry, not in
-- the collectivity's schema: a restore replaces that schema, and the record of backups must outlive it.
--   kind          BACKUP (made, encrypted, stored, then verified by a restore into a scratch schema) or RESTORE
--   state         QUEUED, RUNNING, GOOD (a verified backup, the only kind that may be restored), DONE (a restore
--                 switched over), FAILED (failure says why; a failed restore left the collectivity's data as it was)
--   source_backup for a RESTORE: the backup it restores (null when the operator sent the file)
--   object_name   where the encrypted file is in the backup store; key_version the master key it is encrypted under
--   sha256, size  of the encrypted file as stored; rows, files what its archive holds
CREATE TABLE collectivity_backup (
    id             uuid PRIMARY KEY,
    collectivity_id uuid NOT NULL,
    slug           text NOT NULL,
    kind           text NOT NULL CHECK (kind IN ('BACKUP', 'RESTORE')),
    state          text NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'GOOD', 'DONE', 'FAILED')),
    source_backup  uuid,
    requested_by   text NOT NULL CHECK (length(requested_by) BETWEEN 1 AND 255),
    steps_done     integer NOT NULL DEFAULT 0,
    steps_total    integer NOT NULL DEFAULT 1,
    current_step   text,
    object_name    text,
    key_version    integer,
    size           bigint,
    sha256         text CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    rows           bigint,
    files          bigint,
    verified_at    timestamptz,
    failure        text CHECK (length(failure) <= 2000),
    requested_at   timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    finished_at    timestamptz
);
-- one backup or restore at work per collectivity
CREATE UNIQUE INDEX collectivity_backup_one_at_a_time ON collectivity_backup (collectivity_id)
    WHERE state IN ('QUEUED', 'RUNNING');
CREATE INDEX collectivity_backup_of ON collectivity_backup (collectivity_id, requested_at DESC);
