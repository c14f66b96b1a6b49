-- The courses of one collectivity (« Cours & wiki », docs/courses.md, ADR 0035): the app courses' own migrations
-- (its own Flyway history, built in the wiki's module). A course is a structured wiki of the same owner (owner_kind
-- 'class' or 'school', later 'community', exactly as wiki.owner_kind), whose pages are ordered chapters with
-- objectives, exercises and documents attached by reference. Who reads and writes comes from the owner's members and
-- the share rights on courses/course/<id>, never from this table. A course is a draft (its writers only) until it is
-- published (its readers too).
--
-- A course drafted by the AI provider keeps what was asked for audit: ai_prompt (the messages sent, built from the
-- form's fields only: level, subject, duration, keywords, never a pupil's data) and ai_parameters (those fields and
-- the model's settings, JSON). Both are null for a course written by hand.
CREATE TABLE course (
    id                uuid PRIMARY KEY,
    owner_kind        text NOT NULL CHECK (owner_kind ~ '^[a-z]{2,20}$'),
    owner_id          uuid NOT NULL,
    title             text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
    level             text NOT NULL CHECK (length(level) BETWEEN 1 AND 60),
    subject           text NOT NULL CHECK (length(subject) BETWEEN 1 AND 80),
    duration_minutes  integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 6000),
    state             text NOT NULL CHECK (state IN ('draft', 'published')),
    created_by        uuid NOT NULL,
    created_at        timestamptz NOT NULL,
    published_at      timestamptz,
    ai_prompt         text,
    ai_parameters     text
);
CREATE INDEX course_owner ON course (owner_kind, owner_id);

-- A chapter, in its course's order (position 1, 2, …). objectives: one per line, plain text; content and exercises:
-- rich text sanitized by the platform's sanitizer before it is stored. ai_written: the text is the provider's and no
-- human has saved the chapter since (shown « Rédigé par l'IA, non relu »); a save by a person clears it. A save
-- names the version it was edited from: UPDATE … WHERE version = <that one> refuses a stale save (409), as the wiki.
CREATE TABLE course_chapter (
    id            uuid PRIMARY KEY,
    course_id     uuid NOT NULL REFERENCES course (id) ON DELETE CASCADE,
    position      integer NOT NULL CHECK (position >= 1),
    title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
    objectives    text NOT NULL,
    content       text NOT NULL,
    exercises     text NOT NULL,
    ai_written    boolean NOT NULL,
    version       integer NOT NULL CHECK (version >= 1),
    updated_at    timestamptz NOT NULL,
    updated_by    text NOT NULL,
    UNIQUE (course_id, position)
);

-- Documents of the espace documentaire attached to a chapter, by reference (runtime.documents.DocumentLibrary, as the
-- diary): their id, and their name and type as they were when attached (shown without asking the documents app).
CREATE TABLE course_attachment (
    chapter_id    uuid NOT NULL REFERENCES course_chapter (id) ON DELETE CASCADE,
    document_id   uuid NOT NULL,
    name          text NOT NULL,
    content_type  text NOT NULL,
    position      integer NOT NULL,
    PRIMARY KEY (chapter_id, document_id)
);
