-- Realm moves between Keycloak shards (ADR 0048, amended 2026-12: asynchronous, with progress, taken up after a
-- restart), one row per move. The POST answers 202 with this row; the move runs in the background and writes here
-- its step and, during the copy, how many people are copied. A row RUNNING whose updated_at stopped moving (the
-- heartbeat, as backups beat: ADR 0046) and whose advisory lock nobody holds is a move whose process died: it is
-- taken up at start and periodically (RealmMoves.recoverInterrupted).
--   source_shard, target_shard  from where to where (keycloak_shard names; no foreign key: a shard removed later
--                 must not take the history with it)
--   state         RUNNING, DONE (the collectivity lives on the target), FAILED (problem and failure say why;
--                 ended_on where it lives then)
--   was_active    the collectivity was ACTIVE at the start: the move suspended it and resumes it
--   step_millis   {"SUSPEND": ms, "COPY": ms, ...} of the steps run, in order (JSON text)
--   warnings      what was tolerated (the old realm left, a leftover copy), one a line
--   problem       the problem code of a failure (realm-move-failed, realm-move-resume-failed, realm-move-undo-failed,
--                 realm-move-interrupted), failure its detail in French
--   ended_on, ended_state  the shard the registry names and the collectivity's state once the move finished
CREATE TABLE realm_move (
    id              uuid PRIMARY KEY,
    collectivity_id uuid NOT NULL,
    slug            text NOT NULL,
    source_shard    text NOT NULL,
    target_shard    text NOT NULL,
    state           text NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'FAILED')),
    was_active      boolean NOT NULL,
    requested_by    text NOT NULL CHECK (length(requested_by) BETWEEN 1 AND 255),
    current_step    text,
    steps_done      integer NOT NULL DEFAULT 0,
    steps_total     integer NOT NULL,
    people_total    integer,
    people_copied   integer NOT NULL DEFAULT 0,
    step_millis     text NOT NULL DEFAULT '{}',
    warnings        text CHECK (length(warnings) <= 4000),
    problem         text CHECK (problem ~ '^[a-z0-9-]{1,80}$'),
    failure         text CHECK (length(failure) <= 4000),
    ended_on        text,
    ended_state     text,
    requested_at    timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    finished_at     timestamptz,
    CHECK (source_shard <> target_shard),
    CHECK ((state = 'RUNNING') = (finished_at IS NULL))
);
-- at most one move at work per collectivity, across replicas and restarts (the advisory lock the move holds says
-- whether its process still lives; this says that a move is unfinished, whoever ran it)
CREATE UNIQUE INDEX realm_move_one_at_a_time ON realm_move (collectivity_id) WHERE state = 'RUNNING';
CREATE INDEX realm_move_of ON realm_move (collectivity_id, requested_at DESC);
