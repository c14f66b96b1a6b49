-- The timeline as a platform service: a notice is stored once, in every language it was written in, and delivered
-- to each recipient (a delivery row) when their quiet hours allow; e-mail follows the delivery. Recipients named
-- as groups are expanded after the post has returned (fan_out holds what is still to expand, so that a restart
-- resumes it). recipient/user/owner ids are directory ids: no foreign key, an app never reaches into another
-- app's tables.
CREATE TABLE notice (
    id         uuid PRIMARY KEY,
    type       text NOT NULL CHECK (type ~ '^[a-z][a-z0-9.-]{1,60}$'),
    text_fr    text NOT NULL CHECK (length(text_fr) BETWEEN 1 AND 2000),
    text_en    text CHECK (length(text_en) BETWEEN 1 AND 2000),
    text_es    text CHECK (length(text_es) BETWEEN 1 AND 2000),
    link       text CHECK (link IS NULL OR link ~ '^/([^/]|$)'),
    author_id  uuid,
    created_at timestamptz NOT NULL
);

CREATE TABLE fan_out (
    notice_id  uuid PRIMARY KEY REFERENCES notice (id) ON DELETE CASCADE,
    -- directory user ids, one per line
    users      text NOT NULL,
    -- one group per line: "CLASS <uuid> Relative", "STRUCTURE <uuid>", "GROUP <uuid>"
    audiences  text NOT NULL,
    created_at timestamptz NOT NULL
);

CREATE TABLE delivery (
    notice_id    uuid NOT NULL REFERENCES notice (id) ON DELETE CASCADE,
    recipient_id uuid NOT NULL,
    -- when the recipient sees it: the post's time, or the end of their quiet hours
    visible_at   timestamptz NOT NULL,
    read_at      timestamptz,
    email        text NOT NULL DEFAULT 'NONE' CHECK (email IN ('NONE', 'DUE', 'SENT', 'NO_ADDRESS', 'FAILED')),
    PRIMARY KEY (recipient_id, notice_id)
);
CREATE INDEX delivery_timeline ON delivery (recipient_id, visible_at DESC);
CREATE INDEX delivery_unread ON delivery (recipient_id, visible_at) WHERE read_at IS NULL;
CREATE INDEX delivery_email_due ON delivery (visible_at) WHERE email = 'DUE';

INSERT INTO notice (id, type, text_fr, link, created_at)
    SELECT id, type, text, link, created_at FROM notification;
INSERT INTO delivery (notice_id, recipient_id, visible_at, read_at)
    SELECT id, recipient_id, created_at, read_at FROM notification;
DROP TABLE notification;

-- A user's choice for one type of notification; no row: the type's defaults (shown; e-mailed as the type says).
CREATE TABLE preference (
    user_id uuid NOT NULL,
    type    text NOT NULL,
    shown   boolean NOT NULL,
    emailed boolean NOT NULL,
    PRIMARY KEY (user_id, type)
);

-- Quiet hours: ranges of local time (in the recipient's time zone) on chosen days, owned by a user (Mon compte) or
-- a school (its administrator). days is a bit set, Monday = 1 ... Sunday = 64. A night is two ranges
-- (20:00-24:00 and 00:00-07:00), so that a range is never inverted.
CREATE TABLE quiet_range (
    id            uuid PRIMARY KEY,
    owner_kind    text NOT NULL CHECK (owner_kind IN ('USER', 'STRUCTURE')),
    owner_id      uuid NOT NULL,
    days          integer NOT NULL CHECK (days BETWEEN 1 AND 127),
    starts_minute integer NOT NULL CHECK (starts_minute BETWEEN 0 AND 1439),
    ends_minute   integer NOT NULL CHECK (ends_minute BETWEEN 1 AND 1440),
    CHECK (starts_minute < ends_minute)
);
CREATE INDEX quiet_range_owner ON quiet_range (owner_kind, owner_id);
