-- The espace documentaire of one collectivity. A node is a folder or a file of one person's space (owner_id: who
-- holds the space, also for what a contributor adds to a shared folder); a file's bytes are its versions, each one
-- object of the platform file store (runtime.storage, key documents/<node>/<version>). A version row is written
-- only after its object is stored, in one transaction with its node; a failed row deletes the object again.
-- Trash marks the trashed node only (trashed_at): what is under it is hidden with it and comes back with it.
CREATE TABLE node (
    id          uuid PRIMARY KEY,
    owner_id    uuid NOT NULL,
    parent_id   uuid REFERENCES node (id) ON DELETE CASCADE,
    kind        text NOT NULL CHECK (kind IN ('folder', 'file')),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
    trashed_at  timestamptz,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
-- one live name per folder, whatever its case: two uploads of the same name at once, one wins, the other is refused
CREATE UNIQUE INDEX node_live_name ON node (owner_id, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'),
    lower(name)) WHERE trashed_at IS NULL;
CREATE INDEX node_parent ON node (parent_id);
CREATE INDEX node_trashed ON node (owner_id) WHERE trashed_at IS NOT NULL;

CREATE TABLE version (
    node_id       uuid NOT NULL REFERENCES node (id) ON DELETE CASCADE,
    number        integer NOT NULL CHECK (number >= 1),
    object_key    text NOT NULL UNIQUE,
    content_type  text NOT NULL,
    size          bigint NOT NULL CHECK (size > 0),
    uploaded_by   uuid NOT NULL,
    uploaded_at   timestamptz NOT NULL,
    PRIMARY KEY (node_id, number)
);
-- the quota counts what each person uploaded (every version, trash included, until the trash is emptied)
CREATE INDEX version_uploader ON version (uploaded_by);

-- The space each profile gets, set by the collectivity (SUPER_ADMIN, PUT /api/documents/quotas/{profile}).
CREATE TABLE quota (
    profile  text PRIMARY KEY CHECK (profile IN ('Student', 'Relative', 'Teacher', 'Personnel', 'Guest')),
    bytes    bigint NOT NULL CHECK (bytes >= 0)
);
INSERT INTO quota (profile, bytes) VALUES
    ('Student', 100 * 1024 * 1024),
    ('Relative', 500 * 1024 * 1024),
    ('Teacher', 500 * 1024 * 1024),
    ('Personnel', 500 * 1024 * 1024),
    ('Guest', 500 * 1024 * 1024);
