package fr.ent.platform.runtime.collab;

import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.TooLarge;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The HTTP side of a live editing session, the same for every app (the shared editor's script, {@code
 * /static/live-editor.js}, speaks it): {@code GET <channel>?editor=&seen=} waits up to {@link #WAIT_MILLIS} for a
 * change beyond {@code seen} (long polling: a plain request through the platform's filters, its collectivity and its
 * portal session), {@code POST <channel>} with {@code editor}, {@code batch}, {@code base} (heads, comma-separated)
 * and {@code splices} (JSON {@code [[index, deleted, "inserted"], …]}) applies a batch, {@code leave=1} says the
 * editor left. Answers are JSON; refusals are the platform's problems, thrown to the app's servlet.
 *
 * <p>The app authenticates the request, checks the anti-forgery token of a POST and who may edit the resource
 * before it calls this, on every request: a right withdrawn ends one's part in the session at the next call.
 */
public final class LiveChannel {

    /** How long a poll waits for a change before answering anyway. */
    public static final long WAIT_MILLIS = 20_000;
    /** The largest batch accepted, in bytes of form (a whole page typed offline, with room for escapes). */
    static final long MAX_BODY = 1_000_000;

    private LiveChannel() {
    }

    /** Answers a poll: the session's state once it moved beyond what the editor has seen, or after the wait. */
    public static void poll(HttpServletRequest request, HttpServletResponse response, LiveText live, String person)
            throws IOException {
        long seen = number(request.getParameter("seen"), -1);
        LiveText.State state;
        try {
            state = live.await(editor(request, person), seen, seen < 0 ? 0 : WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            state = live.state();
        }
        write(response, state(state).build().toString());
    }

    /** Applies a posted batch (or a leave) and answers with the editor's branch and the merged state. */
    public static void post(HttpServletRequest request, HttpServletResponse response, LiveText live, String person)
            throws IOException {
        if (request.getContentLengthLong() > MAX_BODY) {
            throw new TooLarge("live-batch-too-large", MAX_BODY / 1000);
        }
        String editor = editor(request, person);
        if ("1".equals(request.getParameter("leave"))) {
            live.leave(editor);
            response.setStatus(204);
            return;
        }
        String base = request.getParameter("base");
        List<String> heads = base == null || base.isBlank() ? List.of() : Arrays.asList(base.split(",", 65));
        LiveText.Applied applied = live.apply(editor, number(request.getParameter("batch"), 0), heads,
                splices(request.getParameter("splices")));
        JsonArrayBuilder change = Json.createArrayBuilder();
        applied.change().forEach(change::add);
        write(response, state(applied.state()).add("batch", applied.batch()).add("change", change).build()
                .toString());
    }

    /** The splices of a batch, from their JSON form; anything else is a malformed request. */
    static List<Splice> splices(String json) {
        if (json == null) {
            throw new InvalidInput("malformed-request");
        }
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonArray all = reader.readArray();
            if (all.size() > LiveText.MAX_SPLICES) {
                throw InvalidInput.field("splices", "live.splices", LiveText.MAX_SPLICES, LiveText.MAX_LENGTH);
            }
            List<Splice> out = new ArrayList<>(all.size());
            for (JsonValue v : all) {
                JsonArray s = v.asJsonArray();
                if (s.size() != 3 || !(s.get(0) instanceof JsonNumber at) || !(s.get(1) instanceof JsonNumber del)
                        || !(s.get(2) instanceof JsonString ins) || !at.isIntegral() || !del.isIntegral()) {
                    throw new InvalidInput("malformed-request");
                }
                out.add(new Splice(clamp(at), clamp(del), ins.getString()));
            }
            return out;
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            throw new InvalidInput("malformed-request");
        }
    }

    /** A number outside an int stays out of bounds (-1) rather than wrapping into one. */
    private static int clamp(JsonNumber n) {
        long v = n.bigIntegerValue().bitLength() > 62 ? -1 : n.longValue();
        return v < 0 || v > Integer.MAX_VALUE ? -1 : (int) v;
    }

    private static JsonObjectBuilder state(LiveText.State s) {
        JsonArrayBuilder heads = Json.createArrayBuilder();
        s.heads().forEach(heads::add);
        JsonArrayBuilder initial = Json.createArrayBuilder();
        s.initialHeads().forEach(initial::add);
        return Json.createObjectBuilder().add("sequence", s.sequence()).add("heads", heads).add("text", s.text())
                .add("editors", s.editors()).add("version", s.version()).add("fromVersion", s.fromVersion())
                .add("initialHeads", initial);
    }

    /**
     * The editor: the signed-in person (given by the app) and the id its page's script drew at random, which tells
     * apart two tabs of one person; a person cannot speak for another's tab.
     */
    private static String editor(HttpServletRequest request, String person) {
        String id = request.getParameter("editor");
        if (id == null || !id.matches("[A-Za-z0-9_-]{8,64}")) {
            throw new InvalidInput("malformed-request");
        }
        return person + "/" + id;
    }

    private static long number(String text, long otherwise) {
        try {
            return text == null ? otherwise : Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidInput("malformed-request");
        }
    }

    private static void write(HttpServletResponse response, String json) throws IOException {
        response.setStatus(200);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(json);
    }
}
