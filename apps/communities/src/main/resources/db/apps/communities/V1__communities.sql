-- The communities of one collectivity (docs/communities.md). A community is created by a teacher or a member of the
-- personnel, who becomes its first administrator. No foreign key to the directory: people are directory ids, their
-- names copied when they enter (shown in lists without a directory read per row).
CREATE TABLE community (
    id           uuid PRIMARY KEY,
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    description  text NOT NULL CHECK (length(description) <= 1000),
    created_by   uuid NOT NULL,
    created_at   timestamptz NOT NULL
);

-- One person's place in a community: invited by an administrator (awaiting their answer), asking to join (awaiting
-- an administrator's), or an accepted member, whose role is member or admin. Only accepted members hold any right
-- (CommunityMembership). Declining, refusing, leaving and removal delete the row: nothing keeps a right afterwards.
CREATE TABLE community_member (
    community_id  uuid NOT NULL REFERENCES community (id) ON DELETE CASCADE,
    person_id     uuid NOT NULL,
    person_name   text NOT NULL,
    state         text NOT NULL CHECK (state IN ('invited', 'requested', 'member')),
    role          text NOT NULL CHECK (role IN ('member', 'admin')),
    since         timestamptz NOT NULL,
    PRIMARY KEY (community_id, person_id)
);
-- "my communities" and every share check of the sharing app (communitiesOf): one index lookup per person
CREATE INDEX community_member_person ON community_member (person_id, state);

-- An announcement of a community, written by an administrator: rich text sanitized by the platform's sanitizer.
CREATE TABLE community_announcement (
    id            uuid PRIMARY KEY,
    community_id  uuid NOT NULL REFERENCES community (id) ON DELETE CASCADE,
    author_id     uuid NOT NULL,
    author_name   text NOT NULL,
    title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
    content       text NOT NULL,
    created_at    timestamptz NOT NULL
);
CREATE INDEX community_announcement_latest ON community_announcement (community_id, created_at DESC);

-- The discussion: topics, each opened by its first post; posts are sanitized rich text, reported and moderated
-- through the platform's content alert (kind "post"): neutralized, readers see a placeholder.
CREATE TABLE community_topic (
    id            uuid PRIMARY KEY,
    community_id  uuid NOT NULL REFERENCES community (id) ON DELETE CASCADE,
    author_id     uuid NOT NULL,
    author_name   text NOT NULL,
    title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
    created_at    timestamptz NOT NULL,
    last_post_at  timestamptz NOT NULL
);
CREATE INDEX community_topic_latest ON community_topic (community_id, last_post_at DESC);

CREATE TABLE community_post (
    id            uuid PRIMARY KEY,
    topic_id      uuid NOT NULL REFERENCES community_topic (id) ON DELETE CASCADE,
    author_id     uuid NOT NULL,
    author_name   text NOT NULL,
    content       text NOT NULL,
    created_at    timestamptz NOT NULL,
    neutralized   boolean NOT NULL DEFAULT false
);
CREATE INDEX community_post_topic ON community_post (topic_id, created_at);
CREATE INDEX community_post_author ON community_post (author_id);
