package fr.ent.platform.apps.moderation;

import fr.ent.platform.identity.VerifiedToken;
import fr.ent.platform.problem.Conflict;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.moderation.ContentFacts;
import fr.ent.platform.runtime.moderation.ContentRef;
import fr.ent.platform.runtime.moderation.ContentSource;
import fr.ent.platform.runtime.moderation.ContentState;
import fr.ent.platform.runtime.moderation.Moderation;
import fr.ent.platform.runtime.moderation.ReportReason;
import fr.ent.platform.runtime.persistence.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Reports and decisions of the current collectivity (see {@link Moderation}). A reported content is one case,
 * whatever the number of its reports; its original (title and text) is kept here as evidence, read by moderators
 * only. A moderator reaches only the cases of its schools ({@link Moderator}): any other case, another
 * collectivity's (another schema), or a guessed id is not found. Every report and decision also goes to the audit
 * trail, which the database keeps append-only.
 */
@ApplicationScoped
public class Cases implements Moderation {

    public static final int MAX_COMMENT = 1000;
    public static final int MAX_REASON = 1000;
    private static final int MAX_QUEUE = 200;

    private static final String CASE = "SELECT c.id, c.app, c.kind, c.content_id, c.author_name, c.schools, c.title,"
            + " c.state, c.open, c.reported_at, (SELECT count(*) FROM moderation_report r WHERE r.content_id = c.id),"
            + " c.author_id, c.text, c.link FROM moderated_content c ";

