-- Actualités (news) of one collectivity. Who may read, write or publish in a thread is the platform's share rights
-- (sharing app, resource actualites/thread/<id>): no right is stored here. structure_uai: the school the thread is
-- for, NULL for the whole collectivity (no foreign key: schools are the directory app's tables).
CREATE TABLE news_thread (
    id             uuid PRIMARY KEY,
    title          text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
    structure_uai  text CHECK (structure_uai ~ '^[0-9]{7}[A-Z]$'),
    owner_id       uuid NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);

-- An item: draft -> submitted -> published; "expired" is a published item past expire_at (no job flips it).
-- content is rich text already sanitized by the runtime's RichText.
CREATE TABLE news_item (
    id          uuid PRIMARY KEY,
    thread_id   uuid NOT NULL REFERENCES news_thread (id) ON DELETE CASCADE,
    title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    content     text NOT NULL CHECK (length(content) BETWEEN 1 AND 100000),
    state       text NOT NULL CHECK (state IN ('draft', 'submitted', 'published')),
    publish_at  timestamptz,
    expire_at   timestamptz,
    author_id   uuid NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (state <> 'published' OR publish_at IS NOT NULL),
    CHECK (expire_at IS NULL OR publish_at IS NULL OR expire_at > publish_at)
);
-- a thread's items, and the latest published ones of the threads a reader reaches (home widget)
CREATE INDEX news_item_thread ON news_item (thread_id, state, publish_at DESC);

CREATE TABLE news_comment (
    id           uuid PRIMARY KEY,
    item_id      uuid NOT NULL REFERENCES news_item (id) ON DELETE CASCADE,
    author_id    uuid NOT NULL,
    author_name  text NOT NULL,
    text         text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX news_comment_item ON news_comment (item_id, created_at);
