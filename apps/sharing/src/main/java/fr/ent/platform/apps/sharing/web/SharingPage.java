package fr.ent.platform.apps.sharing.web;

import fr.ent.platform.apps.sharing.GranteeNames;
import fr.ent.platform.apps.sharing.SharingInput;
import fr.ent.platform.problem.DomainException;
import fr.ent.platform.problem.Problem;
import fr.ent.platform.problem.ProblemStatuses;
import fr.ent.platform.runtime.communication.CommunicationRules;
import fr.ent.platform.runtime.communication.Recipient;
import fr.ent.platform.runtime.communication.Visible;
import fr.ent.platform.runtime.portal.Launcher;
import fr.ent.platform.runtime.security.login.PortalSession;
import fr.ent.platform.runtime.security.login.PortalSessions;
import fr.ent.platform.runtime.sharing.Grantee;
import fr.ent.platform.runtime.sharing.ResourceRef;
import fr.ent.platform.runtime.sharing.Right;
import fr.ent.platform.runtime.sharing.Share;
import fr.ent.platform.runtime.sharing.ShareRights;
import fr.ent.platform.runtime.sharing.SharedResource;
import fr.ent.platform.runtime.tenant.Tenant;
import fr.ent.platform.runtime.tenant.TenantContext;
import fr.ent.platform.runtime.web.Pages;
import fr.ent.platform.runtime.web.ProblemAnswer;
import gg.jte.TemplateEngine;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The one sharing dialog every app links to: {@code /sharing/<app>/<type>/<id>?return=<the app's page>}. Plain
 * forms, no script: the current shares (a right to change, a button to remove), a search among the people and
 * groups the user may communicate with ({@code CommunicationRules.visible}) to add one with a right, and the way
 * back. Every POST carries the session's anti-forgery token and answers with a redirect, or the page and the
 * refusal's text (a grantee outside the rules: 403 communication-refused). Only the owner or a MANAGER sees it;
 * anyone who may not read the resource gets 404, as for an unknown one.
 */
@WebServlet(urlPatterns = {"/sharing/*"}, name = "sharing-dialog")
public class SharingPage extends HttpServlet {

    static final TemplateEngine TEMPLATES = Pages.engine(SharingPage.class, "fr.ent.platform.apps.sharing.jte");

    /** How many search results the dialog lists. */
    static final int RESULTS = 20;

    @Inject
    TenantContext context;

    @Inject
    PortalSessions sessions;

    @Inject
    Launcher launcher;

    @Inject
    ShareRights rights;

    @Inject
    GranteeNames names;

    @Inject
    CommunicationRules rules;

    /** The sharer's own communities are offered too (a share to a community reaches its members, ADR 0036). */
    @Inject
    jakarta.enterprise.inject.Instance<fr.ent.platform.runtime.communities.CommunityMembership> communities;

    /** One line of the search results: someone to add. */
    public record Candidate(String kind, String id, String name) {
    }

    /** One current share as the dialog lists it. */
    public record Line(String kind, String id, String name, String right) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // the people search is a GET: its query string is UTF-8 like our pages, not the servlet default ISO-8859-1
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        handle(request, response, false);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        handle(request, response, true);
    }

    private void handle(HttpServletRequest request, HttpServletResponse response, boolean post) throws IOException {
        Tenant tenant = context.current();
        Locale locale = Pages.locale(request);
        Optional<PortalSession> session = sessions.current(request, tenant);
        Optional<DialogRoute> route = DialogRoute.of(request.getPathInfo());
        if (session.isEmpty()) {
            String back = route.map(DialogRoute::path).orElse("/");
            response.sendRedirect("/auth/login?return=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
            return;
        }
        try {
            if (route.isEmpty()) {
                throw new fr.ent.platform.problem.NotFound("no-such-resource");
            }
            ResourceRef ref = SharingInput.ref(route.get().app(), route.get().type(), route.get().id());
            UUID me = session.get().token().entUserId().flatMap(SharingInput::uuid)
                    .orElseThrow(() -> new fr.ent.platform.problem.NotFound("no-such-resource"));
            String back = DialogRoute.returnTo(request.getParameter("return"));
            if (!post) {
                SharedResource current = rights.shares(me, ref);
                page(request, response, tenant, session.get(), route.get(), me, current, back,
                        request.getParameter("done"), null, 200);
                return;
            }
            if (!session.get().acceptsToken(request.getParameter("csrf"))) {
                ProblemAnswer.send(request, response, new fr.ent.platform.problem.NotAllowed("csrf-refused"), locale);
                return;
            }
            SharedResource current = rights.shares(me, ref);
            try {
                rights.replace(me, ref, edited(current.shares(), request));
            } catch (DomainException refused) {
                Problem problem = ProblemStatuses.answer(refused, locale).orElseThrow().problem();
                if (problem.status() == 404) {
                    throw refused;
                }
                page(request, response, tenant, session.get(), route.get(), me, current, back, null,
                        problem.detail(), problem.status());
                return;
            }
            response.sendRedirect(route.get().path() + "?done=saved&return="
                    + URLEncoder.encode(back, StandardCharsets.UTF_8));
        } catch (DomainException e) {
            ProblemAnswer.send(request, response, e, locale);
        }
    }

    /** The shares after this form: add one grantee (or give them another right), change one's right, remove one. */
    static List<Share> edited(List<Share> current, HttpServletRequest request) {
        String action = String.valueOf(request.getParameter("action"));
        Share asked = switch (action) {
            case "add", "change" -> SharingInput.share(request.getParameter("kind"), request.getParameter("id"),
                    request.getParameter("right"));
            case "remove" -> SharingInput.share(request.getParameter("kind"), request.getParameter("id"),
                    Right.READ.code());
            default -> throw new fr.ent.platform.problem.InvalidInput("malformed-request");
        };
        List<Share> next = new ArrayList<>();
        for (Share s : current) {
            if (!s.grantee().id().equals(asked.grantee().id())) {
                next.add(s);
            }
        }
        if (!action.equals("remove")) {
            next.add(asked);
        }
        return next;
    }

    private void page(HttpServletRequest request, HttpServletResponse response, Tenant tenant, PortalSession session,
            DialogRoute route, UUID me, SharedResource current, String back, String done, String error, int status)
            throws IOException {
        Texts t = new Texts(Pages.locale(request));
        List<Line> lines = names.of(current.shares()).stream().map(n -> new Line(kind(n.share().grantee()),
                n.share().grantee().id().toString(), n.name(), n.share().right().code())).toList();
        String query = Optional.ofNullable(request.getParameter("q")).map(String::strip).orElse("");
        List<Candidate> candidates = new ArrayList<>();
        if (!query.isEmpty()) {
            Visible visible = rules.visible(me, query, RESULTS, 0);
            for (Recipient r : visible.items()) {
                if (!r.id().equals(current.owner())) {
                    candidates.add(new Candidate(r.kind() == Recipient.Kind.USER ? "user" : "group",
                            r.id().toString(), r.name()));
                }
            }
            if (communities.isResolvable()) {
                var mine = communities.get().communitiesOf(me).keySet();
                String folded = query.toLowerCase(java.util.Locale.ROOT);
                communities.get().names(mine).forEach((id, name) -> {
                    if (name.toLowerCase(java.util.Locale.ROOT).contains(folded)) {
                        candidates.add(new Candidate("community", id.toString(), name));
                    }
                });
            }
        }
        Map<String, String> rightNames = new java.util.LinkedHashMap<>();
        for (Right r : Right.values()) {
            rightNames.put(r.code(), t.get("right." + r.code()));
        }
        String title = t.get("title", current.title());
        Map<String, Object> params = new HashMap<>();
        params.put("t", t);
        params.put("title", title);
        params.put("action", route.path() + "?return=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
        params.put("searchAction", route.path());
        params.put("back", back);
        params.put("lines", lines);
        params.put("candidates", candidates);
        params.put("query", query);
        params.put("searched", !query.isEmpty());
        params.put("rights", rightNames);
        params.put("csrf", session.csrfToken());
        params.put("notice", "saved".equals(done) ? t.get("saved") : null);
        params.put("error", error);
        response.setStatus(status);
        Pages.writePage(response, launcher.shell(tenant, Optional.of(session), t.locale(), title),
                output -> render(params, output));
    }

    /** The dialog's body (template {@code dialog.jte}). */
    public static void render(Map<String, Object> params, gg.jte.TemplateOutput output) {
        TEMPLATES.render("dialog.jte", params, output);
    }

    private static String kind(Grantee g) {
        return g.kind().name().toLowerCase(java.util.Locale.ROOT);
    }
}
