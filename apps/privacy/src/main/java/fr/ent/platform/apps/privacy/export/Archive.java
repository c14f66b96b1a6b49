package fr.ent.platform.apps.privacy.export;

import fr.ent.platform.runtime.data.DataContract;
import fr.ent.platform.runtime.data.Person;
import fr.ent.platform.runtime.data.PersonalExport;
import fr.ent.platform.runtime.tenant.Tenant;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * One person's archive (format {@value #FORMAT}, docs/data-protection.md): a ZIP holding {@code LISEZMOI.txt} (what
 * the files are, in French), {@code manifeste.json} (who, when, and for every app of the platform what it gave or why
 * it gave nothing), one {@code <app>.json} per app that exported something, and the original files under
 * {@code files/<app>/}. Written to a local file, entry after entry, so that a person's documents never sit in memory.
 */
final class Archive {

    static final String FORMAT = "ent-personal-export/1";
    private static final JsonGeneratorFactory JSON = Json.createGeneratorFactory(
            Map.of(JsonGenerator.PRETTY_PRINTING, true));

    /** Told after each app: how many apps are done, and which one starts (null: none left). */
    @FunctionalInterface
    interface Progress {
        void step(int done, String next);
    }

    private final Tenant tenant;
    private final Person person;
    private final List<DataContract> contracts;
    private final Instant at;

    Archive(Tenant tenant, Person person, List<DataContract> contracts, Instant at) {
        this.tenant = tenant;
        this.person = person;
        this.contracts = contracts;
        this.at = at;
    }

    /** The name the browser saves it as: {@code mes-donnees-<collectivity>-<day>.zip}. */
    static String fileName(String slug, Instant requested) {
        return "mes-donnees-" + slug + "-" + requested.atOffset(ZoneOffset.UTC).toLocalDate() + ".zip";
    }

    void write(Path zip, Progress progress) throws IOException {
        Map<String, String> given = new LinkedHashMap<>();
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            Set<String> entries = new HashSet<>();
            int done = 0;
            for (DataContract contract : contracts) {
                if (!contract.personExport().isDone()) {
                    continue;
                }
                progress.step(done, contract.app());
                Collector collector = new Collector(contract.app(), out, entries);
                contract.exportPerson(person, collector);
                String name = contract.app() + ".json";
                out.putNextEntry(new ZipEntry(name));
                writeAppJson(out, contract.app(), collector.sections);
                out.closeEntry();
                given.put(contract.app(), name);
                done++;
            }
            out.putNextEntry(new ZipEntry("manifeste.json"));
            writeManifest(out, given);
            out.closeEntry();
            out.putNextEntry(new ZipEntry("LISEZMOI.txt"));
            out.write(Readme.text(tenant.displayName(), person, at, contracts).getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }

    private void writeAppJson(OutputStream out, String app, Map<String, List<Map<String, Object>>> sections) {
        try (JsonGenerator json = JSON.createGenerator(unclosed(out))) {
            json.writeStartObject().write("format", FORMAT).write("app", app).writeStartObject("sections");
            sections.forEach((name, rows) -> {
                json.writeStartArray(name);
                for (Map<String, Object> row : rows) {
                    json.writeStartObject();
                    row.forEach((column, value) -> write(json, column, value));
                    json.writeEnd();
                }
                json.writeEnd();
            });
            json.writeEnd().writeEnd();
        }
    }

    private void writeManifest(OutputStream out, Map<String, String> given) {
        try (JsonGenerator json = JSON.createGenerator(unclosed(out))) {
            json.writeStartObject().write("format", FORMAT).write("generatedAt", at.toString())
                    .writeStartObject("collectivity").write("slug", tenant.slug())
                    .write("name", tenant.displayName()).writeEnd()
                    .writeStartObject("person").write("login", person.username())
                    .write("subject", person.subject());
            person.directoryId().ifPresentOrElse(id -> json.write("directoryId", id.toString()),
                    () -> json.writeNull("directoryId"));
            json.writeEnd().writeStartArray("apps");
            for (DataContract c : contracts) {
                json.writeStartObject().write("app", c.app()).write("export", c.personExport().support().name());
                if (given.containsKey(c.app())) {
                    json.write("file", given.get(c.app()));
                } else {
                    json.writeNull("file");
                }
                if (!c.personExport().why().isEmpty()) {
                    json.write("why", c.personExport().why());
                }
                json.writeEnd();
            }
            json.writeEnd().writeEnd();
        }
    }

    private static void write(JsonGenerator json, String name, Object value) {
        switch (value) {
            case null -> json.writeNull(name);
            case String s -> json.write(name, s);
            case Boolean b -> json.write(name, b);
            case Integer i -> json.write(name, i);
            case Long l -> json.write(name, l);
            case Short s -> json.write(name, s);
            case BigInteger b -> json.write(name, b);
            case BigDecimal b -> json.write(name, b);
            case Double d -> json.write(name, d);
            case Float f -> json.write(name, f.doubleValue());
            default -> json.write(name, value.toString());
        }
    }

    /** The ZIP's stream as the JSON writer sees it: closing the writer ends the entry, not the archive. */
    private static OutputStream unclosed(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /** What one app writes: its sections kept until its JSON is written, its files copied at once. */
    private static final class Collector implements PersonalExport {

        private final String app;
        private final ZipOutputStream out;
        private final Set<String> entries;
        final Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();

        Collector(String app, ZipOutputStream out, Set<String> entries) {
            this.app = app;
            this.out = out;
            this.entries = entries;
        }

        @Override
        public void section(String name, List<Map<String, Object>> rows) {
            sections.computeIfAbsent(name, n -> new java.util.ArrayList<>()).addAll(rows);
        }

        @Override
        public String file(String path, Content content) {
            StringBuilder safe = new StringBuilder("files/").append(app);
            for (String segment : path.split("/")) {
                if (!segment.isBlank()) {
                    safe.append('/').append(PersonalExport.safeName(segment));
                }
            }
            String base = safe.toString();
            String entry = base;
            // a second file of the same name keeps its extension: "rapport (2).pdf"
            int dot = base.lastIndexOf('.');
            boolean extension = dot > base.lastIndexOf('/') + 1;
            for (int n = 2; entries.contains(entry); n++) {
                entry = extension ? base.substring(0, dot) + " (" + n + ")" + base.substring(dot) : base + " (" + n + ")";
            }
            entries.add(entry);
            try (InputStream in = content.open()) {
                out.putNextEntry(new ZipEntry(entry));
                in.transferTo(out);
                out.closeEntry();
            } catch (IOException e) {
                throw new UncheckedIOException("file " + entry + " of " + app, e);
            }
            return entry;
        }
    }
}
