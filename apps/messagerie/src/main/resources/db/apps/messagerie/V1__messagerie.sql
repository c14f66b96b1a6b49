-- The messagerie of one collectivity. A message is stored once (message, its addressing, its attachments) and
-- each person who holds it has one mailbox_entry: the author's (a draft, then sent) and one per recipient, with
-- their own folder, unread and trash state. A message goes when nobody holds it any more. People and groups are
-- the directory's, by id (no foreign key: those are another app's tables); their names are kept as written, like
-- the headers of an e-mail.
CREATE TABLE message (
    id           uuid PRIMARY KEY,
    thread_id    uuid NOT NULL,
    parent_id    uuid REFERENCES message (id) ON DELETE SET NULL,
    author_id    uuid NOT NULL,
    author_name  text NOT NULL,
    subject      text NOT NULL CHECK (length(subject) <= 255),
    body         text NOT NULL,
    body_text    text NOT NULL,
    state        text NOT NULL CHECK (state IN ('DRAFT', 'SENT')),
    send_key     uuid,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    sent_at      timestamptz,
    -- search in subject and body, French stemming and stop words
    search       tsvector GENERATED ALWAYS AS (to_tsvector('french', subject || ' ' || body_text)) STORED,
    UNIQUE (author_id, send_key),
    CHECK ((state = 'SENT') = (sent_at IS NOT NULL))
);
CREATE INDEX message_thread ON message (thread_id);
CREATE INDEX message_search ON message USING gin (search);

-- Whom a message is addressed to, as its author wrote it: people and groups in To, Cc and Bcc (Bcc is shown to
-- the author only). Groups are expanded to their members when the message is sent.
CREATE TABLE message_addressee (
    message_id    uuid NOT NULL REFERENCES message (id) ON DELETE CASCADE,
    field         text NOT NULL CHECK (field IN ('TO', 'CC', 'BCC')),
    kind          text NOT NULL CHECK (kind IN ('USER', 'GROUP')),
    addressee_id  uuid NOT NULL,
    name          text NOT NULL,
    PRIMARY KEY (message_id, kind, addressee_id)
);

-- A person's own folders, nested. Deleting one deletes its sub-folders; their messages go back to the inbox or
-- the sent box (mailbox_entry.folder_id ON DELETE SET NULL): nothing is lost by tidying.
CREATE TABLE folder (
    id          uuid PRIMARY KEY,
    owner_id    uuid NOT NULL,
    parent_id   uuid REFERENCES folder (id) ON DELETE CASCADE,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    created_at  timestamptz NOT NULL
);
CREATE UNIQUE INDEX folder_name ON folder (owner_id, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name));

-- Who holds which message, where. box: INBOX for a recipient, SENT or DRAFT for the author. at: the sort key
-- (sent, or last saved for a draft), copied here so that a box's first page is read from one index.
CREATE TABLE mailbox_entry (
    user_id     uuid NOT NULL,
    message_id  uuid NOT NULL REFERENCES message (id) ON DELETE CASCADE,
    box         text NOT NULL CHECK (box IN ('INBOX', 'SENT', 'DRAFT')),
    folder_id   uuid REFERENCES folder (id) ON DELETE SET NULL,
    unread      boolean NOT NULL,
    trashed     boolean NOT NULL DEFAULT false,
    at          timestamptz NOT NULL,
    PRIMARY KEY (user_id, message_id)
);
CREATE INDEX mailbox_entry_box ON mailbox_entry (user_id, box, at DESC, message_id DESC) WHERE NOT trashed AND folder_id IS NULL;
CREATE INDEX mailbox_entry_folder ON mailbox_entry (folder_id, at DESC) WHERE folder_id IS NOT NULL AND NOT trashed;
CREATE INDEX mailbox_entry_trash ON mailbox_entry (user_id, at DESC) WHERE trashed;
CREATE INDEX mailbox_entry_unread ON mailbox_entry (user_id) WHERE unread AND NOT trashed AND box = 'INBOX';
CREATE INDEX mailbox_entry_message ON mailbox_entry (message_id);

-- Files attached to a message, counted in their owner's quota while the message exists. A forward copies them to
-- the forwarder, whose quota they then count in.
CREATE TABLE attachment (
    id            uuid PRIMARY KEY,
    message_id    uuid NOT NULL REFERENCES message (id) ON DELETE CASCADE,
    owner_id      uuid NOT NULL,
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
    content_type  text NOT NULL,
    size          bigint NOT NULL CHECK (size >= 0),
    content       bytea NOT NULL,
    created_at    timestamptz NOT NULL
);
CREATE INDEX attachment_message ON attachment (message_id);
CREATE INDEX attachment_owner ON attachment (owner_id);
