-- What the readers of a thread were told when one of its items went live (notification actualites.published).
-- One row per item, written by the publication itself (due_at: its publication date, kept equal to the item's
-- publish_at while it is not notified yet); notified_at is set by whoever posts the notice, the publishing request
-- for an immediate publication or the scheduled job for a future one, in a transaction of its own before posting,
-- so that a restart neither loses a due notice nor posts one twice. An item published again is not notified again.
CREATE TABLE news_publication_notice (
    item_id       uuid PRIMARY KEY REFERENCES news_item (id) ON DELETE CASCADE,
    publisher_id  uuid NOT NULL,
    due_at        timestamptz NOT NULL,
    notified_at   timestamptz
);
-- the job's question, every tick: what is due and not told yet
CREATE INDEX news_publication_notice_due ON news_publication_notice (due_at) WHERE notified_at IS NULL;
