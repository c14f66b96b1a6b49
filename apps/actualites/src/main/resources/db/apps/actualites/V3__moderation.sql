-- Moderation (docs/moderation.md): an item or a comment neutralized by a moderator keeps its text here, as evidence
-- that only the moderation app shows; every reader gets a placeholder. (V3: V2 is the publication notices of the
-- news-falc branch, merged before this one.)
ALTER TABLE news_item ADD COLUMN neutralized boolean NOT NULL DEFAULT false;
ALTER TABLE news_comment ADD COLUMN neutralized boolean NOT NULL DEFAULT false;
