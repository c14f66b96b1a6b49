-- The end of rights (issue 18, ADR 0032): when a person stopped being named by their school's import (BE1D). Null
-- while they have the right. A later import that names them again clears it; tenant-manager's end-of-rights job
-- erases those marked longer ago than the collectivity's delay (accounts.deletion.delay.days, 90 days at most).
ALTER TABLE ent_user ADD COLUMN rights_lost_at timestamptz;
CREATE INDEX ent_user_rights_lost ON ent_user (rights_lost_at) WHERE rights_lost_at IS NOT NULL;
