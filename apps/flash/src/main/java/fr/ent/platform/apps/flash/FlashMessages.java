package fr.ent.platform.apps.flash;

import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.apps.directory.service.StructureService;
import fr.ent.platform.apps.directory.view.StructureView;
import fr.ent.platform.identity.RealmRoles;
import fr.ent.platform.identity.VerifiedToken;
import fr.ent.platform.runtime.persistence.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The flash messages of the current collectivity. Administrators reach only the messages they manage (see
 * {@link Editor}); readers only those that target them, between their dates, not dismissed. Anything else answers
 * as if it did not exist (404), including a message of another collectivity: its schema is not this one.
 */
@ApplicationScoped
public class FlashMessages {

    @PersistenceUnit(unitName = FlashApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Inject
    StructureService schools;

    private final Clock clock = Clock.systemUTC();

    /** The messages this editor manages, the latest to start first. */
    public List<FlashView> list(Editor editor) {
        return data.read(unit, em -> em.createQuery("SELECT m FROM FlashMessage m ORDER BY m.startsAt DESC, m.id",
                        FlashMessage.class).getResultList().stream()
                .filter(m -> editor.manages(m.target())).map(FlashView::of).toList());
    }

    public FlashView get(Editor editor, UUID id) {
        return data.read(unit, em -> FlashView.of(managed(em, editor, id)));
    }

    /** What is wrong with this input for this editor (nothing: it may be written). */
    public List<Violation> violations(Editor editor, FlashInput input) {
        return FlashDraft.check(input, editor, schoolUais()).violations();
    }

    public FlashView create(Editor editor, FlashInput input) {
        FlashDraft draft = checked(editor, input);
        OffsetDateTime now = OffsetDateTime.now(clock);
        return data.write(unit, em -> {
            FlashMessage m = new FlashMessage(draft, editor.username(), now);
            em.persist(m);
            return FlashView.of(m);
        });
    }

    /** Rewrites a message the editor manages; the new target must be one it may reach too. */
    public FlashView update(Editor editor, UUID id, FlashInput input) {
        FlashDraft draft = checked(editor, input);
        OffsetDateTime now = OffsetDateTime.now(clock);
        return data.write(unit, em -> {
            FlashMessage m = managed(em, editor, id);
            m.apply(draft, now);
            return FlashView.of(m);
        });
    }

    /** Deletes a message the editor manages, and its readers' dismissals (ON DELETE CASCADE). */
    public void delete(Editor editor, UUID id) {
        data.write(unit, em -> {
            em.remove(managed(em, editor, id));
            return null;
        });
    }

    /** The messages shown to this reader now: targeted at them, started, not ended, not dismissed. */
    public List<ShownFlash> current(Recipient reader) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        // one statement (the reader's dismissals as NOT EXISTS): each one a home page sends is planned again on a
        // connection that last served another collectivity (ADR 0028)
        return data.read(unit, em -> em.createQuery("SELECT m FROM FlashMessage m WHERE m.startsAt <= :now"
                        + " AND m.endsAt > :now AND NOT EXISTS (SELECT d FROM FlashDismissal d"
                        + " WHERE d.messageId = m.id AND d.userSubject = :s)", FlashMessage.class)
                .setParameter("now", now).setParameter("s", reader.subject()).getResultList().stream()
                .filter(m -> m.target().reaches(reader))
                .sorted(Comparator.comparing((FlashMessage m) -> m.level().ordinal()).reversed()
                        .thenComparing(FlashMessage::startsAt, Comparator.reverseOrder()))
                .map(ShownFlash::of).toList());
    }

    /**
     * Hides a message from this reader's home page only. A message that is not shown to them (another reader's
     * target, ended, unknown) is not found; dismissing twice changes nothing.
     */
    public void dismiss(Recipient reader, UUID id) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        data.write(unit, em -> {
            FlashMessage m = em.find(FlashMessage.class, id);
            if (m == null || !m.target().reaches(reader) || now.isBefore(m.startsAt()) || !now.isBefore(m.endsAt())) {
                throw new NotFound("no-such-resource");
            }
            long already = em.createQuery("SELECT COUNT(d) FROM FlashDismissal d WHERE d.messageId = :m"
                    + " AND d.userSubject = :s", Long.class).setParameter("m", id)
                    .setParameter("s", reader.subject()).getSingleResult();
            if (already == 0) {
                em.persist(new FlashDismissal(id, reader.subject(), now));
            }
            return null;
        });
    }

    /**
     * The reader this signed-in user is: profiles from their token, schools from the directory (their own and,
     * for a parent, their children's). An account without a directory entry reaches collectivity-wide messages
     * of its profiles only.
     */
    public Recipient recipient(VerifiedToken token) {
        Set<String> profiles = token.roles().stream().filter(RealmRoles.PROFILES::contains)
                .collect(Collectors.toSet());
        Set<String> uais = token.entUserId().flatMap(FlashMessages::uuid).map(schools::uaisOf).orElse(Set.of());
        return new Recipient(token.subject(), profiles, uais);
    }

    /** The collectivity's schools, UAI → name (for the form's choices and the list). */
    public Map<String, String> schoolNames() {
        return schools.list().stream().collect(Collectors.toMap(StructureView::uai, StructureView::name,
                (a, b) -> a, java.util.TreeMap::new));
    }

    /** The text of a violation in a language (the app's bundle, key {@code error.<key>}). */
    public static String explain(Violation v, Locale locale) {
        return new Texts(locale).get("error." + v.key(), v.argument() == null ? "" : v.argument());
    }

    private Set<String> schoolUais() {
        return schools.list().stream().map(StructureView::uai).collect(Collectors.toSet());
    }

    private FlashDraft checked(Editor editor, FlashInput input) {
        FlashDraft.Checked checked = FlashDraft.check(input, editor, schoolUais());
        if (checked.draft().isPresent()) {
            return checked.draft().get();
        }
        List<Violation> violations = checked.violations();
        if (violations.stream().anyMatch(Violation::forbidden)) {
            throw new NotAllowed("forbidden");
        }
        Violation first = violations.get(0);
        throw new InvalidInput("invalid-input", first.field() + " : " + explain(first, Locale.FRENCH))
                .with("errors", violations.stream().map(v -> Map.of("field", v.field(),
                        "detail", explain(v, Locale.FRENCH))).toList());
    }

    private static FlashMessage managed(EntityManager em, Editor editor, UUID id) {
        FlashMessage m = em.find(FlashMessage.class, id);
        if (m == null || !editor.manages(m.target())) {
            throw new NotFound("no-such-resource");
        }
        return m;
    }

    /** A message id from a path: anything that is not one is simply not found. */
    static java.util.Optional<UUID> uuid(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(Objects.requireNonNull(id)));
        } catch (IllegalArgumentException | NullPointerException notAnId) {
            return java.util.Optional.empty();
        }
    }

    static UUID idOrNotFound(String id) {
        return uuid(id).orElseThrow(() -> new NotFound("no-such-resource"));
    }
}
