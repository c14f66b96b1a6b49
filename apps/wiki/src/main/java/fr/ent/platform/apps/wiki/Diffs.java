package fr.ent.platform.apps.wiki;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import fr.ent.platform.runtime.text.RichText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The difference between two versions of a page, as a reader compares them: paragraph by paragraph (a line is one
 * block of the page: a paragraph, a heading, an item of a list, a row of a table), in plain text, with
 * java-diff-utils' Myers diff. Formatting alone (bold, a link's target) is not a difference here: what changed in
 * the words is. Pure: unit-tested.
 */
public final class Diffs {

    /** Where one block of sanitized HTML ends. */
    private static final Pattern BLOCK_END = Pattern.compile(
            "(?i)</(p|h[1-6]|li|tr|blockquote|pre|div|dt|dd|caption)>|<br\\s*/?>|<hr\\s*/?>");

    private Diffs() {
    }

    /** One row of the comparison: a paragraph kept, removed ({@code old} only), added ({@code new} only). */
    public record Row(Kind kind, String text) {
    }

    public enum Kind {
        SAME, REMOVED, ADDED
    }

    /** The blocks of sanitized HTML as lines of plain text, empty ones left out. */
    public static List<String> lines(String sanitizedHtml) {
        List<String> lines = new ArrayList<>();
        for (String block : BLOCK_END.split(sanitizedHtml == null ? "" : sanitizedHtml)) {
            String text = RichText.plain(block);
            if (!text.isEmpty()) {
                lines.add(text);
            }
        }
        return lines;
    }

    /** The rows from {@code before} to {@code after}: every paragraph of both, in the order a reader follows. */
    public static List<Row> rows(List<String> before, List<String> after) {
        Patch<String> patch = DiffUtils.diff(before, after);
        List<Row> rows = new ArrayList<>();
        int at = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            for (; at < delta.getSource().getPosition(); at++) {
                rows.add(new Row(Kind.SAME, before.get(at)));
            }
            delta.getSource().getLines().forEach(l -> rows.add(new Row(Kind.REMOVED, l)));
            delta.getTarget().getLines().forEach(l -> rows.add(new Row(Kind.ADDED, l)));
            at += delta.getSource().size();
        }
        for (; at < before.size(); at++) {
            rows.add(new Row(Kind.SAME, before.get(at)));
        }
        return rows;
    }
}
