-- The wikis of one collectivity. A wiki belongs to an owner named by a kind and an id (owner_kind 'class' or 'school':
-- a directory class or school of this schema; later 'community' for the communities of issue 16, with no change of
-- meaning): who reads and who writes it comes from that owner (the directory's members) and from the platform's share
-- rights on the resource wiki/wiki/<id> (apps/sharing), never from this table (docs/wiki.md). No foreign key to the
-- directory: its tables are its own.
CREATE TABLE wiki (
    id           uuid PRIMARY KEY,
    owner_kind   text NOT NULL CHECK (owner_kind ~ '^[a-z]{2,20}$'),
    owner_id     uuid NOT NULL,
    title        text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
    created_by   uuid NOT NULL,
    created_at   timestamptz NOT NULL
);
-- "the wikis of my classes and schools": a few owners at a time
CREATE INDEX wiki_owner ON wiki (owner_kind, owner_id);

-- A page of a wiki, in a tree: parent_id (none: a top page), position among its siblings. title and content are
-- those of the current version (number version), copied here so that showing a page reads one row; content is rich
-- text sanitized by the platform's sanitizer before it is stored. A save names the version it started from: the
-- UPDATE ... WHERE version = <that one> is what refuses a stale save (409), without a lock held between reading and
-- saving. Titles are unique in a wiki, case aside, because links between pages name them ([[Titre]]).
CREATE TABLE wiki_page (
    id           uuid PRIMARY KEY,
    wiki_id      uuid NOT NULL REFERENCES wiki (id) ON DELETE CASCADE,
    parent_id    uuid REFERENCES wiki_page (id),
    position     integer NOT NULL,
    title        text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
    content      text NOT NULL,
    version      integer NOT NULL CHECK (version >= 1),
    updated_at   timestamptz NOT NULL,
    updated_by   text NOT NULL
);
CREATE INDEX wiki_page_tree ON wiki_page (wiki_id, parent_id, position);
CREATE UNIQUE INDEX wiki_page_title ON wiki_page (wiki_id, lower(title));

-- Every save of a page, whole (ADR 0031: full copies, not deltas): its title and content as saved, who and when.
-- A restore is a new version copying an older one (restored_from: its number); nothing is ever rewritten or removed
-- here while the page stands. The primary key (page_id, number) also makes two saves of the same number impossible.
CREATE TABLE wiki_page_version (
    page_id        uuid NOT NULL REFERENCES wiki_page (id) ON DELETE CASCADE,
    number         integer NOT NULL CHECK (number >= 1),
    title          text NOT NULL,
    content        text NOT NULL,
    author_id      uuid NOT NULL,
    author_name    text NOT NULL,
    created_at     timestamptz NOT NULL,
    restored_from  integer,
    PRIMARY KEY (page_id, number)
);
