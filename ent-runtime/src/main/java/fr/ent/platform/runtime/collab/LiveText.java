package fr.ent.platform.runtime.collab;

import fr.ent.platform.problem.Conflict;
import fr.ent.platform.problem.InvalidInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.automerge.ChangeHash;
import org.automerge.Document;
import org.automerge.ObjectId;
import org.automerge.ObjectType;
import org.automerge.PatchLog;
import org.automerge.Transaction;

/**
 * The live text of one resource being edited by several people at once (ADR 0037): one Automerge document holding
 * one text object, the merge of every editor's changes. An editor's batch of {@link Splice}s names the heads it was
 * typed on; it is applied in a transaction isolated at those heads (the same as applying it on a fork of the
 * document at those heads and merging the fork, which is how Automerge merges concurrent edits of peers): an
 * insertion lands between the same characters it was typed between, whatever the others did meanwhile, and
 * nobody's characters are lost. A batch is checked whole before anything is applied, so a refused batch leaves the
 * document as it was.
 *
 * <p>Not the source of truth: saving writes a version of the resource as a plain save does; this document lives as
 * long as its session ({@link LiveTexts}). Thread-safe: every method holds the instance's monitor, which also
 * wakes the editors waiting for a change ({@link #await}).
 */
public final class LiveText implements AutoCloseable {

    /** At most this many characters (UTF-16 units), as a wiki page's content. */
    public static final int MAX_LENGTH = 100_000;
    /** At most this many splices in one batch (a long offline session is a few hundred). */
    public static final int MAX_SPLICES = 2_000;
    /** How long an editor counts as present after its last request. */
    static final long PRESENCE_MILLIS = 35_000;

    private final Document document;
    private final ObjectId text;
    private final int fromVersion;
    private final String[] initialHeads;
    private long sequence;
    private int version;
    private long lastActivity;
    private boolean closed;
    private final Map<String, Long> editors = new HashMap<>();
    private final Map<String, Applied> lastBatches = new HashMap<>();
    /**
     * Every change of this session (hex), so that heads from elsewhere are refused: the bindings answer an empty
     * text, not an error, for heads a document does not have. About 150 bytes a change.
     */
    private final Set<String> known = new java.util.HashSet<>();

    private LiveText(String content, int fromVersion, long now) {
        this.document = new Document();
        try (Transaction tx = document.startTransaction()) {
            this.text = tx.set(ObjectId.ROOT, "text", ObjectType.TEXT);
            tx.spliceText(text, 0, 0, normalized(content));
            tx.commit();
        }
        this.fromVersion = fromVersion;
        this.version = fromVersion;
        this.initialHeads = hex(document.getHeads());
        known.addAll(List.of(initialHeads));
        this.lastActivity = now;
    }

    /** A session's text, started from a stored version's content (line ends as a browser's textarea gives them). */
    public static LiveText of(String content, int version) {
        return new LiveText(content, version, System.currentTimeMillis());
    }

    /** What an editor is told: the merged text, its heads, who is there, the last version saved from the session. */
    public record State(long sequence, List<String> heads, String text, int editors, int version, int fromVersion,
            List<String> initialHeads) {
    }

    /**
     * A batch applied: {@code change} are the heads of the editor's own branch after its batch (the text it now
     * shows, which its next batch builds on), {@code state} the merged text everyone converges to.
     */
    public record Applied(long batch, List<String> change, State state) {
    }

    public synchronized State state() {
        open();
        return new State(sequence, List.of(hex(document.getHeads())), document.text(text).orElse(""),
                present(System.currentTimeMillis()), version, fromVersion, List.of(initialHeads));
    }

    /**
     * Applies an editor's batch typed on {@code baseHeads}; a batch already applied for this editor (the same
     * number, sent again after a lost answer) is answered as the first time and not applied twice.
     *
     * @throws Conflict {@code live-base-unknown} when the heads are not of this session (it restarted)
     * @throws InvalidInput {@code live.splices} when a splice is outside the text, splits a character, or the text
     *     would grow beyond {@link #MAX_LENGTH}
     */
    public synchronized Applied apply(String editor, long batch, List<String> baseHeads, List<Splice> splices) {
        open();
        long now = System.currentTimeMillis();
        Applied previous = lastBatches.get(editor);
        if (previous != null && previous.batch() == batch) {
            return new Applied(batch, previous.change(), state());
        }
        if (splices.size() > MAX_SPLICES) {
            throw InvalidInput.field("splices", "live.splices", MAX_SPLICES, MAX_LENGTH);
        }
        ChangeHash[] base = heads(baseHeads);
        List<long[]> points = inCodePoints(document.text(text, base).orElse(""), splices);
        // A transaction isolated at the batch's heads: its change depends on those heads only, so Automerge merges
        // it with everything made since as a concurrent edit, as forking there and merging the fork back would,
        // without copying the document (a fork at old heads replays the whole history: 150 ms at 2,000 changes).
        Optional<ChangeHash> made;
        PatchLog log = new PatchLog();
        try (Transaction tx = document.startTransactionAt(log, base)) {
            for (int i = 0; i < splices.size(); i++) {
                long[] p = points.get(i);
                tx.spliceText(text, p[0], p[1], splices.get(i).inserted());
            }
            made = tx.commit();
        } finally {
            log.free();
        }
        List<String> change = made.map(h -> List.of(hex(new ChangeHash[] {h}))).orElse(List.copyOf(baseHeads));
        change.forEach(known::add);
        seen(editor, now);
        sequence++;
        lastActivity = now;
        Applied applied = new Applied(batch, change, state());
        lastBatches.put(editor, applied);
        notifyAll();
        return applied;
    }

