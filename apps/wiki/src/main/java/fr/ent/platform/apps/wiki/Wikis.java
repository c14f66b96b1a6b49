package fr.ent.platform.apps.wiki;

import fr.ent.platform.problem.Conflict;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.persistence.TenantData;
import fr.ent.platform.runtime.sharing.Right;
import fr.ent.platform.runtime.sharing.ShareRights;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The wikis of the current collectivity. Every read and write first finds the reader's right on the wiki
 * ({@link Rights}: the owner's members from the directory, and the platform's share rights): none is "not found"
 * (404), whether the wiki exists or not and whichever collectivity it belongs to; reading without writing is 403 on a
 * write. A save names the version it was edited from and is refused (409 {@code wiki-page-stale}) when the page has
 * moved on since: the check is the UPDATE's own condition, so two concurrent saves of one version cannot both pass.
 * Every save, restore included, writes a whole new version (ADR 0031); nothing older is changed.
 */
@ApplicationScoped
public class Wikis {

    /** How many wikis "my wikis" lists at most. */
    static final int LISTED = 200;

    @PersistenceUnit(unitName = WikiApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Inject
    ShareRights shares;

    @Inject
    Clock clock;

    /** A wiki's row. */
    record WikiRow(UUID id, Owner owner, String title) {
    }

    /** A page's row, with its wiki's. */
    record PageRow(UUID id, WikiRow wiki, UUID parentId, String title, String content, int version,
            Instant updatedAt, String updatedBy) {
    }

    // --- wikis ---

    /** The wikis of the reader's classes and schools, and those shared with them, by title. */
    public List<Views.WikiSummary> list(Member me) {
        Set<String> shared = shares.reachable(me.id(), WikiApp.ID, WikiApp.WIKI, Right.READ);
        List<UUID> classes = List.copyOf(me.classes().keySet());
        List<UUID> schools = List.copyOf(me.schools().keySet());
        List<UUID> communities = List.copyOf(me.communities().keySet());
        List<UUID> sharedIds = shared.stream().map(Inputs::uuid).flatMap(Optional::stream).toList();
        if (classes.isEmpty() && schools.isEmpty() && communities.isEmpty() && sharedIds.isEmpty()) {
            return List.of();
        }
        List<WikiRow> rows = data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            List<WikiRow> found = new ArrayList<>();
            List<Object[]> result = em.createNativeQuery("SELECT CAST(id AS text), owner_kind, CAST(owner_id AS text),"
                            + " title FROM wiki WHERE (owner_kind = 'class' AND owner_id = ANY(CAST(?1 AS uuid[])))"
                            + " OR (owner_kind = 'school' AND owner_id = ANY(CAST(?2 AS uuid[])))"
                            + " OR (owner_kind = 'community' AND owner_id = ANY(CAST(?4 AS uuid[])))"
                            + " OR id = ANY(CAST(?3 AS uuid[])) ORDER BY lower(title), id LIMIT " + LISTED)
                    .setParameter(1, array(classes)).setParameter(2, array(schools)).setParameter(3, array(sharedIds))
                    .setParameter(4, array(communities))
                    .getResultList();
            result.forEach(r -> wikiRow(r).ifPresent(found::add));
            return found;
        });
        Set<String> contrib = shared.isEmpty() ? Set.of()
                : shares.reachable(me.id(), WikiApp.ID, WikiApp.WIKI, Right.CONTRIB);
        Set<String> manager = contrib.isEmpty() ? Set.of()
                : shares.reachable(me.id(), WikiApp.ID, WikiApp.WIKI, Right.MANAGER);
        List<Views.WikiSummary> wikis = new ArrayList<>();
        for (WikiRow w : rows) {
            String id = w.id().toString();
            Optional<Right> byShare = manager.contains(id) ? Optional.of(Right.MANAGER)
                    : contrib.contains(id) ? Optional.of(Right.CONTRIB)
                    : shared.contains(id) ? Optional.of(Right.READ) : Optional.empty();
            Rights.higher(Rights.fromMembership(me, w.owner()), byShare).ifPresent(r -> wikis.add(
                    new Views.WikiSummary(w.id(), w.owner().kind().code(), w.owner().id(), ownerName(me, w.owner()),
                            w.title(), r.code())));
        }
        return wikis;
    }

    /** Where the reader may open a new wiki: the classes they teach, the schools they work in. */
    public List<Views.OwnerChoice> owners(Member me) {
        List<Views.OwnerChoice> choices = new ArrayList<>();
        me.classes().values().stream().filter(Member.Place::staff).sorted(Comparator.comparing(Member.Place::label))
                .forEach(p -> choices.add(new Views.OwnerChoice(Owner.Kind.CLASS.code(), p.id(), p.label())));
        me.schools().values().stream().filter(Member.Place::staff).sorted(Comparator.comparing(Member.Place::label))
                .forEach(p -> choices.add(new Views.OwnerChoice(Owner.Kind.SCHOOL.code(), p.id(), p.label())));
        me.communities().values().stream().filter(Member.Place::staff)
                .sorted(Comparator.comparing(Member.Place::label))
                .forEach(p -> choices.add(new Views.OwnerChoice(Owner.Kind.COMMUNITY.code(), p.id(), p.label())));
        return choices;
    }

    /** A new wiki of a class or school the reader writes in; they become its owner in the share rights. */
    public Views.Wiki create(Member me, Inputs.WikiInput input) {
        Owner owner = Inputs.owner(input);
        String title = Inputs.title(input.title());
        if (Rights.fromMembership(me, owner).isEmpty()) {
            throw new NotFound("wiki-owner-not-found", owner.id().toString());
        }
        if (!Rights.mayCreate(me, owner)) {
            throw new NotAllowed("forbidden");
        }
        UUID id = UUID.randomUUID();
        // registered first (the sharing app's own unit of work): a failure after it leaves a registration without a
        // wiki, harmless, never a wiki its creator cannot manage (as Actualités' threads, ADR 0018)
        shares.register(WikiApp.resource(id), me.id(), title);
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            em.createNativeQuery("INSERT INTO wiki (id, owner_kind, owner_id, title, created_by, created_at)"
                            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                    .setParameter(1, id).setParameter(2, owner.kind().code()).setParameter(3, owner.id())
                    .setParameter(4, title).setParameter(5, me.id()).setParameter(6, now()).executeUpdate();
            return null;
        });
        return wiki(me, id);
    }

    /** A wiki and its tree of pages, for whoever may read it. */
    public Views.Wiki wiki(Member me, UUID id) {
        record Found(WikiRow wiki, List<Tree.Row> rows) {
        }
        Found found = data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            WikiRow w = wikiRow(em, id).orElseThrow(() -> new NotFound("wiki-not-found", id.toString()));
            return new Found(w, treeRows(em, id));
        });
        Right right = right(me, found.wiki(), "wiki-not-found", id);
        return new Views.Wiki(id, found.wiki().owner().kind().code(), found.wiki().owner().id(),
                ownerName(me, found.wiki().owner()), found.wiki().title(), right.code(),
                right.includes(Right.CONTRIB), right.includes(Right.MANAGER), Tree.of(found.rows()));
    }

    // --- pages ---

    /** A new page of a wiki the reader writes in, under {@code parentId} (none: at the top), last of its siblings. */
    public Views.Page createPage(Member me, UUID wikiId, Inputs.PageInput input) {
        Views.Wiki wiki = wiki(me, wikiId);
        if (!wiki.writes()) {
            throw new NotAllowed("forbidden");
        }
        Inputs.CheckedPage page = Inputs.page(input);
        Optional<UUID> parent = input.parentId() == null || input.parentId().isBlank() ? Optional.empty()
                : Optional.of(Inputs.uuid(input.parentId()).orElseThrow(() -> new NotFound("wiki-page-not-found",
                        input.parentId())));
        UUID id = UUID.randomUUID();
        OffsetDateTime now = now();
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            lock(em, wikiId);
            if (parent.isPresent() && em.createNativeQuery("SELECT 1 FROM wiki_page WHERE id = ?1 AND wiki_id = ?2")
                    .setParameter(1, parent.get()).setParameter(2, wikiId).getResultList().isEmpty()) {
                throw new NotFound("wiki-page-not-found", parent.get().toString());
            }
            titleFree(em, wikiId, page.title(), null);
            Number last = (Number) em.createNativeQuery("SELECT COALESCE(MAX(position), 0) FROM wiki_page"
                            + " WHERE wiki_id = ?1 AND parent_id IS NOT DISTINCT FROM CAST(?2 AS uuid)")
                    .setParameter(1, wikiId).setParameter(2, parent.map(UUID::toString).orElse(null))
                    .getSingleResult();
            em.createNativeQuery("INSERT INTO wiki_page (id, wiki_id, parent_id, position, title, content, version,"
                            + " updated_at, updated_by) VALUES (?1, ?2, CAST(?3 AS uuid), ?4, ?5, ?6, 1, ?7, ?8)")
                    .setParameter(1, id).setParameter(2, wikiId).setParameter(3, parent.map(UUID::toString)
                            .orElse(null))
                    .setParameter(4, last.intValue() + 1).setParameter(5, page.title())
                    .setParameter(6, page.content()).setParameter(7, now).setParameter(8, me.name()).executeUpdate();
            version(em, id, 1, page, me, now, null);
            return null;
        });
        return page(me, id);
    }

    /** What a broken link shows after its title when no language is asked (the API: French, as the pages). */
    public static final String BROKEN = "page inexistante";

    /** A page with its links resolved against its wiki's pages, for whoever may read the wiki. */
    public Views.Page page(Member me, UUID id) {
        return page(me, id, BROKEN);
    }

    /** Same, {@code broken} being what a broken link shows after its title, in the reader's language. */
    public Views.Page page(Member me, UUID id, String broken) {
        record Found(PageRow page, List<Tree.Row> rows) {
        }
        Found found = data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            PageRow p = pageRow(em, id);
            return new Found(p, treeRows(em, p.wiki().id()));
        });
        Right right = right(me, found.page().wiki(), "wiki-page-not-found", id);
        PageRow p = found.page();
        Links.Resolved resolved = Links.resolve(p.content(), keys(found.rows()), broken);
        return new Views.Page(p.id(), p.wiki().id(), p.wiki().title(), p.parentId(), p.title(), p.content(),
                resolved.html(), p.version(), p.updatedAt(), p.updatedBy(), links(resolved),
                Tree.trail(found.rows(), id), Tree.childrenOf(found.rows(), id), right.includes(Right.CONTRIB));
    }

    /**
     * Saves a page edited from version {@code baseVersion}: a new version when it is still the current one, 409
     * {@code wiki-page-stale} (with both numbers) when someone saved in between — nothing is lost, the writer
     * reloads and merges.
     */
    public Views.Page save(Member me, UUID id, Inputs.PageInput input) {
        PageRow before = writable(me, id);
        Inputs.CheckedPage page = Inputs.page(input);
        int base = Inputs.baseVersion(input == null ? null : input.baseVersion());
        write(me, before, base, page, null);
        return page(me, id);
    }

    /** Makes version {@code number} the current one again, as a new version copying it (nothing is lost). */
    public Views.Page restore(Member me, UUID id, int number, Integer baseVersion) {
        PageRow before = writable(me, id);
        int base = Inputs.baseVersion(baseVersion);
        Views.VersionContent old = version(me, id, number);
        write(me, before, base, new Inputs.CheckedPage(old.title(), old.content()), number);
        return page(me, id);
    }

    /**
     * Moves a page under {@code parentId} (none: the top) at {@code position} among its new siblings (1: first),
     * renumbering them. The tree is the wiki's structure, not a page's content: a move makes no version.
     */
    public Views.Page move(Member me, UUID id, Inputs.PlaceInput input) {
        PageRow p = writable(me, id);
        if (input == null) {
            throw new fr.ent.platform.problem.InvalidInput("malformed-request");
        }
        Optional<UUID> parent = input.parentId() == null || input.parentId().isBlank() ? Optional.empty()
                : Optional.of(Inputs.uuid(input.parentId()).orElseThrow(() -> new NotFound("wiki-page-not-found",
                        input.parentId())));
        int position = input.position() == null ? Integer.MAX_VALUE : input.position();
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            lock(em, p.wiki().id());
            List<Tree.Row> rows = treeRows(em, p.wiki().id());
            if (parent.isPresent() && rows.stream().noneMatch(r -> r.id().equals(parent.get()))) {
                throw new NotFound("wiki-page-not-found", parent.get().toString());
            }
            List<UUID> order = Tree.place(rows, id, parent.orElse(null), position);
            for (int i = 0; i < order.size(); i++) {
                em.createNativeQuery("UPDATE wiki_page SET parent_id = CAST(?2 AS uuid), position = ?3 WHERE id = ?1")
                        .setParameter(1, order.get(i)).setParameter(2, parent.map(UUID::toString).orElse(null))
                        .setParameter(3, i + 1).executeUpdate();
            }
            return null;
        });
        return page(me, id);
    }

    /** The pages of the page's wiki it may move under (not itself, not its descendants), by title. */
    public List<Views.Crumb> possibleParents(Member me, UUID id) {
        PageRow p = readable(me, id);
        return data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            return Tree.possibleParents(treeRows(em, p.wiki().id()), id).stream()
                    .map(r -> new Views.Crumb(r.id(), r.title())).toList();
        });
    }

    /** Deletes a page without children, and its history. */
    public void delete(Member me, UUID id) {
        PageRow p = writable(me, id);
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            lock(em, p.wiki().id());
            if (!em.createNativeQuery("SELECT 1 FROM wiki_page WHERE parent_id = ?1 LIMIT 1").setParameter(1, id)
                    .getResultList().isEmpty()) {
                throw new Conflict("wiki-page-has-children", p.title());
            }
            em.createNativeQuery("DELETE FROM wiki_page WHERE id = ?1").setParameter(1, id).executeUpdate();
            return null;
        });
    }

    // --- history ---

    /** The versions the history page lists at a time (a page saved 1,000 times: docs/benchmarks.md). */
    public static final int HISTORY_PAGE = 50;
    /** The most versions the API lists at a time. */
    public static final int HISTORY_MAX = 500;

    /**
     * A page's versions older than {@code ?2}, newest first, at most {@code ?3}, without their content: the primary
     * key (page_id, number) read backwards from {@code ?2}, so a page of 1,000 versions costs what one of 50 does
     * (also the SQL WikiHistoryBench measures).
     */
    public static String historySql() {
        return "SELECT number, title, author_name, created_at, restored_from FROM wiki_page_version"
                + " WHERE page_id = ?1 AND number < ?2 ORDER BY number DESC LIMIT ?3";
    }

    /**
     * A page's versions, newest first (without their content), {@code limit} at a time from the one before
     * {@code before} (null: the newest); {@code older} names where the next ones start, null when none are left.
     */
    public Views.History history(Member me, UUID id, Integer before, int limit) {
        PageRow p = readable(me, id);
        int size = Math.clamp(limit, 1, HISTORY_MAX);
        List<Object[]> rows = data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            return (List<Object[]>) em.createNativeQuery(historySql()).setParameter(1, id)
                    .setParameter(2, before == null || before < 1 ? Integer.MAX_VALUE : before)
                    .setParameter(3, size + 1).getResultList();
        });
        List<Views.Version> versions = rows.stream().limit(size).map(r -> version(r, p.version())).toList();
        return new Views.History(versions, rows.size() > size ? versions.getLast().number() : null);
    }

    /** A row of {@link #HISTORY_SQL} as the history shows it ({@code current}: the page's version now). */
    public static Views.Version version(Object[] r, int current) {
        return new Views.Version(((Number) r[0]).intValue(), (String) r[1], (String) r[2], instant(r[3]),
                r[4] == null ? null : ((Number) r[4]).intValue(), ((Number) r[0]).intValue() == current);
    }

    /** One version of a page, whole; its links resolved against the wiki's pages as they are now. */
    public Views.VersionContent version(Member me, UUID id, int number) {
        return version(me, id, number, BROKEN);
    }

    public Views.VersionContent version(Member me, UUID id, int number, String broken) {
        PageRow p = readable(me, id);
        Map<String, UUID> keys = new HashMap<>();
        Object[] r = data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            keys.putAll(keys(treeRows(em, p.wiki().id())));
            List<Object[]> rows = em.createNativeQuery("SELECT number, title, content, author_name, created_at,"
                            + " restored_from FROM wiki_page_version WHERE page_id = ?1 AND number = ?2")
                    .setParameter(1, id).setParameter(2, number).getResultList();
            return rows.isEmpty() ? null : rows.get(0);
        });
        if (r == null) {
            throw new NotFound("wiki-version-not-found", number);
        }
        String content = (String) r[2];
        return new Views.VersionContent(id, number, (String) r[1], content,
                Links.resolve(content, keys, broken).html(), (String) r[3], instant(r[4]),
                r[5] == null ? null : ((Number) r[5]).intValue(), p.version());
    }

    /** What changed from version {@code from} to version {@code to} of a page. */
    public Views.Comparison compare(Member me, UUID id, int from, int to) {
        Views.VersionContent a = version(me, id, from);
        Views.VersionContent b = version(me, id, to);
        return new Views.Comparison(id, b.title(), from, to, a.title(), b.title(),
                Diffs.rows(Diffs.lines(a.content()), Diffs.lines(b.content())));
    }

    // --- inside ---

    private void write(Member me, PageRow before, int base, Inputs.CheckedPage page, Integer restoredFrom) {
        OffsetDateTime now = now();
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            lock(em, before.wiki().id());
            titleFree(em, before.wiki().id(), page.title(), before.id());
            int updated = em.createNativeQuery("UPDATE wiki_page SET title = ?3, content = ?4, version = version + 1,"
                            + " updated_at = ?5, updated_by = ?6 WHERE id = ?1 AND version = ?2")
                    .setParameter(1, before.id()).setParameter(2, base).setParameter(3, page.title())
                    .setParameter(4, page.content()).setParameter(5, now).setParameter(6, me.name()).executeUpdate();
            if (updated == 0) {
                List<?> current = em.createNativeQuery("SELECT version FROM wiki_page WHERE id = ?1")
                        .setParameter(1, before.id()).getResultList();
                if (current.isEmpty()) {
                    throw new NotFound("wiki-page-not-found", before.id().toString());
                }
                throw new Conflict("wiki-page-stale", base, ((Number) current.get(0)).intValue());
            }
            version(em, before.id(), base + 1, page, me, now, restoredFrom);
            return null;
        });
    }

    private static void version(EntityManager em, UUID page, int number, Inputs.CheckedPage content, Member me,
            OffsetDateTime now, Integer restoredFrom) {
        em.createNativeQuery("INSERT INTO wiki_page_version (page_id, number, title, content, author_id, author_name,"
                        + " created_at, restored_from) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, CAST(?8 AS integer))")
                .setParameter(1, page).setParameter(2, number).setParameter(3, content.title())
                .setParameter(4, content.content()).setParameter(5, me.id()).setParameter(6, me.name())
                .setParameter(7, now).setParameter(8, restoredFrom == null ? null : restoredFrom.toString())
                .executeUpdate();
    }

    /** Writes to one wiki's pages one at a time: titles stay unique and positions distinct without retries. */
    private static void lock(EntityManager em, UUID wiki) {
        em.createNativeQuery("SELECT id FROM wiki WHERE id = ?1 FOR UPDATE").setParameter(1, wiki).getResultList();
    }

    private static void titleFree(EntityManager em, UUID wiki, String title, UUID except) {
        List<?> taken = em.createNativeQuery("SELECT CAST(id AS text) FROM wiki_page WHERE wiki_id = ?1"
                        + " AND lower(title) = lower(?2)").setParameter(1, wiki).setParameter(2, title)
                .getResultList();
        if (taken.stream().anyMatch(t -> except == null || !except.toString().equals(t))) {
            throw new Conflict("wiki-title-taken", title);
        }
    }

    private PageRow readable(Member me, UUID id) {
        PageRow p = data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            return pageRow(em, id);
        });
        right(me, p.wiki(), "wiki-page-not-found", id);
        return p;
    }

    private PageRow writable(Member me, UUID id) {
        PageRow p = data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            return pageRow(em, id);
        });
        if (!right(me, p.wiki(), "wiki-page-not-found", id).includes(Right.CONTRIB)) {
            throw new NotAllowed("forbidden");
        }
        return p;
    }

    /** The reader's right on a wiki; none is not found (code {@code missing}, as an unknown id). */
    private Right right(Member me, WikiRow wiki, String missing, UUID asked) {
        return Rights.higher(Rights.fromMembership(me, wiki.owner()), shares.rightOf(me.id(),
                WikiApp.resource(wiki.id()))).orElseThrow(() -> new NotFound(missing, asked.toString()));
    }

    private static PageRow pageRow(EntityManager em, UUID id) {
        List<Object[]> rows = em.createNativeQuery("SELECT CAST(w.id AS text), w.owner_kind, CAST(w.owner_id AS text),"
                        + " w.title, CAST(p.parent_id AS text), p.title, p.content, p.version, p.updated_at,"
                        + " p.updated_by FROM wiki_page p JOIN wiki w ON w.id = p.wiki_id WHERE p.id = ?1")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw new NotFound("wiki-page-not-found", id.toString());
        }
        Object[] r = rows.get(0);
        WikiRow w = wikiRow(r).orElseThrow(() -> new NotFound("wiki-page-not-found", id.toString()));
        return new PageRow(id, w, r[4] == null ? null : UUID.fromString((String) r[4]), (String) r[5],
                (String) r[6], ((Number) r[7]).intValue(), instant(r[8]), (String) r[9]);
    }

    private static Optional<WikiRow> wikiRow(EntityManager em, UUID id) {
        List<Object[]> rows = em.createNativeQuery("SELECT CAST(id AS text), owner_kind, CAST(owner_id AS text), title"
                + " FROM wiki WHERE id = ?1").setParameter(1, id).getResultList();
        return rows.isEmpty() ? Optional.empty() : wikiRow(rows.get(0));
    }

    /** A wiki's row; one of an owner kind this runtime does not know (a later one) is left out. */
    private static Optional<WikiRow> wikiRow(Object[] r) {
        return Owner.Kind.parse((String) r[1]).map(kind -> new WikiRow(UUID.fromString((String) r[0]),
                new Owner(kind, UUID.fromString((String) r[2])), (String) r[3]));
    }

    private static List<Tree.Row> treeRows(EntityManager em, UUID wiki) {
        List<Object[]> rows = em.createNativeQuery("SELECT CAST(id AS text), CAST(parent_id AS text), position, title"
                + " FROM wiki_page WHERE wiki_id = ?1").setParameter(1, wiki).getResultList();
        return rows.stream().map(r -> new Tree.Row(UUID.fromString((String) r[0]),
                r[1] == null ? null : UUID.fromString((String) r[1]), ((Number) r[2]).intValue(), (String) r[3]))
                .toList();
    }

    private static Map<String, UUID> keys(List<Tree.Row> rows) {
        Map<String, UUID> keys = new LinkedHashMap<>();
        rows.forEach(r -> keys.put(Links.key(r.title()), r.id()));
        return keys;
    }

    private static List<Views.Link> links(Links.Resolved resolved) {
        return resolved.links().stream().map(l -> new Views.Link(l.title(), l.page().orElse(null), l.broken()))
                .toList();
    }

    private static String ownerName(Member me, Owner owner) {
        Member.Place p = switch (owner.kind()) {
            case CLASS -> me.classes().get(owner.id());
            case SCHOOL -> me.schools().get(owner.id());
            case COMMUNITY -> me.communities().get(owner.id());
        };
        return p == null ? "" : p.label();
    }

    private static String array(List<UUID> ids) {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < ids.size(); i++) {
            s.append(i == 0 ? "" : ",").append(ids.get(i));
        }
        return s.append('}').toString();
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case java.sql.Timestamp t -> t.toInstant();
            case OffsetDateTime o -> o.toInstant();
            case Instant i -> i;
            default -> throw new IllegalStateException("not a time: " + value);
        };
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** A version number from a path: a positive integer, else that version does not exist. */
    public static int number(String text) {
        try {
            int n = Integer.parseInt(text == null ? "" : text.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // below
        }
        throw new NotFound("wiki-version-not-found", String.valueOf(text));
    }
}
