package fr.ent.platform.runtime.storage;

import fr.ent.platform.problem.InvalidInput;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of a stored file: the collectivity (tenant slug) first, then a relative path of plain segments, e.g.
 * {@code lyon / documents/2026/42/v1}. The collectivity is part of the key and cannot be left out, so every
 * store lays one collectivity's files apart from another's (one directory, one key prefix), and
 * {@link CollectivityFiles} refuses a key of another collectivity.
 *
 * <p>The path is made of segments of letters, digits, {@code . _ -} (at most 128 each, at most 16 of them, at
 * most 512 characters in all), without {@code .} or {@code ..}, without a leading or doubled {@code /} and without
 * backslash: it can name nothing outside its collectivity's place on a disk or in a bucket, whatever the store.
 * Anything else is refused with {@code storage-key-invalid} (400) and a {@code reason}.
 */
public record ObjectKey(String collectivity, String path) {

    private static final Pattern COLLECTIVITY = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final int MAX_PATH = 512;
    private static final int MAX_SEGMENTS = 16;

    public ObjectKey {
        Objects.requireNonNull(collectivity, "collectivity");
        Objects.requireNonNull(path, "path");
        String reason = refusal(collectivity, path);
        if (reason != null) {
            throw (InvalidInput) new InvalidInput("storage-key-invalid", path).with("reason", reason);
        }
    }

    public static ObjectKey of(String collectivity, String path) {
        return new ObjectKey(collectivity, path);
    }

    /** The key written as one string, collectivity first ({@code lyon/documents/42}); {@link #parse} reads it. */
    public String value() {
        return collectivity + "/" + path;
    }

    public static ObjectKey parse(String value) {
        int slash = value == null ? -1 : value.indexOf('/');
        if (slash <= 0) {
            throw (InvalidInput) new InvalidInput("storage-key-invalid", String.valueOf(value))
                    .with("reason", "no-collectivity");
        }
        return new ObjectKey(value.substring(0, slash), value.substring(slash + 1));
    }

    /** A key further down the same collectivity ({@code documents/42} then {@code v1}). */
    public ObjectKey child(String segment) {
        return new ObjectKey(collectivity, path + "/" + segment);
    }

    /** Why the key is refused (a short stable code, in the problem's {@code reason}), or null. */
    private static String refusal(String collectivity, String path) {
        if (!COLLECTIVITY.matcher(collectivity).matches()) {
            return "collectivity";
        }
        if (path.isEmpty()) {
            return "empty";
        }
        if (path.length() > MAX_PATH) {
            return "too-long";
        }
        if (path.startsWith("/")) {
            return "absolute";
        }
        if (path.indexOf('\\') >= 0) {
            return "backslash";
        }
        String[] segments = path.split("/", -1);
        if (segments.length > MAX_SEGMENTS) {
            return "too-deep";
        }
        for (String segment : segments) {
            if (segment.isEmpty()) {
                return "empty-segment";
            }
            if (segment.equals(".") || segment.equals("..")) {
                return "dot-segment";
            }
            if (!SEGMENT.matcher(segment).matches()) {
                return "characters";
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return value();
    }
}
