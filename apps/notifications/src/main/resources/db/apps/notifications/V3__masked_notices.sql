-- Moderation (docs/moderation.md): a notice that quoted a neutralized content shows a replacement text while it is
-- neutralized; the original texts stay (a restore brings them back). NULL: the notice's own texts.
ALTER TABLE notice ADD COLUMN masked_fr text CHECK (length(masked_fr) BETWEEN 1 AND 2000);
ALTER TABLE notice ADD COLUMN masked_en text CHECK (length(masked_en) BETWEEN 1 AND 2000);
ALTER TABLE notice ADD COLUMN masked_es text CHECK (length(masked_es) BETWEEN 1 AND 2000);
CREATE INDEX notice_link ON notice (link) WHERE link IS NOT NULL;
