-- The collectivity registry. Owned by tenant-manager; ent-runtime only reads collectivity,
-- collectivity_domain and registry_revision.

CREATE TABLE collectivity (
    id             uuid PRIMARY KEY,
    slug           text NOT NULL UNIQUE,
    kind           text NOT NULL CHECK (kind IN ('REGION', 'DEPARTEMENT', 'COMMUNE', 'GROUPEMENT')),
    display_name   text NOT NULL,
    state          text NOT NULL CHECK (state IN ('REQUESTED', 'PROVISIONING', 'ACTIVE', 'SUSPENDED', 'ARCHIVED',
                                                  'DELETED', 'FAILED')),
    failed_step    text,
    failure_reason text,
    schema_name    text NOT NULL UNIQUE,
    role_name      text NOT NULL UNIQUE,
    schema_version text,
    schema_error   text,
    data_retained  boolean NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX collectivity_state ON collectivity (state);

-- A domain belongs to one collectivity at most (primary key).
CREATE TABLE collectivity_domain (
    domain          text PRIMARY KEY,
    collectivity_id uuid NOT NULL REFERENCES collectivity (id) ON DELETE CASCADE
);
CREATE INDEX collectivity_domain_owner ON collectivity_domain (collectivity_id);

-- Provisioning is a recorded sequence of idempotent steps; a retry resumes at the first step not DONE.
CREATE TABLE provisioning_step (
    collectivity_id uuid NOT NULL REFERENCES collectivity (id) ON DELETE CASCADE,
    step            text NOT NULL,
    position        int NOT NULL,
    status          text NOT NULL CHECK (status IN ('PENDING', 'RUNNING', 'DONE', 'FAILED')),
    attempts        int NOT NULL DEFAULT 0,
    started_at      timestamptz,
    finished_at     timestamptz,
    error           text,
    PRIMARY KEY (collectivity_id, step)
);

-- Bumped on every change of the registry, so that runtimes refresh their cache (see TenantRegistry).
CREATE TABLE registry_revision (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    revision  bigint NOT NULL
);
INSERT INTO registry_revision VALUES (true, 0);

CREATE FUNCTION bump_registry_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE platform.registry_revision SET revision = revision + 1;
    RETURN NULL;
END
$$;
CREATE TRIGGER collectivity_changed AFTER INSERT OR UPDATE OR DELETE ON collectivity
    FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_revision();
CREATE TRIGGER collectivity_domain_changed AFTER INSERT OR UPDATE OR DELETE ON collectivity_domain
    FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_revision();
