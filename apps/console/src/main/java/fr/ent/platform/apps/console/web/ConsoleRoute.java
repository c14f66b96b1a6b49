package fr.ent.platform.apps.console.web;

import java.util.Optional;

/**
 * Every URL of the console, in one table: the pages servlet dispatches through it (a URL not listed is 404), and
 * the tests walk it (ConsoleIT asks every route as a teacher, a pupil and a parent, and from another collectivity),
 * so a new route is covered as soon as it exists. Uses nothing but the JDK, so that tests can read it. A segment
 * {@code {id}} stands for one path segment (an id).
 */
public enum ConsoleRoute {
    HOME("GET", "/console"),
    SCHOOLS_NEW("GET", "/console/schools/new"),
    SCHOOLS_CREATE("POST", "/console/schools"),
    SCHOOL("GET", "/console/schools/{id}"),
    SCHOOL_UPDATE("POST", "/console/schools/{id}"),
    CLASS_CREATE("POST", "/console/schools/{id}/classes"),
    CLASS_RENAME("POST", "/console/classes/{id}"),
    USERS("GET", "/console/users"),
    USER("GET", "/console/users/{id}"),
    USER_FUNCTIONS("POST", "/console/users/{id}/functions"),
    USER_ENABLED("POST", "/console/users/{id}/enabled"),
    USER_CHILDREN("POST", "/console/users/{id}/children"),
    COMPLIANCE("GET", "/console/compliance"),
    // BE1D imports and activation letters (ADR 0023); {id}: a school, except IMPORT and IMPORT_CONFIRM (an import)
    IMPORTS("GET", "/console/imports"),
    IMPORT_SCHOOL("GET", "/console/imports/schools/{id}"),
    IMPORT_DRY_RUN("POST", "/console/imports/schools/{id}"),
    IMPORT("GET", "/console/imports/{id}"),
    IMPORT_CONFIRM("POST", "/console/imports/{id}/confirm"),
    ACTIVATION("GET", "/console/activation/schools/{id}"),
    LETTERS("POST", "/console/activation/schools/{id}/letters"),
    // groups, account reset, merge of duplicates, identity providers and administrators (ADR 0025)
    SCHOOL_GROUPS("GET", "/console/schools/{id}/groups"),
    GROUP_CREATE("POST", "/console/schools/{id}/groups"),
    GROUP("GET", "/console/groups/{id}"),
    GROUP_MEMBERS("POST", "/console/groups/{id}/members"),
    USER_RESET("POST", "/console/users/{id}/reset"),
    USER_MERGE_PREVIEW("GET", "/console/users/{id}/merge"),
    USER_MERGE("POST", "/console/users/{id}/merge"),
    IDENTITY("GET", "/console/identity"),
    IDENTITY_PROVIDER("GET", "/console/identity/{id}"),
    IDENTITY_PROVIDER_SAVE("POST", "/console/identity/{id}"),
    ADMINISTRATORS("GET", "/console/administrators"),
    // Apps and look, service, audit trail (ConsoleLookPages; docs/console.md)
    APPS("GET", "/console/apps"),
    APPS_SET("POST", "/console/apps"),
    LOOK("GET", "/console/look"),
    LOOK_NAME("POST", "/console/look/name"),
    LOOK_COLOURS("POST", "/console/look/colours"),
    LOOK_LOGO("POST", "/console/look/logo"),
    SERVICE("GET", "/console/service"),
    SERVICE_REPORT("GET", "/console/service/report"),
    COMPLIANCE_PDF("GET", "/console/compliance/pdf"),
    AUDIT("GET", "/console/audit"),
    // a school's communication rules (StructurePages, ADR 0029); {id}: a school. Its quiet hours are the
    // notifications app's page (/notifications/schools/{id}), linked from the school's page, audited here too
    COMMUNICATION("GET", "/console/schools/{id}/communication"),
    COMMUNICATION_SWITCH("POST", "/console/schools/{id}/communication"),
    COMMUNICATION_LINK("POST", "/console/schools/{id}/communication/links"),
    COMMUNICATION_DEFAULTS("POST", "/console/schools/{id}/communication/defaults"),
    // a person's erasure (ErasurePages, ADR 0032); {id}: a person, except ERASURE (an erasure)
    USER_ERASE_CONFIRM("GET", "/console/users/{id}/erase"),
    USER_ERASE("POST", "/console/users/{id}/erase"),
    ERASURE("GET", "/console/erasures/{id}");

    private final String method;
    private final String pattern;

    ConsoleRoute(String method, String pattern) {
        this.method = method;
        this.pattern = pattern;
    }

    public String method() {
        return method;
    }

    public String pattern() {
        return pattern;
    }

    /** Whether it changes something (a form POST, with the session's anti-forgery token). */
    public boolean changes() {
        return !method.equals("GET");
    }

    /** The path with {@code id} in place of {@code {id}}. */
    public String path(String id) {
        return pattern.replace("{id}", id);
    }

    /** A route and the id its path named (null when it names none). */
    public record Match(ConsoleRoute route, String id) {
    }

    /** The route a method and path name, if one does (a trailing slash is ignored; literal segments win). */
    public static Optional<Match> of(String method, String path) {
        String normalized = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String[] segments = normalized.split("/", -1);
        Match byPattern = null;
        for (ConsoleRoute route : values()) {
            if (!route.method.equals(method)) {
                continue;
            }
            String[] parts = route.pattern.split("/", -1);
            if (parts.length != segments.length) {
                continue;
            }
            String id = null;
            boolean matches = true;
            for (int i = 0; i < parts.length && matches; i++) {
                if (parts[i].equals("{id}")) {
                    id = segments[i];
                    matches = !id.isEmpty();
                } else {
                    matches = parts[i].equals(segments[i]);
                }
            }
            if (matches && id == null) {
                return Optional.of(new Match(route, null)); // a literal route ("new") before an id route
            }
            if (matches && byPattern == null) {
                byPattern = new Match(route, id);
            }
        }
        return Optional.ofNullable(byPattern);
    }
}
