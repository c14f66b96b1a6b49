-- Notifications (timeline) of one collectivity: what apps post to a user of its directory, read or not.
-- recipient_id is a directory user id (no foreign key: an app never reaches into another app's tables).
CREATE TABLE notification (
    id           uuid PRIMARY KEY,
    recipient_id uuid NOT NULL,
    type         text NOT NULL CHECK (type ~ '^[a-z][a-z0-9.-]{1,60}$'),
    text         text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
    link         text CHECK (link IS NULL OR link ~ '^/([^/]|$)'),
    created_at   timestamptz NOT NULL DEFAULT now(),
    read_at      timestamptz
);
CREATE INDEX notification_recipient ON notification (recipient_id, created_at DESC);
CREATE INDEX notification_unread ON notification (recipient_id) WHERE read_at IS NULL;
