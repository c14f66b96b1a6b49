-- The cahier de textes of one collectivity: what was done in class (a session, on its day) and what is to be done
-- (homework, for its due day), per class of the directory (class_id: a directory class of this schema; no foreign
-- key, the directory's tables are its own). visible_from: the day from which the class's pupils and parents see the
-- entry (a teacher prepares homework ahead); the class's teachers always see it. author_id: the teacher who wrote it,
-- the only one who may change it.
CREATE TABLE diary_entry (
    id            uuid PRIMARY KEY,
    class_id      uuid NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('session', 'homework')),
    day           date NOT NULL,
    subject       text NOT NULL CHECK (length(subject) BETWEEN 1 AND 80),
    content       text NOT NULL,
    visible_from  date NOT NULL,
    author_id     uuid NOT NULL,
    author_name   text NOT NULL,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);
-- the week and day views and the home widget: one class (or a few), a range of days
CREATE INDEX diary_entry_class_day ON diary_entry (class_id, day);

-- Documents of the documents app attached by reference: the reader of the entry opens the document while the
-- entry references it (the attacher held MANAGER on it when attaching). name: as it was when attached, shown in
-- the list; the bytes are always the document's current version.
CREATE TABLE diary_attachment (
    entry_id      uuid NOT NULL REFERENCES diary_entry (id) ON DELETE CASCADE,
    document_id   uuid NOT NULL,
    name          text NOT NULL,
    content_type  text NOT NULL,
    position      integer NOT NULL,
    PRIMARY KEY (entry_id, document_id)
);

-- What the families were told when a homework became visible (notification diary.homework), one row per homework
-- still to tell or told, written with the homework itself. Whoever posts the notice (the request after its commit
-- when the homework is visible today, or the tick job once its visible_from day has come in the collectivity's
-- time zone) first sets notified_at in a transaction of its own, then posts: told once, even across restarts. The
-- due day is the entry's visible_from, read at each tick, so that moving it (or the collectivity's time zone) needs
-- no second date kept in step.
CREATE TABLE diary_notice (
    entry_id     uuid PRIMARY KEY REFERENCES diary_entry (id) ON DELETE CASCADE,
    author_id    uuid NOT NULL,
    notified_at  timestamptz
);
CREATE INDEX diary_notice_untold ON diary_notice (entry_id) WHERE notified_at IS NULL;
