-- Each collectivity's branding (issue 13): two colours and a logo, shown by the portal's layout and by our Keycloak
-- login theme. The colours are #rrggbb (lower case) that tenant-manager checked for 4.5:1 contrast with white; NULL:
-- the platform's default. logo_sha256 names the current logo (NULL: none): it is on the collectivity row so that a
-- new logo bumps the registry revision and runtimes see it within a second (cache-busting version of its URL).
ALTER TABLE collectivity ADD COLUMN primary_color text CHECK (primary_color ~ '^#[0-9a-f]{6}$');
ALTER TABLE collectivity ADD COLUMN accent_color text CHECK (accent_color ~ '^#[0-9a-f]{6}$');
ALTER TABLE collectivity ADD COLUMN logo_sha256 text CHECK (logo_sha256 ~ '^[0-9a-f]{64}$');

-- The logo itself, served by the runtime at /branding/logo on the collectivity's own domains. Raster images only
-- (an SVG can carry script), 100 KiB at most; the type is checked against the image's first bytes.
CREATE TABLE collectivity_logo (
    collectivity_id uuid PRIMARY KEY REFERENCES collectivity (id) ON DELETE CASCADE,
    media_type      text NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg', 'image/webp')),
    image           bytea NOT NULL CHECK (octet_length(image) BETWEEN 1 AND 102400),
    sha256          text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
