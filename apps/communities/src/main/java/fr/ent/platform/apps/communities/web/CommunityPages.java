package fr.ent.platform.apps.communities.web;

import fr.ent.platform.apps.communities.Communities;
import fr.ent.platform.apps.communities.Inputs;
import fr.ent.platform.apps.communities.Person;
import fr.ent.platform.apps.communities.Views;
import fr.ent.platform.problem.DomainException;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.problem.Problem;
import fr.ent.platform.runtime.choices.PersonalChoices;
import fr.ent.platform.runtime.portal.Launcher;
import fr.ent.platform.runtime.security.login.PortalSession;
import fr.ent.platform.runtime.security.login.PortalSessions;
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
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The communities in the browser, plain forms that work without a script and on a phone: my communities and the
 * others ({@code /communities}), a community ({@code /communities/<id>}: its content for members, a page to ask to
 * join or answer an invitation for others), its members ({@code /communities/<id>/members}: invitations, requests,
 * promotion, removal, leaving) and a discussion ({@code /communities/topics/<id>}). Every POST carries the session's
 * anti-forgery token and answers with a redirect; a refused input comes back with its reason (400); any other
 * refusal is the platform's problem page. Same service, same rules, as the API.
 */
@WebServlet(urlPatterns = {"/communities", "/communities/*"}, name = "communities-pages")
public class CommunityPages extends HttpServlet {

    static final TemplateEngine TEMPLATES = Pages.engine(CommunityPages.class, "fr.ent.platform.apps.communities.jte");
    /** The notices a redirect may ask for ({@code ?done=}): anything else shows nothing. */
    static final Set<String> NOTICES = Set.of("created", "invited", "requested", "joined", "declined", "accepted",
            "refused", "promoted", "removed", "left", "announced", "opened", "replied");

    @Inject
    TenantContext context;

    @Inject
    PortalSessions sessions;

    @Inject
    Launcher launcher;

    @Inject
    Communities communities;

    @Inject
    PersonalChoices choices;

    /** A path under /communities: {@code ""}, {@code /<id>[/members]}, {@code /topics/<id>}, and the POST actions. */
    record Route(String kind, String id, String action, String person) {

