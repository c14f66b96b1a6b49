package fr.ent.platform.apps.messagerie.web;

import java.util.Optional;

/**
 * What a path under {@code /messagerie} names: a page ({@code kind}), maybe an id, maybe an action on it.
 * Anything else is not a page of the messagerie.
 */
record Route(Kind kind, String id, String action) {

    enum Kind {
        BOX, FOLDER, FOLDERS, MESSAGE, PRINT, COMPOSE, DRAFT, ATTACHMENT
    }

    static Optional<Route> of(String pathInfo) {
        if (pathInfo == null || pathInfo.equals("/") || pathInfo.isEmpty()) {
            return Optional.of(new Route(Kind.BOX, "inbox", ""));
        }
        String[] p = pathInfo.substring(1).split("/", -1);
        return Optional.ofNullable(switch (p[0]) {
            case "box" -> p.length == 2 ? new Route(Kind.BOX, p[1], "")
                    : p.length == 3 && p[2].equals("empty") ? new Route(Kind.BOX, p[1], "empty") : null;
            case "folders" -> p.length == 1 ? new Route(Kind.FOLDERS, null, "")
                    : p.length == 2 ? new Route(Kind.FOLDER, p[1], "")
                    : p.length == 3 && (p[2].equals("rename") || p[2].equals("delete"))
                            ? new Route(Kind.FOLDER, p[1], p[2]) : null;
            case "messages" -> p.length == 2 ? new Route(Kind.MESSAGE, p[1], "")
                    : p.length == 3 && p[2].equals("print") ? new Route(Kind.PRINT, p[1], "")
                    : p.length == 3 && MessageActions.ALL.contains(p[2]) ? new Route(Kind.MESSAGE, p[1], p[2]) : null;
            case "compose" -> p.length == 1 ? new Route(Kind.COMPOSE, null, "") : null;
            case "drafts" -> p.length == 2 ? new Route(Kind.DRAFT, p[1], "") : null;
            case "attachments" -> p.length == 2 ? new Route(Kind.ATTACHMENT, p[1], "") : null;
            default -> null;
        });
    }
}
