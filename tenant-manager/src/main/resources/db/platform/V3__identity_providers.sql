-- Upstream identity providers of a collectivity's realm (EduConnect, academic SAML IdPs). The registry is their
-- source of truth (ADR 0011): the realm's copy is rebuilt from here when the realm is re-created.
CREATE TABLE identity_provider (
    collectivity_id uuid NOT NULL REFERENCES collectivity (id) ON DELETE CASCADE,
    alias           text NOT NULL CHECK (alias ~ '^[a-z][a-z0-9-]{1,39}$'),
    kind            text NOT NULL CHECK (kind IN ('OIDC', 'SAML')),
    display_name    text NOT NULL,
    -- Keycloak's non-secret settings of the provider (endpoints, client id, certificate...), a JSON object.
    settings        text NOT NULL,
    -- OIDC client secret; never returned by the API (see ADR 0011 for why it is kept here).
    client_secret   text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (collectivity_id, alias)
);
