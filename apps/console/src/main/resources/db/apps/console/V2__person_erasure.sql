-- An administrator's erasure of a person, or the end of their rights (issue 18, ADR 0032). One row per erasure: who
-- (the directory id, the account's login and subject once the account is deleted, the name and schools as they were,
-- for the page and the audit trail), why (an administrator's request, or the end of rights), and how far the job
-- went (one step per app). A row still QUEUED or RUNNING that has not moved for a while is taken up again after a
-- restart: every app's erasure is idempotent, so the job simply runs again from the start.
CREATE TABLE person_erasure (
    id            uuid PRIMARY KEY,
    user_id       uuid NOT NULL,
    label         text NOT NULL CHECK (length(label) <= 300),
    schools       text NOT NULL DEFAULT '',
    login         text NOT NULL DEFAULT '',
    subject       text NOT NULL DEFAULT '',
    reason        text NOT NULL CHECK (reason IN ('REQUEST', 'END_OF_RIGHTS')),
    requested_by  text NOT NULL CHECK (length(requested_by) BETWEEN 1 AND 255),
    state         text NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    steps_done    integer NOT NULL DEFAULT 0 CHECK (steps_done >= 0),
    steps_total   integer NOT NULL CHECK (steps_total >= 1),
    current_step  text,
    erased_rows   bigint NOT NULL DEFAULT 0,
    attempts      integer NOT NULL DEFAULT 1,
    failure       text CHECK (length(failure) <= 2000),
    requested_at  timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    finished_at   timestamptz
);
-- one erasure at work per person: a second click, or the end-of-rights job meeting an erasure already asked, finds it
CREATE UNIQUE INDEX person_erasure_one_at_a_time ON person_erasure (user_id) WHERE state IN ('QUEUED', 'RUNNING');
CREATE INDEX person_erasure_at_work ON person_erasure (updated_at) WHERE state IN ('QUEUED', 'RUNNING');
CREATE INDEX person_erasure_recent ON person_erasure (requested_at DESC);
