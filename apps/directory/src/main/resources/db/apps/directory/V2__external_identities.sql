-- The identities a person has at upstream identity providers (EduConnect, an academic SAML IdP...): the subject the
-- provider sends for them (OIDC "sub", SAML NameID or the configured attribute). A login through that provider
-- lands on this person's account and nobody else's; an identity absent from this table is refused.
CREATE TABLE ent_user_identity (
    provider text NOT NULL CHECK (provider ~ '^[a-z][a-z0-9-]{1,39}$'),
    subject  text NOT NULL CHECK (length(subject) BETWEEN 1 AND 255),
    user_id  uuid NOT NULL REFERENCES ent_user (id) ON DELETE CASCADE,
    linked_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (provider, subject),
    UNIQUE (provider, user_id)
);
