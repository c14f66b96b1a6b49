-- Communication rules (who may write to whom), entcore's model: a link from one group to another lets every member
-- of the first write to every member of the second and to the second as a whole. A link of a group to itself lets
-- its members write to each other (a class's pupils, when the school allows it). Parents and their children may
-- always write to each other (relative_link). Profile groups per school and per class carry the school's defaults;
-- the directory keeps their members in step with imports and declarations. See docs/adr/0017.
CREATE TABLE communication_link (
    from_group_id uuid NOT NULL REFERENCES ent_group (id) ON DELETE CASCADE,
    to_group_id   uuid NOT NULL REFERENCES ent_group (id) ON DELETE CASCADE,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (from_group_id, to_group_id)
);
-- "who may write to this group" (an administrator's view, cascades); the primary key serves "where may I write".
CREATE INDEX communication_link_to ON communication_link (to_group_id);

-- A school's own choices: pupils of a class may write to each other (off by default, as entcore ships it).
-- A row also says the school's defaults were applied once: later imports add defaults only for new groups, so
-- that an administrator's removal of a default link stays removed.
CREATE TABLE communication_setting (
    structure_id uuid PRIMARY KEY REFERENCES structure (id) ON DELETE CASCADE,
    pupils_talk  boolean NOT NULL DEFAULT false,
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- The visibility query starts from the sender's groups: without this index, "my groups" reads every membership.
CREATE INDEX group_member_user ON group_member (user_id);
-- A school's groups (rules page, imports) and the profile group of a class.
CREATE INDEX ent_group_structure ON ent_group (structure_id, type);
CREATE INDEX ent_group_class ON ent_group (class_id) WHERE class_id IS NOT NULL;
