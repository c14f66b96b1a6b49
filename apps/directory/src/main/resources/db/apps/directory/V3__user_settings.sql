-- What a user chooses for themselves in Mon compte: their language and time zone. Kept apart from ent_user,
-- which imports rewrite: an import never touches a user's own choices.
CREATE TABLE user_setting (
    user_id    uuid PRIMARY KEY REFERENCES ent_user (id) ON DELETE CASCADE,
    language   text CHECK (language IN ('fr', 'en', 'es')),
    time_zone  text CHECK (time_zone IS NULL OR length(time_zone) BETWEEN 1 AND 64),
    updated_at timestamptz NOT NULL DEFAULT now()
);
