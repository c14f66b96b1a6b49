package fr.ent.platform.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.runtime.data.DataContract;
import fr.ent.platform.runtime.data.Person;
import fr.ent.platform.runtime.data.PersonalExport;
import fr.ent.platform.runtime.data.Statement;
import fr.ent.platform.runtime.data.Support;
import fr.ent.platform.runtime.security.OurClasses;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every app that keeps tables states what it does with a person's data (issue 18, ADR 0030), as every endpoint
 * states who may call it: an app module with Flyway migrations ({@code apps/<id>/src/main/resources/db/apps/<id>})
 * must have exactly one {@link DataContract} in the assembled runtime for its id. A duty stated {@code DONE} has its
 * method written (not the interface's default, which throws); a duty not built yet ({@code NOT_YET}) is listed in
 * docs/data-protection.md, so that what is missing is written where people read, never a silent no-op.
 */
class DataContractsTest {

    private static final Map<String, String> DUTIES = Map.of("personExport", "exportPerson",
            "personErasure", "erasePerson", "collectivityTransfer", "exportCollectivity");

    @Test
    void everyAppWithTablesStatesItsDataContract() throws Exception {
        Set<String> withTables = appsWithMigrations();
        assertThat(withTables).as("apps with migrations found").contains("directory", "messagerie", "documents");
        Map<String, List<DataContract>> contracts = contracts();
        List<String> faults = new ArrayList<>();
        for (String app : withTables) {
            List<DataContract> stated = contracts.getOrDefault(app, List.of());
            if (stated.size() != 1) {
                faults.add(app + ": " + stated.size() + " data contracts (one expected: a bean implementing"
                        + " runtime.data.DataContract whose app() is \"" + app + "\")");
            }
        }
        contracts.keySet().stream().filter(app -> !withTables.contains(app))
                .forEach(app -> faults.add(app + ": a data contract for an app without tables"));
        assertThat(faults).as("apps and their data contracts").isEmpty();
    }

    @Test
    void aDutyStatedDoneIsWrittenAndOneNotBuiltIsListedInTheDocs() throws Exception {
        String docs = Files.readString(OurSources.repositoryRoot().resolve("docs/data-protection.md"));
        List<String> faults = new ArrayList<>();
        for (List<DataContract> list : contracts().values()) {
            for (DataContract c : list) {
                Map<String, Statement> statements = Map.of("personExport", c.personExport(),
                        "personErasure", c.personErasure(), "collectivityTransfer", c.collectivityTransfer());
                statements.forEach((duty, statement) -> {
                    String method = DUTIES.get(duty);
                    if (statement.support() == Support.DONE) {
                        if (method.isEmpty()) {
                            faults.add(c.app() + "." + duty + ": DONE, but the platform has no such method yet");
                        } else if (!overrides(c.getClass(), method)) {
                            faults.add(c.app() + "." + duty + ": DONE without " + method + " written");
                        }
                    }
                    if (statement.support() == Support.NOT_YET
                            && !docs.contains("| " + c.app() + " | " + duty + " |")) {
                        faults.add(c.app() + "." + duty + ": NOT_YET and not in docs/data-protection.md's table"
                                + " of what is missing (a row \"| " + c.app() + " | " + duty + " | why |\")");
                    }
                });
            }
        }
        assertThat(faults).as("duties and their methods or their place in the docs").isEmpty();
    }

    /**
     * A collectivity's export cannot forget a table: every table an app's migrations create is in its contract's
     * {@code TRANSFER} list (moved) or left out with a reason, and a list names no table the app does not have.
     */
    @Test
    void everyTableOfAnAppIsMovedByTheCollectivityTransferOrLeftOutWithAReason() throws Exception {
        List<String> faults = new ArrayList<>();
        for (List<DataContract> list : contracts().values()) {
            for (DataContract c : list) {
                if (!c.collectivityTransfer().isDone()) {
                    continue;
                }
                if (!overrides(c.getClass(), "importCollectivity")) {
                    faults.add(c.app() + ": collectivityTransfer DONE without importCollectivity written");
                }
                fr.ent.platform.runtime.data.TransferTables transfer = (fr.ent.platform.runtime.data.TransferTables)
                        c.getClass().getField("TRANSFER").get(null);
                Set<String> stated = new TreeSet<>(transfer.names());
                stated.addAll(transfer.leftOut().keySet());
                Set<String> created = tablesCreated(c.app());
                if (!stated.equals(created)) {
                    faults.add(c.app() + ": TRANSFER names " + stated + ", the migrations create " + created);
                }
            }
        }
        assertThat(faults).as("tables and the collectivity transfer").isEmpty();
    }

    /** The tables an app's migrations create and do not drop. */
    static Set<String> tablesCreated(String app) throws IOException {
        Path dir = null;
        try (Stream<Path> files = Files.walk(OurSources.repositoryRoot().resolve("apps"))) {
            dir = files.filter(f -> f.toString().replace('\\', '/').endsWith("/src/main/resources/db/apps/" + app))
                    .findFirst().orElseThrow();
        }
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).sorted().toList()) {
                String sql = Files.readString(f).replaceAll("--[^\n]*", "");
                var created = java.util.regex.Pattern.compile("(?i)CREATE TABLE (?:IF NOT EXISTS )?([a-z_][a-z0-9_]*)").matcher(sql);
                while (created.find()) {
                    tables.add(created.group(1).toLowerCase());
                }
                var dropped = java.util.regex.Pattern.compile("(?i)DROP TABLE (?:IF EXISTS )?([a-z_][a-z0-9_]*)").matcher(sql);
                while (dropped.find()) {
                    tables.remove(dropped.group(1).toLowerCase());
                }
            }
        }
        return tables;
    }

    @Test
    void aDutyNotBuiltNeverRunsQuietly() {
        DataContract none = new DataContract() {
            @Override
            public String app() {
                return "sample";
            }

            @Override
            public Statement personExport() {
                return Statement.notYet("not built");
            }

            @Override
            public Statement personErasure() {
                return Statement.kept("evidence");
            }

            @Override
            public Statement collectivityTransfer() {
                return Statement.notYet("not built");
            }
        };
        Person person = new Person(java.util.Optional.empty(), "sub", "login", "Name");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> none.exportPerson(person, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("NOT_YET");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> none.erasePerson(person))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("KEPT");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Statement.notYet(" "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(PersonalExport.safeName("../a/b:c?.pdf")).isEqualTo("_a_b_c_.pdf");
        assertThat(PersonalExport.safeName("...")).isEqualTo("fichier");
    }

    private static boolean overrides(Class<?> type, String method) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (var m : c.getDeclaredMethods()) {
                if (m.getName().equals(method) && !m.isBridge()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Each app module's id that has migrations: the folder {@code db/apps/<id>} holding a {@code V*.sql}. */
    static Set<String> appsWithMigrations() throws IOException {
        Path apps = OurSources.repositoryRoot().resolve("apps");
        Set<String> ids = new TreeSet<>();
        try (Stream<Path> files = Files.walk(apps)) {
            files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .filter(f -> f.toString().replace('\\', '/').contains("/src/main/resources/db/apps/"))
                    .forEach(f -> ids.add(f.getParent().getFileName().toString()));
        }
        return ids;
    }

    /** The data contracts of the assembled runtime, by app, made with their no-argument constructor (as CDI). */
    static Map<String, List<DataContract>> contracts() throws Exception {
        Map<String, List<DataContract>> found = new TreeMap<>();
        for (String name : OurClasses.names()) {
            Class<?> type = Class.forName(name, false, DataContractsTest.class.getClassLoader());
            if (DataContract.class.isAssignableFrom(type) && !type.isInterface()
                    && !Modifier.isAbstract(type.getModifiers()) && !type.isAnonymousClass()) {
                DataContract contract = (DataContract) type.getDeclaredConstructor().newInstance();
                found.computeIfAbsent(contract.app(), k -> new ArrayList<>()).add(contract);
            }
        }
        return found;
    }
}
