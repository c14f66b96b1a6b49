package fr.ent.platform.apps.wiki;

import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.runtime.text.RichText;
import java.util.Optional;
import java.util.UUID;

/** What a writer sends (a wiki, a page, a save) and its checking (pure: unit-tested). */
public final class Inputs {

    public static final int TITLE_MAX = 120;
    public static final int CONTENT_MAX = 100_000;

    private Inputs() {
    }

    /** A new wiki: whose ({@code class} or {@code school} and its directory id) and its title. */
    public record WikiInput(String ownerKind, String ownerId, String title) {
    }

    /**
     * A page as sent: its title, its content (HTML, sanitized; plain text keeps its lines), its parent page (a new
     * page; none: a top page) and, for a save, the version it was edited from ({@code baseVersion}).
     */
    public record PageInput(String title, String content, String parentId, Integer baseVersion) {
    }

    /** A restore: the version the reader saw as current when asking (a stale one is refused as a stale save). */
    public record RestoreInput(Integer baseVersion) {
    }

    /** Where a page goes: under {@code parentId} (none: the top), at {@code position} among its siblings (1: first). */
    public record PlaceInput(String parentId, Integer position) {
    }

    public record CheckedPage(String title, String content) {
    }

    public static Owner owner(WikiInput input) {
        if (input == null) {
            throw new InvalidInput("malformed-request");
        }
        Owner.Kind kind = Owner.Kind.parse(input.ownerKind())
                .orElseThrow(() -> InvalidInput.field("ownerKind", "wiki.owner-kind"));
        UUID id = uuid(input.ownerId()).orElseThrow(() -> InvalidInput.field("ownerId", "wiki.owner"));
        return new Owner(kind, id);
    }

    public static String title(String title) {
        String t = Optional.ofNullable(title).map(String::strip).orElse("");
        if (t.isEmpty() || t.length() > TITLE_MAX || t.contains("[") || t.contains("]") || t.contains("|")) {
            // brackets would break the [[Titre]] links that name pages
            throw InvalidInput.field("title", "wiki.title", TITLE_MAX);
        }
        return t;
    }

    /** A page's title and content, the content sanitized by the platform's one sanitizer (may be empty). */
    public static CheckedPage page(PageInput input) {
        if (input == null) {
            throw new InvalidInput("malformed-request");
        }
        String title = title(input.title());
        String content = RichText.sanitize(RichText.typed(input.content())).strip();
        if (content.length() > CONTENT_MAX) {
            throw InvalidInput.field("content", "wiki.content", CONTENT_MAX);
        }
        return new CheckedPage(title, content);
    }

    /** The version a save starts from: required, at least 1. */
    public static int baseVersion(Integer base) {
        if (base == null || base < 1) {
            throw InvalidInput.field("baseVersion", "wiki.base-version");
        }
        return base;
    }

    public static Optional<UUID> uuid(String id) {
        try {
            return id == null || id.isBlank() ? Optional.empty() : Optional.of(UUID.fromString(id.strip()));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
