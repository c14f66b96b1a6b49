-- Accounts in the directory (issue 19, ADR 0043): a person's login and, until first use, their activation code,
-- hashed as Keycloak's pbkdf2-sha256 credential. The realm's user storage provider (keycloak-federation) reads this
-- table and ent_user as the collectivity's federation role kc_t_<slug>, which tenant-manager grants SELECT on these
-- two tables only, and imports the person into Keycloak at their first login. Collectivities whose accounts are still
-- copied by AccountSync leave it empty.
CREATE TABLE ent_account (
    user_id               uuid PRIMARY KEY REFERENCES ent_user (id) ON DELETE CASCADE,
    login                 text NOT NULL UNIQUE CHECK (login ~ '^[a-z0-9][a-z0-9.-]{0,63}$'),
    activation_salt       bytea,
    activation_hash       bytea,
    activation_iterations integer,
    activation_expires_at timestamptz,
    created_at            timestamptz NOT NULL DEFAULT now(),
    CHECK ((activation_hash IS NULL) = (activation_salt IS NULL)
           AND (activation_hash IS NULL) = (activation_iterations IS NULL))
);
