-- The version of the realm definition (RealmDefinition.VERSION) last applied in full to each collectivity's
-- Keycloak realm. The start-up reconciliation walks only the realms below the current version, instead of every
-- realm at every start (~20 admin calls each). NULL: not known to be current (a realm made before this column, or a
-- change that did not reach Keycloak); those are reconciled at the next start, as every realm was before.
ALTER TABLE collectivity ADD COLUMN realm_definition_version integer;
