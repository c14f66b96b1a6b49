-- The ENT apps a collectivity offers (app ids, see the runtime's app catalogue). NULL: every app the platform
-- has, including apps added later; a list: exactly those. A disabled app's tables are still migrated, so that
-- enabling it later is immediate.
ALTER TABLE platform.collectivity ADD COLUMN enabled_apps text[];
