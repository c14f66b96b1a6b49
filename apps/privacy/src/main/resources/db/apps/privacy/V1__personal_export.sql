-- A person's downloads of their own data (rights of access and portability, issue 18, ADR 0030). One row per
-- request: who asked (the account's subject, the only key the download is checked against; their directory id and
-- login as they were), how far the job went (steps: one per app, then the archive), and where the archive is kept
-- (object_key, a path of the collectivity's files) until expires_at. An expired or failed request keeps its row
-- (what was asked and when), not its archive.
CREATE TABLE personal_export (
    id            uuid PRIMARY KEY,
    subject       text NOT NULL CHECK (length(subject) BETWEEN 1 AND 255),
    user_id       uuid,
    username      text NOT NULL CHECK (length(username) <= 255),
    state         text NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'READY', 'FAILED', 'EXPIRED')),
    steps_done    integer NOT NULL DEFAULT 0 CHECK (steps_done >= 0),
    steps_total   integer NOT NULL CHECK (steps_total >= 1),
    current_step  text,
    object_key    text,
    size          bigint,
    failure       text CHECK (length(failure) <= 2000),
    requested_at  timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    finished_at   timestamptz,
    expires_at    timestamptz,
    CHECK ((state = 'READY') = (object_key IS NOT NULL))
);
-- one request at work per person at a time: a second click finds the first
CREATE UNIQUE INDEX personal_export_one_at_a_time ON personal_export (subject) WHERE state IN ('QUEUED', 'RUNNING');
CREATE INDEX personal_export_subject ON personal_export (subject, requested_at DESC);
CREATE INDEX personal_export_expiry ON personal_export (expires_at) WHERE state = 'READY';
