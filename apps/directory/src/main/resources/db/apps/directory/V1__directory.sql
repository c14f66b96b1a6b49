-- Directory of one collectivity: schools (structures), classes, users with their profile, groups,
-- class memberships and parent-child links. Runs inside the collectivity's own schema, as its own role.

CREATE TABLE tenant_setting (
    name  text PRIMARY KEY,
    value text NOT NULL
);

CREATE TABLE structure (
    id              uuid PRIMARY KEY,
    uai             char(8) NOT NULL UNIQUE CHECK (uai ~ '^[0-9]{7}[A-Z]$'),
    name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    type            text NOT NULL CHECK (type IN ('ECOLE', 'COLLEGE', 'LYCEE')),
    education_level text NOT NULL CHECK (education_level IN ('1D', '2D')),
    parent_id       uuid REFERENCES structure (id),
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE school_class (
    id           uuid PRIMARY KEY,
    structure_id uuid NOT NULL REFERENCES structure (id),
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    level        text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (structure_id, name)
);

CREATE TABLE ent_user (
    id           uuid PRIMARY KEY,
    external_id  text UNIQUE,
    profile      text NOT NULL CHECK (profile IN ('Student', 'Relative', 'Teacher', 'Personnel', 'Guest')),
    last_name    text NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
    first_name   text NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
    birth_date   date,
    email        text,
    structure_id uuid REFERENCES structure (id),
    -- lower-cased, accent-free "last first" for search; filled by the application
    search_key   text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ent_user_search ON ent_user (search_key text_pattern_ops);
CREATE INDEX ent_user_structure ON ent_user (structure_id, profile);

CREATE TABLE class_member (
    class_id uuid NOT NULL REFERENCES school_class (id) ON DELETE CASCADE,
    user_id  uuid NOT NULL REFERENCES ent_user (id) ON DELETE CASCADE,
    PRIMARY KEY (class_id, user_id)
);
CREATE INDEX class_member_user ON class_member (user_id);

CREATE TABLE ent_group (
    id           uuid PRIMARY KEY,
    structure_id uuid REFERENCES structure (id),
    class_id     uuid REFERENCES school_class (id),
    name         text NOT NULL,
    type         text NOT NULL CHECK (type IN ('PROFILE', 'MANUAL', 'TEACHING', 'COMMUNITY')),
    profile      text,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE group_member (
    group_id uuid NOT NULL REFERENCES ent_group (id) ON DELETE CASCADE,
    user_id  uuid NOT NULL REFERENCES ent_user (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, user_id)
);

CREATE TABLE relative_link (
    relative_id uuid NOT NULL REFERENCES ent_user (id) ON DELETE CASCADE,
    student_id  uuid NOT NULL REFERENCES ent_user (id) ON DELETE CASCADE,
    PRIMARY KEY (relative_id, student_id),
    CHECK (relative_id <> student_id)
);
CREATE INDEX relative_link_student ON relative_link (student_id);
