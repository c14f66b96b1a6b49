-- What a user chooses for themselves: their language and time zone (Mon compte), their favourite apps in their
-- order (the home page; comma-separated app ids, NULL = the launcher's apps). Kept apart from ent_user,
-- which imports rewrite: an import never touches a user's own choices.
CREATE TABLE user_setting (
    user_id    uuid PRIMARY KEY REFERENCES ent_user (id) ON DELETE CASCADE,
    language   text CHECK (language IN ('fr', 'en', 'es')),
    time_zone  text CHECK (time_zone IS NULL OR length(time_zone) BETWEEN 1 AND 64),
    favourite_apps text CHECK (favourite_apps IS NULL OR favourite_apps ~ '^([a-z][a-z0-9-]{1,30}(,|$)){0,30}$'),
    updated_at timestamptz NOT NULL DEFAULT now()
);
