-- Realm shards (issue 19, ADR 0044): the Keycloak servers collectivities' realms are spread over, each holding at
-- most `capacity` realms. The REALM step places a new collectivity on the open shard with the lowest fill
-- (realms / capacity) that has room, and records it in collectivity.keycloak_shard; from then on tenant-manager
-- administers the realm there and the runtime takes its tokens' issuer from there.
--
-- The shard 'default' is the Keycloak of the configuration (ent.keycloak.url / ent.keycloak.public-url): its URLs
-- here stay NULL and every reader uses its own configured addresses, so a platform with one Keycloak runs as
-- before. Another shard carries its addresses: internal_url (tenant-manager and the runtime, back channel) and
-- public_url (browsers; the issuer written into tokens). Its administrator is the same as the default's
-- (ent.keycloak.admin-*), as the operator sets up every shard alike.
CREATE TABLE keycloak_shard (
    name         text PRIMARY KEY CHECK (name ~ '^[a-z0-9-]{1,40}$'),
    internal_url text,
    public_url   text,
    capacity     integer NOT NULL CHECK (capacity >= 0),
    open         boolean NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (name = 'default' OR (internal_url IS NOT NULL AND public_url IS NOT NULL))
);

-- 300: what one Keycloak 26.7.3 server is known to hold well (ADR 0044: measured curve); the operator may change it.
INSERT INTO keycloak_shard (name, capacity) VALUES ('default', 300);

-- Every collectivity there is lives on the one Keycloak there was. A new one gets its shard at its REALM step.
ALTER TABLE collectivity ADD COLUMN keycloak_shard text REFERENCES keycloak_shard (name);
UPDATE collectivity SET keycloak_shard = 'default';
CREATE INDEX collectivity_keycloak_shard ON collectivity (keycloak_shard);

-- The runtime caches the registry by revision: a shard's addresses changing must reach it too.
CREATE TRIGGER keycloak_shard_changed AFTER INSERT OR UPDATE OR DELETE ON keycloak_shard
    FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_revision();