    @PersistenceUnit(unitName = ModerationApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Inject
    @Any
    Instance<ContentSource> sources;

    @Inject
    AuthorNotice authorNotice;

    @Override
    public UUID report(VerifiedToken reporter, ContentRef ref, String reason, String text) {
        ReportReason why = ReportReason.parse(reason).orElseThrow(() -> new InvalidInput("invalid-input",
                "reason : harassment, hate, inappropriate, personal-data, spam ou other")
                .with("errors", List.of(java.util.Map.of("field", "reason", "detail", "un motif de la liste"))));
        String comment = text == null ? "" : text.strip();
        if (comment.length() > MAX_COMMENT) {
            throw new InvalidInput("invalid-input", "comment : " + MAX_COMMENT + " caractères au plus")
                    .with("errors", List.of(java.util.Map.of("field", "comment", "detail",
                            MAX_COMMENT + " caractères au plus")));
        }
        ContentFacts facts = source(ref).readableBy(reporter, ref)
                .orElseThrow(() -> new NotFound("no-such-resource"));
        UUID reportId = UUID.randomUUID();
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            UUID caseId = upsertCase(em, facts);
            em.createNativeQuery("INSERT INTO moderation_report (id, content_id, reporter, reporter_name, reason,"
                            + " comment, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, now())")
                    .setParameter(1, reportId).setParameter(2, caseId).setParameter(3, reporter.username())
                    .setParameter(4, reporter.displayName()).setParameter(5, why.code()).setParameter(6, comment)
                    .executeUpdate();
            audit(em, reporter.username(), "REPORT", ref, caseId,
                    comment.isEmpty() ? why.code() : why.code() + " : " + comment);
            return null;
        });
        return reportId;
    }

    /** The content as this reader may read it, to report it (the report page shows what is reported). */
    public ContentFacts readable(VerifiedToken reader, ContentRef ref) {
        return source(ref).readableBy(reader, ref).orElseThrow(() -> new NotFound("no-such-resource"));
    }

    /** The cases this moderator moderates: still to decide first, then the latest reported. */
    public List<Views.Case> queue(Moderator moderator, boolean openOnly) {
        return data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(CASE + (openOnly ? "WHERE c.open " : "")
                    + "ORDER BY c.open DESC, c.reported_at DESC, c.id").getResultList();
            return rows.stream().map(Cases::summary).filter(c -> moderator.moderates(c.schools()))
                    .limit(MAX_QUEUE).toList();
        });
    }

    /** A case in full (the original content, reports, decisions, audit), for one of its moderators. */
    public Views.Detail detail(Moderator moderator, UUID id) {
        return data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            return detail(em, moderated(em, moderator, id));
        });
    }

    /**
     * Applies a moderator's decision: the content's app puts it in its new state first (its readers see the
     * placeholder from then on), then the case, the decision and the audit row are written together, and the
     * author is told. A reason is required; an action that does not apply to the content's state is a Conflict.
     */
    public Views.Detail decide(Moderator moderator, UUID id, Action action, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw new InvalidInput("invalid-input", "reason : de 1 à " + MAX_REASON + " caractères")
                    .with("errors", List.of(java.util.Map.of("field", "reason", "detail",
                            "de 1 à " + MAX_REASON + " caractères")));
        }
        Object[] row = data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            return moderated(em, moderator, id);
        });
        Views.Case found = summary(row);
        ContentState state = ContentState.valueOf(found.state());
        if (!action.appliesTo(state)) {
            throw new Conflict("moderation-state", state.name().toLowerCase(java.util.Locale.ROOT), action.code());
        }
        ContentRef ref = new ContentRef(found.app(), found.kind(), found.contentId());
        if (action != Action.DISMISS) {
            source(ref).apply(ref, action.leadsTo());
        }
        Views.Detail detail = data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            em.createNativeQuery("UPDATE moderated_content SET state = ?2, open = false WHERE id = ?1")
                    .setParameter(1, id).setParameter(2, action.leadsTo().name()).executeUpdate();
            em.createNativeQuery("INSERT INTO moderation_decision (id, content_id, action, moderator, reason,"
                            + " decided_at) VALUES (?1, ?2, ?3, ?4, ?5, now())")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, id).setParameter(3, action.name())
                    .setParameter(4, moderator.username()).setParameter(5, why).executeUpdate();
            audit(em, moderator.username(), action.name(), ref, id, why);
            return detail(em, moderated(em, moderator, id));
        });
        if (action != Action.DISMISS) {
            authorNotice.tell(detail, action, why);
        }
        return detail;
    }

    /** A case id from a path: anything that is not one is simply not found. */
    public static UUID idOrNotFound(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException notAnId) {
            throw new NotFound("no-such-resource");
        }
    }

    private ContentSource source(ContentRef ref) {
        for (ContentSource s : sources) {
            if (s.app().equals(ref.app())) {
                return s;
            }
        }
        throw new NotFound("no-such-resource");
    }

    private static UUID upsertCase(EntityManager em, ContentFacts facts) {
        ContentRef ref = facts.ref();
        String schools = String.join(",", new TreeSet<>(facts.schools()));
        @SuppressWarnings("unchecked")
        List<Object> existing = em.createNativeQuery("SELECT id FROM moderated_content WHERE app = ?1 AND kind = ?2"
                + " AND content_id = ?3 FOR UPDATE").setParameter(1, ref.app()).setParameter(2, ref.kind())
                .setParameter(3, ref.id()).getResultList();
        if (existing.isEmpty()) {
            UUID id = UUID.randomUUID();
            em.createNativeQuery("INSERT INTO moderated_content (id, app, kind, content_id, schools, author_id,"
                            + " author_name, title, text, link, state, open, reported_at)"
                            + " VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS uuid), ?7, ?8, ?9, ?10, ?11, true, now())"
                            + " ON CONFLICT (app, kind, content_id) DO NOTHING")
                    .setParameter(1, id).setParameter(2, ref.app()).setParameter(3, ref.kind())
                    .setParameter(4, ref.id()).setParameter(5, schools)
                    .setParameter(6, facts.author().orElse(null)).setParameter(7, facts.authorName())
                    .setParameter(8, facts.title()).setParameter(9, facts.text()).setParameter(10, facts.link())
                    .setParameter(11, facts.state().name()).executeUpdate();
            return id;
        }
        UUID id = Rows.uuid(existing.get(0));
        // a content that is still shown may have changed since: the evidence is what readers see now
        em.createNativeQuery("UPDATE moderated_content SET open = true, reported_at = now(), schools = ?2,"
                        + " title = CASE WHEN state = 'VISIBLE' THEN ?3 ELSE title END,"
                        + " text = CASE WHEN state = 'VISIBLE' THEN ?4 ELSE text END WHERE id = ?1")
                .setParameter(1, id).setParameter(2, schools).setParameter(3, facts.title())
                .setParameter(4, facts.text()).executeUpdate();
        return id;
    }

    /** One row of the audit trail, at the transaction's time (the same as the row it records). */
    private static void audit(EntityManager em, String actor, String action, ContentRef ref, UUID caseId,
            String reason) {
        em.createNativeQuery("INSERT INTO moderation_audit (at, actor, action, app, kind, content_ref, content_id,"
                        + " reason) VALUES (now(), ?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, actor).setParameter(2, action).setParameter(3, ref.app())
                .setParameter(4, ref.kind()).setParameter(5, ref.toString()).setParameter(6, caseId)
                .setParameter(7, reason).executeUpdate();
    }

    private static Object[] moderated(EntityManager em, Moderator moderator, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(CASE + "WHERE c.id = ?1").setParameter(1, id).getResultList();
        if (rows.isEmpty() || !moderator.moderates(Rows.schools(rows.get(0)[5]))) {
            throw new NotFound("no-such-resource");
        }
        return rows.get(0);
    }

    private static Views.Detail detail(EntityManager em, Object[] row) {
        Views.Case summary = summary(row);
        @SuppressWarnings("unchecked")
        List<Object[]> reports = em.createNativeQuery("SELECT id, reporter_name, reason, comment, created_at"
                + " FROM moderation_report WHERE content_id = ?1 ORDER BY created_at, id")
                .setParameter(1, summary.id()).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> decisions = em.createNativeQuery("SELECT action, moderator, reason, decided_at"
                + " FROM moderation_decision WHERE content_id = ?1 ORDER BY decided_at, id")
                .setParameter(1, summary.id()).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> audit = em.createNativeQuery("SELECT seq, at, actor, action, content_ref, reason"
                + " FROM moderation_audit WHERE content_id = ?1 ORDER BY seq").setParameter(1, summary.id())
                .getResultList();
        return new Views.Detail(summary, Optional.ofNullable(Rows.uuid(row[11])), (String) row[12],
                (String) row[13],
                reports.stream().map(r -> new Views.Report(Rows.uuid(r[0]), (String) r[1], (String) r[2],
                        (String) r[3], Rows.time(r[4]))).toList(),
                decisions.stream().map(d -> new Views.Decision((String) d[0], (String) d[1], (String) d[2],
                        Rows.time(d[3]))).toList(),
                audit.stream().map(a -> new Views.Audit(Rows.number(a[0]), Rows.time(a[1]), (String) a[2],
                        (String) a[3], (String) a[4], (String) a[5])).toList());
    }

    private static Views.Case summary(Object[] r) {
        return new Views.Case(Rows.uuid(r[0]), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                Rows.schools(r[5]), (String) r[6], (String) r[7], Boolean.TRUE.equals(r[8]), Rows.time(r[9]),
                Rows.number(r[10]));
    }
}
