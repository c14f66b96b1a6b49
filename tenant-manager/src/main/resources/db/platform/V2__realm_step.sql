-- Provisioning gains the REALM step (the collectivity's Keycloak realm) between MIGRATIONS and SEED.
-- Collectivities still being provisioned (or failed) get it PENDING, so a retry creates the realm before SEED.
-- Already provisioned ones get it DONE: tenant-manager's start-up pass (RealmReconciliation) creates their realm.
-- Deleted ones get nothing.
UPDATE provisioning_step SET position = 3 WHERE step = 'SEED';

INSERT INTO provisioning_step (collectivity_id, step, position, status, finished_at)
SELECT id, 'REALM', 2,
       CASE WHEN state IN ('ACTIVE', 'SUSPENDED', 'ARCHIVED') THEN 'DONE' ELSE 'PENDING' END,
       CASE WHEN state IN ('ACTIVE', 'SUSPENDED', 'ARCHIVED') THEN now() END
  FROM collectivity
 WHERE state <> 'DELETED'
ON CONFLICT DO NOTHING;
