package fr.ent.platform.apps.console.audit;

import fr.ent.platform.apps.console.scope.ConsoleScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A search of the audit trail as typed in the page's form (action, who, outcome, page), made safe, and the SQL
 * condition it gives for a reader's scope: a SUPER_ADMIN reads every entry of the collectivity, a local administrator
 * only the entries about one of its schools (ADR 0024). Pure: the SQL text holds only fixed parts and numbered
 * parameters, so that the rule is unit-tested without a database.
 */
public record AuditQuery(String action, String actor, Outcome outcome, int page) {

    public static final int PAGE_SIZE = 25;
    private static final Pattern ACTION = Pattern.compile("^[A-Za-z][A-Za-z0-9_.-]{0,63}$");

    public AuditQuery {
        action = action == null || !ACTION.matcher(action.strip()).matches() ? null : action.strip();
        actor = actor == null || actor.isBlank() ? null : actor.strip();
        if (actor != null && actor.length() > 100) {
            actor = actor.substring(0, 100);
        }
        page = Math.max(1, Math.min(page, 10_000));
    }

    /** From the form's fields: anything unreadable is no filter, a page that is no number the first. */
    public static AuditQuery of(String action, String actor, String outcome, String page) {
        Outcome o = null;
        for (Outcome candidate : Outcome.values()) {
            if (candidate.name().equals(outcome)) {
                o = candidate;
            }
        }
        int p = 1;
        try {
            p = page == null ? 1 : Integer.parseInt(page.strip());
        } catch (NumberFormatException e) {
            // not a number: the first page
        }
        return new AuditQuery(action, actor, o, p);
    }

    /** A WHERE condition ("TRUE" when nothing narrows it) and its parameters, numbered from 1. */
    public record Condition(String sql, List<Object> parameters) {
    }

    /** What the reader may see, narrowed by the filters. */
    public Condition condition(ConsoleScope reader) {
        List<String> parts = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (!reader.whole()) {
            // the entries about one of its schools: the two lists of UAIs overlap
            parameters.add(String.join(",", new TreeSet<>(reader.uais())));
            parts.add("string_to_array(schools, ',') && string_to_array(?" + parameters.size() + ", ',')");
        }
        if (action != null) {
            parameters.add(action);
            parts.add("action = ?" + parameters.size());
        }
        if (actor != null) {
            // a part of the login, case-insensitive; LIKE's own characters typed are taken literally
            parameters.add("%" + actor.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
            parts.add("lower(actor) LIKE ?" + parameters.size());
        }
        if (outcome != null) {
            parameters.add(outcome.name());
            parts.add("outcome = ?" + parameters.size());
        }
        return new Condition(parts.isEmpty() ? "TRUE" : String.join(" AND ", parts), List.copyOf(parameters));
    }

    public int offset() {
        return (page - 1) * PAGE_SIZE;
    }

    /** The same search on another page (for the pager's links). */
    public AuditQuery onPage(int other) {
        return new AuditQuery(action, actor, outcome, other);
    }

    /** The search's fields as a query string, for links (without the page). */
    public String parameters() {
        StringBuilder q = new StringBuilder();
        Optional.ofNullable(action).ifPresent(a -> q.append("&action=").append(encode(a)));
        Optional.ofNullable(actor).ifPresent(a -> q.append("&actor=").append(encode(a)));
        Optional.ofNullable(outcome).ifPresent(o -> q.append("&outcome=").append(o.name()));
        return q.toString();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
