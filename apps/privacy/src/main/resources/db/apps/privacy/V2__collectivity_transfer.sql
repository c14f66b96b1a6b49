-- A whole collectivity leaving or entering the platform (reversibility, issue 18 item 5, ADR 0033). One row per
-- job: an EXPORT (asked by the collectivity's SUPER_ADMIN in the console, or by an operator through tenant-manager),
-- or the IMPORT that fills this collectivity from another's archive (queued by tenant-manager once it has verified
-- the archive and provisioned the collectivity). The runtime runs QUEUED rows; progress is one step per app.
-- verified_at: when the export's archive was read back whole and every checksum matched (the "tested export" the
-- reversibility rule looks at); sha256 is the whole archive's, for whoever keeps a copy.
CREATE TABLE collectivity_transfer (
    id            uuid PRIMARY KEY,
    kind          text NOT NULL CHECK (kind IN ('EXPORT', 'IMPORT')),
    state         text NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'READY', 'DONE', 'FAILED')),
    requested_by  text NOT NULL CHECK (length(requested_by) BETWEEN 1 AND 255),
    source        text CHECK (length(source) <= 1000),
    steps_done    integer NOT NULL DEFAULT 0 CHECK (steps_done >= 0),
    steps_total   integer NOT NULL DEFAULT 1 CHECK (steps_total >= 1),
    current_step  text,
    object_key    text,
    size          bigint,
    sha256        text CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    rows          bigint,
    files         bigint,
    verified_at   timestamptz,
    failure       text CHECK (length(failure) <= 2000),
    requested_at  timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    finished_at   timestamptz
);
-- one export at work at a time per collectivity: a second click finds the first
CREATE UNIQUE INDEX collectivity_transfer_one_at_a_time ON collectivity_transfer (kind) WHERE state IN ('QUEUED', 'RUNNING');
CREATE INDEX collectivity_transfer_queued ON collectivity_transfer (requested_at) WHERE state = 'QUEUED';
