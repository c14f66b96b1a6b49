-- Moderation (docs/moderation.md): a message neutralized by a moderator keeps its text here, as evidence that only
-- the moderation app shows; every reader (its author included) gets a placeholder, and search skips it.
ALTER TABLE message ADD COLUMN neutralized boolean NOT NULL DEFAULT false;
