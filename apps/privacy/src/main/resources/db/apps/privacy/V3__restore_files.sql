-- A restore's files (issue 18 item 4, ADR 0040): before tenant-manager switches a collectivity over to the schema it
-- restored from a backup, the runtime puts back, from the backup's archive (spooled, already verified), every file
-- the archive holds that the store no longer has (a document deleted since the backup). Files still there are left
-- as they are: same key, same bytes (keys are never reused).
ALTER TABLE collectivity_transfer DROP CONSTRAINT collectivity_transfer_kind_check;
ALTER TABLE collectivity_transfer ADD CONSTRAINT collectivity_transfer_kind_check
    CHECK (kind IN ('EXPORT', 'IMPORT', 'RESTORE_FILES'));
