-- The AAF import (secondary schools' national directory feed, issue 19, ADR 0034, docs/aaf-import.md).
-- A structure and a teaching group carry the AAF key they were imported under, so that the next file finds them
-- (structure: 'aaf:<ENTStructureJointure>'; group: 'aaf:<jointure>$<group name>'). People use ent_user.external_id.
ALTER TABLE structure ADD COLUMN external_id text UNIQUE;
ALTER TABLE ent_group ADD COLUMN external_id text UNIQUE;

-- The national nomenclatures: subjects (MatiereEducNat) and MEF (module élémentaire de formation).
CREATE TABLE subject (
    code  text PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 40),
    label text NOT NULL CHECK (length(label) BETWEEN 1 AND 200)
);
CREATE TABLE mef (
    code  text PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 40),
    label text NOT NULL CHECK (length(label) BETWEEN 1 AND 200)
);

-- A pupil's MEF in their school, the MEFs a teacher teaches in a school (codes of the nomenclature, not enforced:
-- a file may name a MEF before the nomenclature that lists it arrives).
CREATE TABLE user_mef (
    user_id      uuid NOT NULL REFERENCES ent_user (id) ON DELETE CASCADE,
    structure_id uuid NOT NULL REFERENCES structure (id) ON DELETE CASCADE,
    mef_code     text NOT NULL,
    PRIMARY KEY (user_id, structure_id, mef_code)
);

-- What a teacher teaches where: a subject in one class or in one teaching group.
CREATE TABLE teaching (
    user_id      uuid NOT NULL REFERENCES ent_user (id) ON DELETE CASCADE,
    structure_id uuid NOT NULL REFERENCES structure (id) ON DELETE CASCADE,
    subject_code text NOT NULL,
    class_id     uuid REFERENCES school_class (id) ON DELETE CASCADE,
    group_id     uuid REFERENCES ent_group (id) ON DELETE CASCADE,
    CHECK (num_nonnulls(class_id, group_id) = 1)
);
CREATE UNIQUE INDEX teaching_key ON teaching (user_id, subject_code, coalesce(class_id, group_id));
CREATE INDEX teaching_structure ON teaching (structure_id, user_id);

-- A staff member's functions in a school (ENTPersonFonctions: code, label, discipline), e.g. DIR / DIRECTION.
CREATE TABLE staff_function (
    user_id          uuid NOT NULL REFERENCES ent_user (id) ON DELETE CASCADE,
    structure_id     uuid NOT NULL REFERENCES structure (id) ON DELETE CASCADE,
    code             text NOT NULL,
    label            text NOT NULL,
    discipline_code  text NOT NULL DEFAULT '',
    discipline_label text,
    PRIMARY KEY (user_id, structure_id, code, discipline_code)
);

-- One AAF import of the collectivity: its progress (structures done of total) while it runs, its totals after.
CREATE TABLE aaf_import (
    id                uuid PRIMARY KEY,
    state             text NOT NULL CHECK (state IN ('RUNNING', 'APPLIED', 'FAILED')),
    requested_by      text NOT NULL CHECK (length(requested_by) BETWEEN 1 AND 200),
    requested_at      timestamptz NOT NULL,
    finished_at       timestamptz,
    files             text NOT NULL,
    structures_total  integer NOT NULL DEFAULT 0,
    structures_done   integer NOT NULL DEFAULT 0,
    created           integer NOT NULL DEFAULT 0,
    updated           integer NOT NULL DEFAULT 0,
    unchanged         integer NOT NULL DEFAULT 0,
    removed           integer NOT NULL DEFAULT 0,
    rejected          integer NOT NULL DEFAULT 0,
    failure           text
);

-- Records read from the files, kept until they are applied: the files are read once, in streaming, and each
-- structure's records are then applied in that structure's own transaction (people are not sorted by school in
-- the files). A person of several schools has one row per school. The payload is the record's attributes.
CREATE TABLE aaf_staged (
    import_id     uuid NOT NULL REFERENCES aaf_import (id) ON DELETE CASCADE,
    row_no        bigint NOT NULL,
    seq           bigint NOT NULL,
    kind          text NOT NULL,
    op            text NOT NULL CHECK (op IN ('ADD', 'MODIFY', 'DELETE')),
    aaf_id        text,
    structure_key text,
    file          text NOT NULL,
    line          integer NOT NULL,
    payload       text NOT NULL,
    -- applied (or rejected) already: what is left at the end was never reached, and is reported
    applied       boolean NOT NULL DEFAULT false,
    PRIMARY KEY (import_id, row_no)
);
CREATE INDEX aaf_staged_structure ON aaf_staged (import_id, structure_key, kind, seq);
CREATE INDEX aaf_staged_id ON aaf_staged (import_id, kind, aaf_id);

-- Every record an import did not apply, and why (French, for the collectivity's administrator).
CREATE TABLE aaf_rejection (
    import_id uuid NOT NULL REFERENCES aaf_import (id) ON DELETE CASCADE,
    file      text NOT NULL,
    line      integer NOT NULL,
    aaf_id    text,
    reason    text NOT NULL
);
CREATE INDEX aaf_rejection_import ON aaf_rejection (import_id, file, line);
