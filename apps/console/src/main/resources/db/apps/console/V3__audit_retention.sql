-- The audit trail is kept as long as the platform keeps its logs (ENT_LOGS_RETENTION_DAYS, rule CNIL-LOG-RETENTION:
-- 6 to 12 months), then purged (AuditRetention). The database still refuses every change, and every removal but the
-- purge's: a transaction that declares itself the purge (SET LOCAL ent.audit_purge = 'on') may delete entries older
-- than 180 days, the rule's floor, and none younger, whatever the application asks. TRUNCATE stays refused.
CREATE OR REPLACE FUNCTION console_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('ent.audit_purge', true) = 'on'
            AND OLD.at < now() - interval '180 days' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'console_audit is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