        static Optional<Route> of(String pathInfo) {
            String p = pathInfo == null || pathInfo.equals("/") ? "" : pathInfo;
            String[] parts = p.isEmpty() ? new String[0] : p.substring(1).split("/", -1);
            if (parts.length == 0) {
                return Optional.of(new Route("root", "", "", ""));
            }
            if (parts[0].equals("topics")) {
                return parts.length == 2 ? Optional.of(new Route("topic", parts[1], "", ""))
                        : parts.length == 3 ? Optional.of(new Route("topic", parts[1], parts[2], ""))
                        : Optional.empty();
            }
            return switch (parts.length) {
                case 1 -> Optional.of(new Route("community", parts[0], "", ""));
                case 2 -> Optional.of(new Route("community", parts[0], parts[1], ""));
                case 4 -> parts[1].equals("members") ? Optional.of(new Route("member", parts[0], parts[3], parts[2]))
                        : Optional.empty();
                default -> Optional.empty();
            };
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Tenant tenant = context.current();
        Optional<PortalSession> session = sessions.current(request, tenant);
        if (session.isEmpty()) {
            response.sendRedirect("/auth/login?return=" + URLEncoder.encode(request.getRequestURI(),
                    StandardCharsets.UTF_8));
            return;
        }
        Locale locale = Pages.locale(request);
        try {
            Person me = Person.of(session.get().token());
            Route route = Route.of(request.getPathInfo()).orElseThrow(() -> new NotFound("no-such-resource"));
            Map<String, Object> params = base(request, session.get(), locale, me);
            switch (route.kind() + "/" + route.action()) {
                case "root/" -> home(response, tenant, session.get(), locale, params, me, null, null, 200);
                case "community/" -> community(response, tenant, session.get(), locale, params, me,
                        id(route.id()), null, 200);
                case "community/members" -> members(response, tenant, session.get(), locale, params, me,
                        id(route.id()), request.getParameter("q"));
                case "topic/" -> topic(response, tenant, session.get(), locale, params, me, topicId(route.id()),
                        null, 200);
                default -> throw new NotFound("no-such-resource");
            }
        } catch (DomainException e) {
            ProblemAnswer.send(request, response, e, locale);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Tenant tenant = context.current();
        Locale locale = Pages.locale(request);
        Optional<PortalSession> session = sessions.current(request, tenant);
        if (session.isEmpty()) {
            response.sendRedirect("/auth/login?return=/communities");
            return;
        }
        try {
            if (!session.get().acceptsToken(request.getParameter("csrf"))) {
                throw new NotAllowed("csrf-refused");
            }
            Person me = Person.of(session.get().token());
            Route route = Route.of(request.getPathInfo()).orElseThrow(() -> new NotFound("no-such-resource"));
            String back = route.kind().equals("root") ? "/communities" : "/communities/" + route.id();
            switch (route.kind() + "/" + route.action()) {
                case "root/" -> {
                    Inputs.CommunityInput input = new Inputs.CommunityInput(request.getParameter("name"),
                            request.getParameter("description"));
                    try {
                        Views.Summary created = communities.create(me, input);
                        response.sendRedirect("/communities/" + created.id() + "?done=created");
                    } catch (InvalidInput refused) {
                        home(response, tenant, session.get(), locale, base(request, session.get(), locale, me), me,
                                message(refused, locale), input, 400);
                    }
                }
                case "community/request" -> {
                    UUID id = id(route.id());
                    Views.Summary s = communities.request(me, id);
                    response.sendRedirect(back + (s.member() ? "?done=joined" : "?done=requested"));
                }
                case "community/accept" -> {
                    communities.answerInvitation(me, id(route.id()), true);
                    response.sendRedirect(back + "?done=joined");
                }
                case "community/decline" -> {
                    communities.answerInvitation(me, id(route.id()), false);
                    response.sendRedirect("/communities?done=declined");
                }
                case "community/invite" -> {
                    UUID person = Person.uuid(request.getParameter("person"))
                            .orElseThrow(() -> InvalidInput.field("person", "communities.person"));
                    communities.invite(me, id(route.id()), person);
                    response.sendRedirect(back + "/members?done=invited");
                }
                case "community/leave" -> {
                    String successor = request.getParameter("successor");
                    communities.leave(me, id(route.id()), successor == null || successor.isBlank() ? Optional.empty()
                            : Optional.of(Person.uuid(successor)
                                    .orElseThrow(() -> InvalidInput.field("successor", "communities.successor"))));
                    response.sendRedirect("/communities?done=left");
                }
                case "community/announce" -> {
                    UUID id = id(route.id());
                    Inputs.PostInput input = new Inputs.PostInput(request.getParameter("title"),
                            request.getParameter("content"));
                    try {
                        communities.announce(me, id, input);
                        response.sendRedirect(back + "?done=announced");
                    } catch (InvalidInput refused) {
                        Map<String, Object> params = base(request, session.get(), locale, me);
                        params.put("typedAnnouncement", input);
                        community(response, tenant, session.get(), locale, params, me, id, message(refused, locale),
                                400);
                    }
                }
                case "community/topics" -> {
                    UUID id = id(route.id());
                    Inputs.PostInput input = new Inputs.PostInput(request.getParameter("title"),
                            request.getParameter("content"));
                    try {
                        Views.Topic topic = communities.openTopic(me, id, input);
                        response.sendRedirect("/communities/topics/" + topic.id() + "?done=opened");
                    } catch (InvalidInput refused) {
                        Map<String, Object> params = base(request, session.get(), locale, me);
                        params.put("typedTopic", input);
                        community(response, tenant, session.get(), locale, params, me, id, message(refused, locale),
                                400);
                    }
                }
                case "member/promote", "member/remove", "member/accept", "member/refuse" -> {
                    UUID id = id(route.id());
                    UUID person = Person.uuid(route.person())
                            .orElseThrow(() -> new NotFound("community-member-not-found", route.person()));
                    String done = switch (route.action()) {
                        case "promote" -> {
                            communities.promote(me, id, person);
                            yield "promoted";
                        }
                        case "remove" -> {
                            communities.remove(me, id, person);
                            yield "removed";
                        }
                        case "accept" -> {
                            communities.answerRequest(me, id, person, true);
                            yield "accepted";
                        }
                        default -> {
                            communities.answerRequest(me, id, person, false);
                            yield "refused";
                        }
                    };
                    response.sendRedirect(back + "/members?done=" + done);
                }
                case "topic/reply" -> {
                    UUID topic = topicId(route.id());
                    Inputs.ReplyInput input = new Inputs.ReplyInput(request.getParameter("content"));
                    try {
                        communities.reply(me, topic, input);
                        response.sendRedirect("/communities/topics/" + topic + "?done=replied");
                    } catch (InvalidInput refused) {
                        Map<String, Object> params = base(request, session.get(), locale, me);
                        params.put("typed", input.content());
                        topic(response, tenant, session.get(), locale, params, me, topic, message(refused, locale),
                                400);
                    }
                }
                default -> throw new NotFound("no-such-resource");
            }
        } catch (DomainException e) {
            ProblemAnswer.send(request, response, e, locale);
        }
    }

    private void home(HttpServletResponse response, Tenant tenant, PortalSession session, Locale locale,
            Map<String, Object> params, Person me, String error, Inputs.CommunityInput typed, int status)
            throws IOException {
        Texts t = (Texts) params.get("t");
        List<Views.Summary> all = communities.list(me);
        params.put("mine", all.stream().filter(Views.Summary::member).toList());
        params.put("invitations", all.stream().filter(s -> s.state().equals("invited")).toList());
        params.put("others", all.stream().filter(s -> !s.member() && !s.state().equals("invited")).toList());
        params.put("creates", me.staff());
        params.put("error", error);
        params.put("typed", typed == null ? new Inputs.CommunityInput("", "") : typed);
        params.put("title", t.get("app.name"));
        response.setStatus(status);
        render(response, tenant, session, locale, "home.jte", params);
    }

    private void community(HttpServletResponse response, Tenant tenant, PortalSession session, Locale locale,
            Map<String, Object> params, Person me, UUID id, String error, int status) throws IOException {
        Views.Summary summary = communities.summary(me, id);
        params.put("title", summary.name());
        params.put("error", error);
        params.putIfAbsent("typedAnnouncement", new Inputs.PostInput("", ""));
        params.putIfAbsent("typedTopic", new Inputs.PostInput("", ""));
        response.setStatus(status);
        if (!summary.member()) {
            params.put("community", summary);
            render(response, tenant, session, locale, "join.jte", params);
            return;
        }
        params.put("community", communities.community(me, id));
        render(response, tenant, session, locale, "community.jte", params);
    }

    private void members(HttpServletResponse response, Tenant tenant, PortalSession session, Locale locale,
            Map<String, Object> params, Person me, UUID id, String query) throws IOException {
        Views.Community community = communities.community(me, id);
        String q = query == null ? "" : query.strip();
        params.put("community", community);
        params.put("me", me.id());
        params.put("query", q);
        params.put("candidates", community.summary().admin() && !q.isEmpty() ? communities.candidates(me, id, q)
                : List.of());
        params.put("lastAdmin", community.summary().admin()
                && community.members().stream().filter(Views.MemberLine::admin).count() == 1);
        params.put("title", ((Texts) params.get("t")).get("members.title") + " — " + community.summary().name());
        render(response, tenant, session, locale, "members.jte", params);
    }

    private void topic(HttpServletResponse response, Tenant tenant, PortalSession session, Locale locale,
            Map<String, Object> params, Person me, UUID topic, String error, int status) throws IOException {
        Views.Topic shown = communities.topic(me, topic, locale);
        params.put("topic", shown);
        params.put("error", error);
        params.putIfAbsent("typed", "");
        params.put("title", shown.title());
        response.setStatus(status);
        render(response, tenant, session, locale, "topic.jte", params);
    }

    /** What a refusal says to the reader: its field's message, else the problem's detail. */
    static String message(DomainException refused, Locale locale) {
        if (refused instanceof InvalidInput invalid && invalid.field().isPresent()) {
            var f = invalid.field().get();
            return Problem.message(f.messageKey(), locale, f.arguments());
        }
        return Problem.message(refused.code() + ".detail", locale, refused.arguments());
    }

    private Map<String, Object> base(HttpServletRequest request, PortalSession session, Locale locale, Person me) {
        ZoneId zone = Optional.ofNullable(choices.timeZone(me.id())).orElse(ZoneId.of("Europe/Paris"));
        Texts t = new Texts(locale, zone);
        Map<String, Object> params = new HashMap<>();
        params.put("t", t);
        params.put("csrf", session.csrfToken());
        String done = request.getParameter("done");
        params.put("notice", done != null && NOTICES.contains(done) ? t.get("done." + done) : null);
        return params;
    }

    private void render(HttpServletResponse response, Tenant tenant, PortalSession session, Locale locale,
            String template, Map<String, Object> params) throws IOException {
        Pages.writePage(response, launcher.shell(tenant, Optional.of(session), locale, (String) params.get("title")),
                output -> TEMPLATES.render(template, params, output));
    }

    static UUID id(String id) {
        return Person.uuid(id).orElseThrow(() -> new NotFound("community-not-found", String.valueOf(id)));
    }

    static UUID topicId(String id) {
        return Person.uuid(id).orElseThrow(() -> new NotFound("community-topic-not-found", String.valueOf(id)));
    }
}
