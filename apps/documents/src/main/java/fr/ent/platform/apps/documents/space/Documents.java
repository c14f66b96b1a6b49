package fr.ent.platform.apps.documents.space;

import fr.ent.platform.apps.documents.DocumentsApp;
import fr.ent.platform.problem.Conflict;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.problem.TooLarge;
import fr.ent.platform.runtime.documents.DocumentFacts;
import fr.ent.platform.runtime.documents.DocumentPage;
import fr.ent.platform.runtime.persistence.TenantData;
import fr.ent.platform.runtime.sharing.ResourceRef;
import fr.ent.platform.runtime.sharing.Right;
import fr.ent.platform.runtime.sharing.ShareRights;
import fr.ent.platform.runtime.storage.CollectivityFiles;
import fr.ent.platform.runtime.storage.FileStorage;
import fr.ent.platform.runtime.storage.ObjectKey;
import fr.ent.platform.runtime.storage.StoredFile;
import fr.ent.platform.runtime.storage.StoredObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One collectivity's espace documentaire: each person's folders and files, what others shared with them, the
 * trash, versions and the quota. Every read and write resolves the node's chain and the caller's right on it
 * ({@link Access}): a node the caller may not read is not found, exactly like an unknown id.
 *
 * <p>A file's bytes are stored first (through the platform's scanned uploads: size, antivirus), then its rows in
 * one transaction that checks the quota again under a per-person lock and the name under a unique index; if the
 * rows fail, the object is deleted again. So a refused upload leaves neither a row nor an object.
 */
@ApplicationScoped
public class Documents {

    private static final Logger LOG = Logger.getLogger(Documents.class.getName());
    private static final int HEAD = 16;