    /**
     * Checks a whole batch against the text it was typed on and gives each splice in code points (Automerge's
     * unit). Nothing is applied unless every splice is right.
     */
    static List<long[]> inCodePoints(String base, List<Splice> splices) {
        StringBuilder s = new StringBuilder(base);
        List<long[]> points = new ArrayList<>(splices.size());
        for (Splice splice : splices) {
            int at = splice.index();
            int end = at + splice.deleted();
            if (at < 0 || splice.deleted() < 0 || end > s.length() || end < at || splits(s, at) || splits(s, end)
                    || !wellFormed(splice.inserted())
                    || s.length() - splice.deleted() + splice.inserted().length() > MAX_LENGTH) {
                throw InvalidInput.field("splices", "live.splices", MAX_SPLICES, MAX_LENGTH);
            }
            points.add(new long[] {s.codePointCount(0, at), s.codePointCount(at, end)});
            s.replace(at, end, splice.inserted());
        }
        return points;
    }

    /** True when the index falls between the two halves of one character (an emoji, say). */
    private static boolean splits(CharSequence s, int index) {
        return index > 0 && index < s.length() && Character.isHighSurrogate(s.charAt(index - 1))
                && Character.isLowSurrogate(s.charAt(index));
    }

    /** Text only: no lone half of a character, no control character but tab and line feed. */
    private static boolean wellFormed(String inserted) {
        for (int i = 0; i < inserted.length(); i++) {
            char c = inserted.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\t' || c == 0x7f) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= inserted.length() || !Character.isLowSurrogate(inserted.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** A version of the resource was saved; from the session ({@code fromSession}) its editors now build on it. */
    public synchronized void saved(int savedVersion, boolean fromSession) {
        open();
        if (fromSession && savedVersion > version) {
            version = savedVersion;
        }
        sequence++;
        notifyAll();
    }

    /** Waits until the session moves beyond {@code seen} or the time is up, then says where it is. */
    public synchronized State await(String editor, long seen, long millis) throws InterruptedException {
        open();
        seen(editor, System.currentTimeMillis());
        long until = System.currentTimeMillis() + millis;
        while (sequence <= seen && !closed) {
            long left = until - System.currentTimeMillis();
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        if (editors.containsKey(editor)) {
            // still there; one who left meanwhile (its page closed while this poll waited) is not brought back
            editors.put(editor, System.currentTimeMillis());
        }
        return state();
    }

    /** An editor left (closed the page): no longer counted. */
    public synchronized void leave(String editor) {
        editors.remove(editor);
        sequence++;
        notifyAll();
    }

    synchronized boolean idleSince(long millis) {
        return present(System.currentTimeMillis()) == 0 && lastActivity < millis;
    }

    private void seen(String editor, long now) {
        if (editors.put(editor, now) == null) {
            sequence++; // one more person: the others' count changes
            notifyAll();
        }
        lastActivity = now;
    }

    private int present(long now) {
        editors.values().removeIf(at -> at < now - PRESENCE_MILLIS);
        return editors.size();
    }

    private void open() {
        if (closed) {
            throw new Conflict("live-base-unknown");
        }
    }

    /** Frees the native document; waiting editors are answered at once (and get a new session on their next call). */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            document.free();
            notifyAll();
        }
    }

    /** A textarea's line ends: a browser gives {@code \n} only. */
    static String normalized(String content) {
        return content == null ? "" : content.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static String[] hex(ChangeHash[] heads) {
        String[] out = new String[heads.length];
        for (int i = 0; i < heads.length; i++) {
            out[i] = HexFormat.of().formatHex(heads[i].getBytes());
        }
        return out;
    }

    private ChangeHash[] heads(List<String> hex) {
        if (hex == null || hex.isEmpty() || hex.size() > 64) {
            throw new Conflict("live-base-unknown");
        }
        ChangeHash[] out = new ChangeHash[hex.size()];
        for (int i = 0; i < out.length; i++) {
            String h = hex.get(i);
            if (h == null || !known.contains(h)) {
                throw new Conflict("live-base-unknown");
            }
            out[i] = new Hash(HexFormat.of().parseHex(h));
        }
        return out;
    }

    /** A change hash from its hex form: the bindings only make them, so this subclass reaches their constructor. */
    private static final class Hash extends ChangeHash {
        Hash(byte[] bytes) {
            super(bytes);
        }
    }
}
