-- Merging duplicate people (tenant console, ADR 0025): the same teacher imported in two schools is one person with
-- two attachments. A person's main school stays ent_user.structure_id; the other schools they belong to, whatever
-- their classes, are attachments. Every merge leaves a record of the id that disappeared, its feed identity and
-- who merged it, so that an import or an app still holding that id can find the person it became.
CREATE TABLE ent_user_attachment (
    user_id      uuid NOT NULL REFERENCES ent_user (id) ON DELETE CASCADE,
    structure_id uuid NOT NULL REFERENCES structure (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, structure_id)
);
CREATE INDEX ent_user_attachment_structure ON ent_user_attachment (structure_id);

CREATE TABLE ent_user_merge (
    merged_id          uuid PRIMARY KEY,
    kept_id            uuid NOT NULL REFERENCES ent_user (id) ON DELETE CASCADE,
    merged_external_id text,
    merged_name        text NOT NULL,
    merged_by          text NOT NULL,
    merged_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ent_user_merge_kept ON ent_user_merge (kept_id);
CREATE INDEX ent_user_merge_external ON ent_user_merge (merged_external_id);
