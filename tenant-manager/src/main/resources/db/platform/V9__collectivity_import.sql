-- A collectivity being made from an export archive (ADR 0033, 0041). The row is written before the collectivity is
-- created and deleted once its import is DONE or the collectivity removed: it is what tenant-manager's watcher
-- needs to go on after a crash (a kill -9 mid-import killed the watcher with the process, and left an ACTIVE
-- collectivity half filled). At start, every row left is watched again: the import finishes, or the collectivity
-- (schema, role, realm) is removed. slug, not a reference: the collectivity may not exist yet, or any more.
CREATE TABLE collectivity_import (
    import_id    uuid PRIMARY KEY,
    slug         text NOT NULL,
    spooled      text NOT NULL,
    requested_by text NOT NULL,
    started_at   timestamptz NOT NULL
);