    @PersistenceUnit(unitName = DocumentsApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Inject
    ShareRights rights;

    @Inject
    FileStorage storage;

    @Inject
    Quotas quotas;

    /** A file being read: its name, type and content (closed by the caller). */
    public record Download(String name, String contentType, StoredFile file) {
    }

    /**
     * A node with the caller's right on it, its chain (the node first, up to the top) and the rights shared with the
     * caller on that chain's nodes (read at most once, for a caller who does not own the space).
     */
    record Resolved(Row row, Right right, boolean trashed, List<Row> chain, SharedOnChain shared) {
    }

    /** The rights shared with a reader on a chain's nodes, read in one call when first asked. */
    final class SharedOnChain implements Function<UUID, Optional<Right>> {

        private final UUID reader;
        private final List<Row> chain;
        private Map<ResourceRef, Right> held;

        SharedOnChain(UUID reader, List<Row> chain) {
            this.reader = reader;
            this.chain = chain;
        }

        @Override
        public Optional<Right> apply(UUID node) {
            if (held == null) {
                held = rights.rightsOf(reader, chain.stream().map(r -> DocumentsApp.node(r.id())).toList());
            }
            return Optional.ofNullable(held.get(DocumentsApp.node(node)));
        }
    }

    /** A node's row. */
    record Row(UUID id, UUID owner, UUID parent, String kind, String name, boolean trashed) {
    }

    // --- reading ---

    /** The top of the caller's own space. */
    public Views.Listing root(Me me) {
        return data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            return new Views.Listing(null, children(em, me, null, me.id(), Right.MANAGER), List.of());
        });
    }

    /** A folder's content, for whoever may read it. */
    public Views.Listing folder(Me me, UUID id) {
        Resolved folder = live(me, id, Right.READ);
        if (!"folder".equals(folder.row().kind())) {
            throw new NotFound("document-not-found", id.toString());
        }
        List<Row> shown = new ArrayList<>();
        for (Row r : folder.chain()) {
            shown.add(0, r);
            if (!r.owner().equals(me.id()) && folder.shared().apply(r.id()).isPresent()) {
                break; // the folder shared with the reader: what is above it is not theirs to see
            }
        }
        return data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            List<Views.Node> path = shown.stream().map(r -> view(em, r, folder.right())).toList();
            return new Views.Listing(view(em, folder.row(), folder.right()),
                    children(em, me, id, folder.row().owner(), folder.right()), path);
        });
    }

    /** One node, for whoever may read it. */
    public Views.Node node(Me me, UUID id) {
        Resolved r = resolve(me, id, Right.READ);
        return data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            return view(em, r.row(), r.right());
        });
    }

    /** The versions of a file, newest first. */
    public List<Views.Version> versions(Me me, UUID file) {
        Resolved r = file(me, file, Right.READ);
        return data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT number, size, content_type, uploaded_by, uploaded_at"
                    + " FROM version WHERE node_id = ?1 ORDER BY number DESC").setParameter(1, r.row().id())
                    .getResultList();
            return rows.stream().map(v -> new Views.Version(((Number) v[0]).intValue(), ((Number) v[1]).longValue(),
                    (String) v[2], uuid(v[3]), time(v[4]))).toList();
        });
    }

    /** A file's content: its current version, or the one asked for. */
    public Download download(Me me, UUID file, Optional<Integer> version) {
        Resolved r = file(me, file, Right.READ);
        Object[] v = data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            @SuppressWarnings("unchecked")
            // no version asked: the newest (number >= 0 matches every one)
            List<Object[]> rows = em.createNativeQuery("SELECT object_key, content_type FROM version WHERE node_id = ?1"
                    + (version.isPresent() ? " AND number = ?2" : " AND number >= ?2") + " ORDER BY number DESC"
                    + " LIMIT 1").setParameter(1, file).setParameter(2, version.orElse(0)).getResultList();
            return rows.isEmpty() ? null : rows.get(0);
        });
        if (v == null) {
            throw new NotFound("document-version-not-found", file.toString());
        }
        CollectivityFiles files = storage.current();
        return new Download(r.row().name(), (String) v[1], files.get(files.key((String) v[0])));
    }

    /** What others shared with the caller (the shared node itself, not what is under it), by name. */
    public List<Views.Node> sharedWithMe(Me me) {
        Set<String> ids = rights.reachable(me.id(), DocumentsApp.ID, DocumentsApp.NODE, Right.READ);
        List<Views.Node> shared = new ArrayList<>();
        for (String id : ids) {
            Optional<UUID> uuid = Me.uuid(id);
            if (uuid.isEmpty()) {
                continue;
            }
            Optional<Resolved> r = find(me, uuid.get());
            if (r.isPresent() && r.get().right() != null && !r.get().trashed()
                    && !r.get().row().owner().equals(me.id())) {
                shared.add(data.read(unit, em -> {
                    TenantData.nativeSqlInSchema(em);
                    return view(em, r.get().row(), r.get().right());
                }));
            }
        }
        shared.sort(Comparator.comparing(Views.Node::name, String.CASE_INSENSITIVE_ORDER));
        return shared;
    }

    /** The caller's trash: what they put there (not what is under it), newest first. */
    public List<Views.Node> trash(Me me) {
        return data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(NODES_WITH_VERSION
                    + " WHERE n.owner_id = ?1 AND n.trashed_at IS NOT NULL ORDER BY n.trashed_at DESC")
                    .setParameter(1, me.id()).getResultList();
            return rows.stream().map(r -> view(r, Right.MANAGER)).toList();
        });
    }

    public Views.Usage usage(Me me) {
        return data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            return new Views.Usage(Quotas.used(em, me.id()), quotas.of(em, me));
        });
    }

    // --- writing ---

    public Views.Node createFolder(Me me, Optional<UUID> parent, String name) {
        String n = Names.checked(name);
        UUID owner = parent.map(p -> folderToWrite(me, p).row().owner()).orElse(me.id());
        UUID id = UUID.randomUUID();
        return data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            insertNode(em, id, owner, parent.orElse(null), "folder", n);
            return view(em, new Row(id, owner, parent.orElse(null), "folder", n, false), Right.MANAGER);
        });
    }

    /** A new file in a folder (or the top of one's space): scanned, within the quota, under a free name. */
    public Views.Node upload(Me me, Optional<UUID> parent, String name, String declaredType, InputStream content) {
        String n = Names.checked(name);
        Optional<Resolved> folder = parent.map(p -> folderToWrite(me, p));
        Right right = folder.map(Resolved::right).orElse(Right.MANAGER);
        UUID owner = folder.map(f -> f.row().owner()).orElse(me.id());
        UUID id = UUID.randomUUID();
        nameFree(owner, parent.orElse(null), n);
        StoredObject stored = store(me, id, n, declaredType, content);
        try {
            return data.write(unit, em -> {
                TenantData.nativeSqlInSchema(em);
                Quotas.lock(em, me.id());
                quotas.within(em, me, n, stored.size());
                insertNode(em, id, owner, parent.orElse(null), "file", n);
                insertVersion(em, id, 1, stored, me.id());
                return view(em, new Row(id, owner, parent.orElse(null), "file", n, false), right);
            });
        } catch (RuntimeException e) {
            forgetObject(stored.key());
            throw e;
        }
    }

    /** A new version of a file: the previous ones stay, listed and downloadable. */
    public Views.Node newVersion(Me me, UUID file, String declaredType, InputStream content) {
        Resolved r = file(me, file, Right.CONTRIB);
        if (r.trashed()) {
            throw new NotFound("document-not-found", file.toString());
        }
        StoredObject stored = store(me, file, r.row().name(), declaredType, content);
        try {
            return data.write(unit, em -> {
                TenantData.nativeSqlInSchema(em);
                Quotas.lock(em, me.id());
                quotas.within(em, me, r.row().name(), stored.size());
                em.createNativeQuery("SELECT id FROM node WHERE id = ?1 FOR UPDATE").setParameter(1, file)
                        .getResultList();
                int next = ((Number) em.createNativeQuery("SELECT coalesce(max(number), 0) + 1 FROM version"
                        + " WHERE node_id = ?1").setParameter(1, file).getSingleResult()).intValue();
                insertVersion(em, file, next, stored, me.id());
                em.createNativeQuery("UPDATE node SET updated_at = now() WHERE id = ?1").setParameter(1, file)
                        .executeUpdate();
                return view(em, r.row(), r.right());
            });
        } catch (RuntimeException e) {
            forgetObject(stored.key());
            throw e;
        }
    }

    public Views.Node rename(Me me, UUID id, String name) {
        String n = Names.checked(name);
        Resolved r = live(me, id, Right.MANAGER);
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            int changed = em.createNativeQuery("UPDATE node SET name = ?2, updated_at = now() WHERE id = ?1"
                    + " AND NOT EXISTS (SELECT 1 FROM node o WHERE o.owner_id = ?3 AND o.id <> ?1 AND"
                    + " o.trashed_at IS NULL AND o.parent_id IS NOT DISTINCT FROM CAST(?4 AS uuid) AND lower(o.name) = lower(?2))")
                    .setParameter(1, id).setParameter(2, n).setParameter(3, r.row().owner())
                    .setParameter(4, r.row().parent()).executeUpdate();
            if (changed == 0) {
                throw new Conflict("document-name-taken", n);
            }
            return null;
        });
        if (rights.rightOf(r.row().owner(), DocumentsApp.node(id)).isPresent()) {
            rights.register(DocumentsApp.node(id), r.row().owner(), n); // the sharing dialog's title
        }
        return node(me, id);
    }

    /** Moves a node into another folder of the same space (or its top, for the owner). */
    public Views.Node move(Me me, UUID id, Optional<UUID> target) {
        Resolved r = live(me, id, Right.MANAGER);
        if (target.isEmpty() && !r.row().owner().equals(me.id())) {
            throw new NotAllowed("forbidden");
        }
        if (target.isPresent()) {
            Resolved t = folderToWrite(me, target.get());
            List<Access.Link> chain = t.chain().stream().map(c -> new Access.Link(c.id(), c.owner(), c.trashed()))
                    .toList();
            if (!t.row().owner().equals(r.row().owner()) || !Access.mayMoveInto(id, chain)) {
                throw new InvalidInput("document-move-refused", r.row().name());
            }
        }
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            int changed = em.createNativeQuery("UPDATE node SET parent_id = CAST(?2 AS uuid), updated_at = now() WHERE id = ?1"
                    + " AND NOT EXISTS (SELECT 1 FROM node o WHERE o.owner_id = ?3 AND o.id <> ?1 AND"
                    + " o.trashed_at IS NULL AND o.parent_id IS NOT DISTINCT FROM CAST(?2 AS uuid) AND lower(o.name) = lower(?4))")
                    .setParameter(1, id).setParameter(2, target.orElse(null)).setParameter(3, r.row().owner())
                    .setParameter(4, r.row().name()).executeUpdate();
            if (changed == 0) {
                throw new Conflict("document-name-taken", r.row().name());
            }
            return null;
        });
        return node(me, id);
    }

    /** Puts a node in its owner's trash (with what is under it). */
    public void trash(Me me, UUID id) {
        live(me, id, Right.MANAGER);
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            em.createNativeQuery("UPDATE node SET trashed_at = now() WHERE id = ?1").setParameter(1, id)
                    .executeUpdate();
            return null;
        });
    }

    /** Takes a node out of the caller's trash, back into its folder (or the top, if that folder is gone too). */
    public Views.Node restore(Me me, UUID id) {
        Row r = ownTrashed(me, id);
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            UUID parent = r.parent();
            if (parent != null && chain(em, parent).stream().anyMatch(Row::trashed)) {
                parent = null;
            }
            int changed = em.createNativeQuery("UPDATE node SET trashed_at = NULL, parent_id = CAST(?2 AS uuid) WHERE id = ?1"
                    + " AND NOT EXISTS (SELECT 1 FROM node o WHERE o.owner_id = ?3 AND o.trashed_at IS NULL"
                    + " AND o.parent_id IS NOT DISTINCT FROM CAST(?2 AS uuid) AND lower(o.name) = lower(?4))")
                    .setParameter(1, id).setParameter(2, parent).setParameter(3, me.id()).setParameter(4, r.name())
                    .executeUpdate();
            if (changed == 0) {
                throw new Conflict("document-name-taken", r.name());
            }
            return null;
        });
        return node(me, id);
    }

    /** Deletes for good what is in the caller's trash: rows first (one transaction), then their objects. */
    public int emptyTrash(Me me) {
        record Gone(List<UUID> nodes, List<String> keys) {
        }
        Gone gone = data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            String tree = "WITH RECURSIVE tree AS (SELECT id FROM node WHERE owner_id = ?1 AND trashed_at IS NOT NULL"
                    + " UNION SELECT n.id FROM node n JOIN tree t ON n.parent_id = t.id) ";
            @SuppressWarnings("unchecked")
            List<Object> nodes = em.createNativeQuery(tree + "SELECT id FROM tree").setParameter(1, me.id())
                    .getResultList();
            @SuppressWarnings("unchecked")
            List<Object> keys = em.createNativeQuery(tree + "SELECT v.object_key FROM version v JOIN tree t"
                    + " ON v.node_id = t.id").setParameter(1, me.id()).getResultList();
            em.createNativeQuery("DELETE FROM node WHERE owner_id = ?1 AND trashed_at IS NOT NULL")
                    .setParameter(1, me.id()).executeUpdate();
            return new Gone(nodes.stream().map(Documents::uuid).toList(), keys.stream().map(String.class::cast)
                    .toList());
        });
        CollectivityFiles files = storage.current();
        for (String key : gone.keys()) {
            forgetObject(files.key(key));
        }
        for (UUID node : gone.nodes()) {
            rights.forget(DocumentsApp.node(node));
        }
        return gone.nodes().size();
    }

    /**
     * Makes a node shareable (registers it with the sharing app, its owner and name) for whoever may change its
     * shares; the sharing dialog and API then take it.
     */
    public Views.Node shareable(Me me, UUID id) {
        Resolved r = live(me, id, Right.MANAGER);
        rights.register(DocumentsApp.node(id), r.row().owner(), r.row().name());
        return node(me, id);
    }

    // --- for other apps (Library): documents attached by reference ---

    /**
     * A file the caller may attach to something of another app, which will let that thing's readers open it: a live
     * file the caller could share (MANAGER: their own, or one managed for them). Attaching is a share, so reading is
     * not enough. Not found for what the caller may not read, forbidden for what they only read.
     */
    public Views.Node attachable(Me me, UUID id) {
        Resolved r = live(me, id, Right.MANAGER);
        if (!"file".equals(r.row().kind())) {
            throw new NotFound("document-not-found", id.toString());
        }
        return data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            return view(em, r.row(), r.right());
        });
    }

    /**
     * The caller's own live files (not in the trash, nor under a trashed folder) whose name contains {@code words}
     * (ignoring case; blank: all), newest first, from {@code offset}, at most {@code limit}: an attach picker. One
     * query (the newest version of each joined), {@code limit + 1} rows read to know whether more follow.
     */
    public DocumentPage ownFiles(Me me, String words, int offset, int limit) {
        String pattern = namePattern(words);
        return data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("WITH RECURSIVE live AS (SELECT id FROM node WHERE owner_id = ?1"
                            + " AND parent_id IS NULL AND trashed_at IS NULL UNION ALL SELECT n.id FROM node n"
                            + " JOIN live l ON n.parent_id = l.id WHERE n.trashed_at IS NULL)"
                            + " SELECT CAST(n.id AS text), n.name, v.content_type, v.size FROM node n"
                            + " JOIN LATERAL (SELECT content_type, size FROM version WHERE node_id = n.id"
                            + " ORDER BY number DESC LIMIT 1) v ON true"
                            + " WHERE n.id IN (SELECT id FROM live) AND n.kind = 'file'"
                            + " AND lower(n.name) LIKE ?2 ESCAPE '\\'"
                            + " ORDER BY n.updated_at DESC, n.id OFFSET ?3 LIMIT ?4")
                    .setParameter(1, me.id()).setParameter(2, pattern).setParameter(3, Math.max(0, offset))
                    .setParameter(4, limit + 1).getResultList();
            List<DocumentFacts> files = rows.stream().limit(limit).map(r -> new DocumentFacts(uuid(r[0]),
                    (String) r[1], r[2] == null ? FileTypes.UNKNOWN : (String) r[2], ((Number) r[3]).longValue()))
                    .toList();
            return new DocumentPage(files, rows.size() > limit);
        });
    }

    /** A LIKE pattern (escape {@code \\}) for names containing these words as typed, ignoring case. */
    static String namePattern(String words) {
        return "%" + (words == null ? "" : words.strip().toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")) + "%";
    }

    /**
     * The current version of a file another app references, for a reader that app has already let through (the
     * app checked its own rights on the thing the file is attached to; this space's shares do not apply). Empty
     * once the file, or a folder above it, is in the trash or deleted: the owner can always take it back.
     */
    public Optional<Download> attached(UUID id) {
        Row file = data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            List<Row> chain = chain(em, id);
            return chain.isEmpty() || !"file".equals(chain.get(0).kind()) || chain.stream().anyMatch(Row::trashed)
                    ? null : chain.get(0);
        });
        if (file == null) {
            return Optional.empty();
        }
        Object[] v = data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT object_key, content_type FROM version WHERE node_id = ?1"
                    + " ORDER BY number DESC LIMIT 1").setParameter(1, id).getResultList();
            return rows.isEmpty() ? null : rows.get(0);
        });
        if (v == null) {
            return Optional.empty();
        }
        CollectivityFiles files = storage.current();
        return Optional.of(new Download(file.name(), (String) v[1], files.get(files.key((String) v[0]))));
    }

    // --- rights ---

    /** The node and the caller's right on it, if they may read it at all. */
    Optional<Resolved> find(Me me, UUID id) {
        List<Row> chain = data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            return chain(em, id);
        });
        List<Access.Link> links = chain.stream().map(r -> new Access.Link(r.id(), r.owner(), r.trashed())).toList();
        SharedOnChain shared = new SharedOnChain(me.id(), chain);
        Optional<Right> right = Access.rightOf(me.id(), links, shared);
        return right.map(r -> new Resolved(chain.get(0), r, links.stream().anyMatch(Access.Link::trashed), chain,
                shared));
    }

    /** The node if the caller holds {@code right} on it; not found if they may not read it, forbidden else. */
    Resolved resolve(Me me, UUID id, Right right) {
        Resolved r = find(me, id).orElseThrow(() -> new NotFound("document-not-found", id.toString()));
        if (!r.right().includes(right)) {
            throw new NotAllowed("forbidden");
        }
        return r;
    }

    /** Like {@link #resolve}, and not in the trash. */
    Resolved live(Me me, UUID id, Right right) {
        Resolved r = resolve(me, id, right);
        if (r.trashed()) {
            throw new NotFound("document-not-found", id.toString());
        }
        return r;
    }

    private Resolved file(Me me, UUID id, Right right) {
        Resolved r = resolve(me, id, right);
        if (!"file".equals(r.row().kind())) {
            throw new NotFound("document-not-found", id.toString());
        }
        return r;
    }

    private Resolved folderToWrite(Me me, UUID id) {
        Resolved r = live(me, id, Right.CONTRIB);
        if (!"folder".equals(r.row().kind())) {
            throw new NotFound("document-not-found", id.toString());
        }
        return r;
    }

    private Row ownTrashed(Me me, UUID id) {
        Row r = data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT id, owner_id, parent_id, kind, name, true FROM node"
                    + " WHERE id = ?1 AND owner_id = ?2 AND trashed_at IS NOT NULL").setParameter(1, id)
                    .setParameter(2, me.id()).getResultList();
            return rows.isEmpty() ? null : row(rows.get(0));
        });
        if (r == null) {
            throw new NotFound("document-not-found", id.toString());
        }
        return r;
    }

    // --- storing ---

    /** Checks the file's type, then stores it within the caller's remaining space (scanned by the platform). */
    private StoredObject store(Me me, UUID node, String name, String declaredType, InputStream content) {
        BufferedInputStream in = new BufferedInputStream(content, 8192);
        String type;
        try {
            in.mark(HEAD);
            byte[] head = in.readNBytes(HEAD);
            in.reset();
            type = FileTypes.checked(name, declaredType, head);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Views.Usage usage = usage(me);
        long remaining = Math.max(0, usage.quota() - usage.used());
        if (remaining == 0) {
            throw new TooLarge("documents-quota-exceeded", name, 0, usage.quota());
        }
        CollectivityFiles files = storage.current();
        ObjectKey key = files.key("documents/" + node + "/" + UUID.randomUUID());
        try {
            return files.upload(key, type, remaining, in);
        } catch (TooLarge tooLarge) {
            if (remaining < storage.uploads().maxBytes()) {
                throw new TooLarge("documents-quota-exceeded", name, remaining, usage.quota());
            }
            throw tooLarge;
        }
    }

    private void forgetObject(ObjectKey key) {
        try {
            storage.current().delete(key);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "stored object left behind: " + key, e);
        }
    }

    private void nameFree(UUID owner, UUID parent, String name) {
        boolean taken = data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            return !em.createNativeQuery("SELECT 1 FROM node WHERE owner_id = ?1 AND parent_id IS NOT DISTINCT FROM CAST(?2 AS uuid)"
                            + " AND trashed_at IS NULL AND lower(name) = lower(?3)").setParameter(1, owner)
                    .setParameter(2, parent).setParameter(3, name).getResultList().isEmpty();
        });
        if (taken) {
            throw new Conflict("document-name-taken", name);
        }
    }

    // A parent may be null: EclipseLink binds a null as varchar, hence CAST(? AS uuid) wherever one may be.

    /** Inserts a node; a live node of the same name in the folder (even one inserted just now) is a conflict. */
    private static void insertNode(EntityManager em, UUID id, UUID owner, UUID parent, String kind, String name) {
        int inserted = em.createNativeQuery("INSERT INTO node (id, owner_id, parent_id, kind, name, created_at,"
                        + " updated_at) VALUES (?1, ?2, CAST(?3 AS uuid), ?4, ?5, now(), now()) ON CONFLICT DO NOTHING")
                .setParameter(1, id).setParameter(2, owner).setParameter(3, parent).setParameter(4, kind)
                .setParameter(5, name).executeUpdate();
        if (inserted == 0) {
            throw new Conflict("document-name-taken", name);
        }
    }

    private static void insertVersion(EntityManager em, UUID node, int number, StoredObject stored, UUID by) {
        em.createNativeQuery("INSERT INTO version (node_id, number, object_key, content_type, size, uploaded_by,"
                        + " uploaded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, now())")
                .setParameter(1, node).setParameter(2, number).setParameter(3, stored.key().path())
                .setParameter(4, stored.contentType()).setParameter(5, stored.size()).setParameter(6, by)
                .executeUpdate();
    }

    // --- rows ---

    /** The node, its folder, that folder's folder... up to the top (empty for an unknown id). */
    static List<Row> chain(EntityManager em, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("WITH RECURSIVE chain AS (SELECT id, owner_id, parent_id, kind,"
                        + " name, trashed_at IS NOT NULL AS trashed, 0 AS depth FROM node WHERE id = ?1"
                        + " UNION ALL SELECT n.id, n.owner_id, n.parent_id, n.kind, n.name, n.trashed_at IS NOT NULL,"
                        + " c.depth + 1 FROM node n JOIN chain c ON n.id = c.parent_id WHERE c.depth < 64)"
                        + " SELECT id, owner_id, parent_id, kind, name, trashed FROM chain ORDER BY depth")
                .setParameter(1, id).getResultList();
        return rows.stream().map(Documents::row).toList();
    }

    private static List<Views.Node> children(EntityManager em, Me me, UUID parent, UUID owner, Right right) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(NODES_WITH_VERSION + " WHERE n.owner_id = ?1"
                        + " AND n.parent_id IS NOT DISTINCT FROM CAST(?2 AS uuid) AND n.trashed_at IS NULL"
                        + " ORDER BY n.kind DESC, lower(n.name)")
                .setParameter(1, owner).setParameter(2, parent).getResultList();
        return rows.stream().map(r -> view(r, right)).toList();
    }

    /**
     * A listing's nodes with their current version joined (its columns null for a folder): one statement per listing
     * whatever its number of files, where reading each file's version apart sent one more statement per file (41 for
     * issue 15's benchmark listing of 5 folders and 40 files, each planned again on a connection that last served
     * another collectivity: ADR 0028). The version's primary key (node_id, number) finds the newest by index.
     */
    private static final String NODES_WITH_VERSION = "SELECT n.id, n.owner_id, n.parent_id, n.kind, n.name,"
            + " n.trashed_at IS NOT NULL, v.size, v.content_type, v.number, v.uploaded_at FROM node n"
            + " LEFT JOIN LATERAL (SELECT size, content_type, number, uploaded_at FROM version WHERE node_id = n.id"
            + " ORDER BY number DESC LIMIT 1) v ON n.kind = 'file'";

    /** A node of {@link #NODES_WITH_VERSION} with the reader's right. */
    private static Views.Node view(Object[] r, Right right) {
        Row row = row(r);
        return new Views.Node(row.id(), row.kind(), row.name(), row.parent(), row.owner(),
                r[6] == null ? 0 : ((Number) r[6]).longValue(), (String) r[7],
                r[8] == null ? 0 : ((Number) r[8]).intValue(), time(r[9]), right.code(), row.trashed());
    }

    private static Views.Node view(EntityManager em, Row r, Right right) {
        long size = 0;
        String type = null;
        int version = 0;
        OffsetDateTime updated = null;
        if ("file".equals(r.kind())) {
            @SuppressWarnings("unchecked")
            List<Object[]> v = em.createNativeQuery("SELECT size, content_type, number, uploaded_at FROM version"
                    + " WHERE node_id = ?1 ORDER BY number DESC LIMIT 1").setParameter(1, r.id()).getResultList();
            if (!v.isEmpty()) {
                size = ((Number) v.get(0)[0]).longValue();
                type = (String) v.get(0)[1];
                version = ((Number) v.get(0)[2]).intValue();
                updated = time(v.get(0)[3]);
            }
        }
        return new Views.Node(r.id(), r.kind(), r.name(), r.parent(), r.owner(), size, type, version, updated,
                right.code(), r.trashed());
    }

    private static Row row(Object[] r) {
        return new Row(uuid(r[0]), uuid(r[1]), r[2] == null ? null : uuid(r[2]), (String) r[3], (String) r[4],
                Boolean.TRUE.equals(r[5]));
    }

    static UUID uuid(Object value) {
        return value instanceof UUID u ? u : UUID.fromString(value.toString());
    }

    static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(value.toString());
    }
}
