-- A resource may be shared with a community of the communities app (docs/communities.md, ADR 0036): its accepted
-- members hold the share, asked of the communities app at each check, so leaving a community takes it away at once.
ALTER TABLE resource_share DROP CONSTRAINT resource_share_grantee_kind_check;
ALTER TABLE resource_share ADD CONSTRAINT resource_share_grantee_kind_check
    CHECK (grantee_kind IN ('user', 'group', 'community'));
