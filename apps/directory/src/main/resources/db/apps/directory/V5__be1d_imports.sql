-- The BE1D imports of each school, for the tenant console (issue 17, ADR 0023): a dry run is kept here with the
-- files it read and a digest of the school's directory at that moment, so that its confirmation applies exactly
-- the plan that was shown (or is refused as stale) without the files being sent again; applied, failed and stale
-- imports stay as the school's import history with their reports (JSON of ImportReport).
CREATE TABLE be1d_import (
    id            uuid PRIMARY KEY,
    structure_id  uuid NOT NULL REFERENCES structure (id) ON DELETE CASCADE,
    state         text NOT NULL CHECK (state IN ('DRY_RUN', 'RUNNING', 'APPLIED', 'FAILED', 'STALE')),
    requested_by  text NOT NULL CHECK (length(requested_by) BETWEEN 1 AND 200),
    requested_at  timestamptz NOT NULL,
    applied_by    text CHECK (applied_by IS NULL OR length(applied_by) BETWEEN 1 AND 200),
    applied_at    timestamptz,
    fingerprint   text NOT NULL,
    eleves        bytea,
    enseignants   bytea,
    responsables  bytea,
    report        text NOT NULL,
    failure       text
);

CREATE INDEX be1d_import_by_school ON be1d_import (structure_id, requested_at DESC);
