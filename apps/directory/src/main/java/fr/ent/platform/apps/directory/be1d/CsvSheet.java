package fr.ent.platform.apps.directory.be1d;

import fr.ent.platform.apps.directory.Text;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One CSV file of an export, decoded and split into a header and rows. Columns are found by their normalized
 * header name (trimmed, lower-case, accent-free), never by position: BE1D versions reorder columns, and the real
 * exports carry stray spaces (" Cycle") and repeat the child columns of responsables.
 */
final class CsvSheet {

    private static final CSVFormat FORMAT = CSVFormat.Builder.create()
            .setDelimiter(';')
            .setQuote('"')
            // Empty lines are kept as records so that record numbers stay the line numbers people see.
            .setIgnoreEmptyLines(false)
            .get();

    private final Be1dFile file;
    private final Map<String, List<Integer>> columns;
    private final List<Row> rows;

    /** A data row: its line (the header is line 1) and its raw cells. */
    record Row(int line, List<String> cells) {
    }

    private CsvSheet(Be1dFile file, Map<String, List<Integer>> columns, List<Row> rows) {
        this.file = file;
        this.columns = columns;
        this.rows = rows;
    }

    static CsvSheet read(Be1dFile file, byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                // no CSV text has NUL bytes: a spreadsheet (xls, xlsx), an image, or UTF-16 text
                throw new Be1dFormatException(file, "ce n'est pas un fichier texte CSV (tableur, image ou texte"
                        + " UTF-16 ?) : exportez-le au format CSV, en UTF-8 ou ISO-8859-1", null);
            }
        }
        String text = decode(bytes);
        List<Row> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            for (CSVRecord record : parser) {
                records.add(new Row(Math.toIntExact(record.getRecordNumber()), record.toList()));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // commons-csv reports broken quoting this way; the message names the line.
            throw new Be1dFormatException(file, "CSV mal formé (" + e.getMessage() + ")", null);
        }
        if (records.isEmpty() || blank(records.get(0).cells())) {
            throw new Be1dFormatException(file, "le fichier est vide ou sa première ligne (l'en-tête) est vide", null);
        }
        Map<String, List<Integer>> columns = new HashMap<>();
        List<String> header = records.get(0).cells();
        for (int i = 0; i < header.size(); i++) {
            columns.computeIfAbsent(Text.fold(header.get(i)), k -> new ArrayList<>()).add(i);
        }
        List<Row> rows = records.subList(1, records.size()).stream().filter(r -> !blank(r.cells())).toList();
        return new CsvSheet(file, columns, rows);
    }

    /**
     * UTF-8 when the bytes are valid UTF-8 (with or without BOM), ISO-8859-1 otherwise: BE1D exports are
     * ISO-8859-1, and an ISO-8859-1 accent is never valid UTF-8, whereas re-saved files are often UTF-8.
     */
    static Charset detectCharset(byte[] bytes) {
        if (hasBom(bytes)) {
            return StandardCharsets.UTF_8;
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    static String decode(byte[] bytes) {
        Charset charset = detectCharset(bytes);
        int skip = hasBom(bytes) ? 3 : 0;
        return new String(bytes, skip, bytes.length - skip, charset);
    }

    private static boolean hasBom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }

    private static boolean blank(List<String> cells) {
        return cells.stream().allMatch(String::isBlank);
    }

    /** Index of a required column; {@code shownName} is how BE1D spells it, for the error message. */
    int require(String shownName) {
        List<Integer> found = columns.get(Text.fold(shownName));
        if (found == null) {
            throw new Be1dFormatException(file, "la colonne « " + shownName + " » est absente de l'en-tête",
                    shownName);
        }
        return found.get(0);
    }

    /** Index of an optional column, or -1. */
    int optional(String shownName) {
        List<Integer> found = columns.get(Text.fold(shownName));
        return found == null ? -1 : found.get(0);
    }

    /** Every index of a column that the format repeats (the child columns of responsables). */
    List<Integer> all(String shownName) {
        return columns.getOrDefault(Text.fold(shownName), List.of());
    }

    List<Row> rows() {
        return rows;
    }

    /** The trimmed cell, or null when absent or blank. */
    static String cell(Row row, int index) {
        return index < 0 || index >= row.cells().size() ? null : Text.trimToNull(row.cells().get(index));
    }
}
