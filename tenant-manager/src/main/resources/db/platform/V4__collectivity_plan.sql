-- Each collectivity's SLA plan (issue 5): its availability objective (standard 99.8 %, essentiel 99.5 %,
-- premium 99.9 % by default; the names are those of ENT_SLA_PLANS, checked by the admin API). Existing
-- collectivities keep the objective they had so far: standard.
ALTER TABLE collectivity ADD COLUMN plan text NOT NULL DEFAULT 'standard'
    CHECK (plan ~ '^[a-z][a-z0-9-]{0,31}$');
