-- Share rights of one collectivity (docs/adr/0018-share-rights.md). A resource belongs to an app (app, type, its id
-- there: no foreign key, the app's tables are its own) and to its owner, a directory user, who has every right.
CREATE TABLE shared_resource (
    id           uuid PRIMARY KEY,
    app          text NOT NULL CHECK (app ~ '^[a-z][a-z0-9-]{1,30}$'),
    type         text NOT NULL CHECK (type ~ '^[a-z][a-z0-9-]{1,30}$'),
    resource_id  text NOT NULL CHECK (resource_id ~ '^[A-Za-z0-9-]{1,64}$'),
    owner_id     uuid NOT NULL,
    title        text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    created_at   timestamptz NOT NULL DEFAULT now(),
    -- "may user U do R on resource X" starts here: the app names X by (app, type, id)
    UNIQUE (app, type, resource_id)
);
-- "which resources of type T can U reach": those U owns
CREATE INDEX shared_resource_owner ON shared_resource (owner_id, app, type);

-- One grantee's right on a resource: right_level 1 = read, 2 = contrib, 3 = manager (a higher one includes the
-- lower ones). grantee_id is a directory user or group (grantee_kind says which).
CREATE TABLE resource_share (
    resource_id   uuid NOT NULL REFERENCES shared_resource (id) ON DELETE CASCADE,
    grantee_id    uuid NOT NULL,
    grantee_kind  text NOT NULL CHECK (grantee_kind IN ('user', 'group')),
    right_level   smallint NOT NULL CHECK (right_level BETWEEN 1 AND 3),
    -- "may U do R on X": X's shares to U and to U's groups, by this key
    PRIMARY KEY (resource_id, grantee_id)
);
-- "which resources can U reach with at least R": the shares to U and U's groups, then those resources by key
CREATE INDEX resource_share_grantee ON resource_share (grantee_id, right_level, resource_id);
