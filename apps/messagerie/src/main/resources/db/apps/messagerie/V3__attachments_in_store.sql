-- Attachments leave the table for the platform's file store (ADR 0020): a new file is scanned by the antivirus and
-- kept under object_key (a path of the collectivity's files, messagerie/<attachment id>/<random>); several rows may
-- name the same object (a forward shares its original's files), and the object goes when the last row naming it
-- does. Rows written before keep their bytes in content and are served from there (no bytes are moved: a SQL
-- migration cannot reach the store). A document of the author's espace documentaire attached by reference has
-- neither: document_id names it and shared_by is the person whose right to read it vouches for it (the author,
-- also after a forward); it is read from the documents app while that person may still read it.
ALTER TABLE attachment ALTER COLUMN content DROP NOT NULL;
ALTER TABLE attachment ADD COLUMN object_key text;
ALTER TABLE attachment ADD COLUMN document_id uuid;
ALTER TABLE attachment ADD COLUMN shared_by uuid;
ALTER TABLE attachment ADD CONSTRAINT attachment_kept_once
    CHECK (num_nonnulls(content, object_key, document_id) = 1 AND (document_id IS NULL) = (shared_by IS NULL));
CREATE INDEX attachment_object ON attachment (object_key) WHERE object_key IS NOT NULL;
