-- Flash messages of one collectivity: notices its administrators put at the top of the home page of the users they
-- target, between two dates. profiles: realm profile names, comma-separated (at least one); structures: school UAIs,
-- comma-separated, empty for the whole collectivity (no foreign key: the schools are the directory app's tables).
CREATE TABLE flash_message (
    id          uuid PRIMARY KEY,
    title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
    text        text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
    level       text NOT NULL CHECK (level IN ('info', 'warning', 'alert')),
    profiles    text NOT NULL CHECK (profiles ~ '^(Student|Relative|Teacher|Personnel|Guest)(,(Student|Relative|Teacher|Personnel|Guest))*$'),
    structures  text NOT NULL CHECK (structures ~ '^([0-9]{7}[A-Z](,[0-9]{7}[A-Z])*)?$'),
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    author      text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at)
);
CREATE INDEX flash_message_window ON flash_message (ends_at, starts_at);

-- Who dismissed which message: the reader's account (the token's subject), once per message.
CREATE TABLE flash_dismissal (
    id            uuid PRIMARY KEY,
    message_id    uuid NOT NULL REFERENCES flash_message (id) ON DELETE CASCADE,
    user_subject  text NOT NULL,
    dismissed_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (message_id, user_subject)
);
CREATE INDEX flash_dismissal_user ON flash_dismissal (user_subject);
