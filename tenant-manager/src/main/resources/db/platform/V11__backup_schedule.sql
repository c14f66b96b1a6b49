-- Scheduled backups and their retention (issue 18 item 4, ADR 0046).
--
-- collectivity_backup_schedule: the hosting operator's choices for one collectivity, over the platform's defaults
-- (ent.backup.schedule.*, ent.backup.retention.*); a null column takes the default. No row: the defaults.
CREATE TABLE collectivity_backup_schedule (
    collectivity_id uuid PRIMARY KEY REFERENCES collectivity (id) ON DELETE CASCADE,
    enabled         boolean,
    at_hour         smallint CHECK (at_hour BETWEEN 0 AND 23),
    zone            text CHECK (length(zone) BETWEEN 1 AND 64),
    keep_daily      integer CHECK (keep_daily BETWEEN 1 AND 366),
    keep_weekly     integer CHECK (keep_weekly BETWEEN 0 AND 520),
    updated_by      text NOT NULL CHECK (length(updated_by) BETWEEN 1 AND 255),
    updated_at      timestamptz NOT NULL
);

-- slot: the day (in the collectivity's time zone) a scheduled backup is for; null for an operator's own backup.
-- One live or good backup per slot, whichever replica or restart asks: the claim that prevents a double backup.
-- A FAILED one does not hold its slot, so the next round tries again (a few times, ent.backup.schedule.attempts).
ALTER TABLE collectivity_backup ADD COLUMN slot date;
CREATE UNIQUE INDEX collectivity_backup_one_per_slot ON collectivity_backup (collectivity_id, slot)
    WHERE slot IS NOT NULL AND state IN ('QUEUED', 'RUNNING', 'GOOD', 'EXPIRED');

-- EXPIRED: a good backup the retention removed from the store (expired_at says when); kept as a record.
ALTER TABLE collectivity_backup DROP CONSTRAINT collectivity_backup_state_check;
ALTER TABLE collectivity_backup ADD CONSTRAINT collectivity_backup_state_check
    CHECK (state IN ('QUEUED', 'RUNNING', 'GOOD', 'DONE', 'FAILED', 'EXPIRED'));
ALTER TABLE collectivity_backup ADD COLUMN expired_at timestamptz;

-- The schemas a job makes as it goes (bk_… its scratch restore; rs_… a restore's new schema, then old_… the one it
-- replaces), space-separated, written before each is made: a job taken up after a crash drops exactly these, never
-- another replica's at work (ADR 0046; before, every bk_/rs_/old_ schema was dropped at start).
ALTER TABLE collectivity_backup ADD COLUMN work_schemas text CHECK (length(work_schemas) <= 200);
