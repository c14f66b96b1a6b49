-- Moderation of one collectivity (docs/moderation.md). A reported content is one moderated_content row (whatever
-- the number of its reports), named by its app as app/kind/id (no foreign key: the content is the app's). Its
-- schools (UAIs, comma-separated) say which local administrators moderate it; title and text are the evidence:
-- the content as it was when last reported, kept even when the app deletes it.
CREATE TABLE moderated_content (
    id           uuid PRIMARY KEY,
    app          text NOT NULL CHECK (app ~ '^[a-z][a-z0-9-]{1,30}$'),
    kind         text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9-]{1,30}$'),
    content_id   text NOT NULL CHECK (content_id ~ '^[A-Za-z0-9-]{1,64}$'),
    schools      text NOT NULL CHECK (schools ~ '^([0-9]{7}[A-Z](,[0-9]{7}[A-Z])*)?$'),
    author_id    uuid,
    author_name  text NOT NULL,
    title        text NOT NULL,
    text         text NOT NULL,
    link         text NOT NULL CHECK (link ~ '^/([^/]|$)'),
    state        text NOT NULL CHECK (state IN ('VISIBLE', 'NEUTRALIZED', 'DELETED')),
    -- reported since its last decision: in the moderators' queue
    open         boolean NOT NULL,
    reported_at  timestamptz NOT NULL,
    UNIQUE (app, kind, content_id)
);
CREATE INDEX moderated_content_queue ON moderated_content (open, reported_at DESC);

-- Each report: who (the account's subject, and its directory id when it has one), why (a reason of the short list
-- and a free text), when.
CREATE TABLE moderation_report (
    id            uuid PRIMARY KEY,
    content_id    uuid NOT NULL REFERENCES moderated_content (id),
    reporter      text NOT NULL,
    reporter_name text NOT NULL,
    reason        text NOT NULL CHECK (reason IN ('harassment', 'hate', 'inappropriate', 'personal-data', 'spam', 'other')),
    comment       text NOT NULL CHECK (length(comment) <= 1000),
    created_at    timestamptz NOT NULL
);
CREATE INDEX moderation_report_content ON moderation_report (content_id, created_at);

-- Each moderator's decision on a content, with the reason they gave.
CREATE TABLE moderation_decision (
    id          uuid PRIMARY KEY,
    content_id  uuid NOT NULL REFERENCES moderated_content (id),
    action      text NOT NULL CHECK (action IN ('NEUTRALIZE', 'RESTORE', 'DELETE', 'DISMISS')),
    moderator   text NOT NULL,
    reason      text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
    decided_at  timestamptz NOT NULL
);
CREATE INDEX moderation_decision_content ON moderation_decision (content_id, decided_at);

-- The audit trail: every report and decision, who, when, why. Append-only: the database itself refuses to change
-- or remove a row (the triggers below), whatever the application does.
CREATE TABLE moderation_audit (
    seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL,
    actor       text NOT NULL,
    action      text NOT NULL CHECK (action IN ('REPORT', 'NEUTRALIZE', 'RESTORE', 'DELETE', 'DISMISS')),
    app         text NOT NULL,
    kind        text NOT NULL,
    content_ref text NOT NULL,
    content_id  uuid NOT NULL,
    reason      text NOT NULL
);
CREATE INDEX moderation_audit_content ON moderation_audit (content_id, seq);

CREATE FUNCTION moderation_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'moderation_audit is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER moderation_audit_no_change BEFORE UPDATE OR DELETE ON moderation_audit
    FOR EACH ROW EXECUTE FUNCTION moderation_audit_append_only();
CREATE TRIGGER moderation_audit_no_truncate BEFORE TRUNCATE ON moderation_audit
    FOR EACH STATEMENT EXECUTE FUNCTION moderation_audit_append_only();
