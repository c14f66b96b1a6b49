-- The tenant console's audit trail (ADR 0024): every change an administrator makes through the console, who, when,
-- what, on what, with which outcome. Append-only: the database itself refuses to change or remove a row (the
-- triggers below), whatever the application does; the console's code only inserts and reads.
--   actor    the administrator's username (their realm's; the collectivity is this schema)
--   action   what was asked: the console route's name (SCHOOL_UPDATE, APPS_SET, LOOK_COLOURS...)
--   target_* what it was about: a kind (school, class, person, app, branding...), an id, a readable label
--   schools  UAIs of the schools concerned, comma-separated, empty for collectivity-wide changes: a local
--            administrator reads the entries about its schools only
--   outcome  DONE, REFUSED (bad input, not allowed: nothing changed) or FAILED (a dependency failed)
--   detail   what was set, or the reason of a refusal
CREATE TABLE console_audit (
    seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at           timestamptz NOT NULL DEFAULT now(),
    actor        text NOT NULL CHECK (length(actor) BETWEEN 1 AND 255),
    action       text NOT NULL CHECK (action ~ '^[A-Za-z][A-Za-z0-9_.-]{0,63}$'),
    target_kind  text NOT NULL CHECK (target_kind ~ '^[a-z][a-z0-9-]{0,31}$'),
    target_id    text CHECK (length(target_id) <= 255),
    target_label text CHECK (length(target_label) <= 500),
    schools      text NOT NULL DEFAULT '' CHECK (schools ~ '^([0-9]{7}[A-Z](,[0-9]{7}[A-Z])*)?$'),
    outcome      text NOT NULL CHECK (outcome IN ('DONE', 'REFUSED', 'FAILED')),
    detail       text CHECK (length(detail) <= 2000)
);
CREATE INDEX console_audit_at ON console_audit (at DESC, seq DESC);

CREATE FUNCTION console_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'console_audit is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER console_audit_no_change BEFORE UPDATE OR DELETE ON console_audit
    FOR EACH ROW EXECUTE FUNCTION console_audit_append_only();
CREATE TRIGGER console_audit_no_truncate BEFORE TRUNCATE ON console_audit
    FOR EACH STATEMENT EXECUTE FUNCTION console_audit_append_only();
