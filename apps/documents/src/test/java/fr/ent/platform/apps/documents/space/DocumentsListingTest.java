package fr.ent.platform.apps.documents.space;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.apps.documents.DocumentsApp;
import fr.ent.platform.runtime.persistence.TenantData;
import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenancy.TenantSchemaMigrator;
import fr.ent.platform.testing.database.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.logging.AbstractSessionLog;
import org.eclipse.persistence.logging.SessionLogEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The listings of one's own space on the tests' real PostgreSQL (the app's migrations, its persistence unit outside
 * Liberty), counting the statements they send: a listing is one statement whatever its number of files (issue 15:
 * one statement per file before), each file shown with its newest version.
 */
class DocumentsListingTest {

    /** SQL statements EclipseLink sent (its "sql" log category), the unit's opening statement included. */
    private static final AtomicInteger STATEMENTS = new AtomicInteger();

    private static final UUID ALICE = UUID.randomUUID();
    private static final Me ME = new Me(ALICE, Set.of("Teacher"));
    private static final UUID FOLDER = UUID.randomUUID();
    private static final UUID TWICE = UUID.randomUUID();

    private static EntityManagerFactory unit;
    private static String schema;
    private static Documents documents;

    @BeforeAll
    static void aSpaceOfFoldersAndFiles() {
        TestDatabase database = TestDatabase.shared();
        schema = "t_docstest_" + ThreadLocalRandom.current().nextInt(1_000_000);
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + schema);
            s.execute("CREATE SCHEMA " + schema + " AUTHORIZATION " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        new TenantSchemaMigrator(database.dataSource(), List.of(DocumentsApp.ID),
                DocumentsListingTest.class.getClassLoader()).migrate(new TenantNames(schema, schema));
        unit = Persistence.createEntityManagerFactory(DocumentsApp.ID, Map.of(
                PersistenceUnitProperties.NON_JTA_DATASOURCE, database.dataSource(),
                PersistenceUnitProperties.WEAVING, "false",
                PersistenceUnitProperties.LOGGING_LOGGER, CountingLog.class.getName(),
                PersistenceUnitProperties.CATEGORY_LOGGING_LEVEL_ + "sql", "FINE"));
        documents = new Documents();
        documents.unit = unit;
        documents.data = new TenantData() {
            @Override
            public <T> T read(EntityManagerFactory ignored, Function<EntityManager, T> work) {
                return inTransaction(work);
            }

            @Override
            public <T> T write(EntityManagerFactory ignored, Function<EntityManager, T> work) {
                return inTransaction(work);
            }
        };
        // the top: 3 folders (one holding 5 files), 12 files (one in two versions), 1 file in the trash
        inTransaction(em -> {
            for (int i = 1; i <= 3; i++) {
                node(em, i == 1 ? FOLDER : UUID.randomUUID(), null, "folder", "Dossier " + i, false);
            }
            for (int i = 1; i <= 12; i++) {
                UUID file = i == 1 ? TWICE : UUID.randomUUID();
                node(em, file, null, "file", "Fiche " + i + ".pdf", false);
                version(em, file, 1, 1000 + i);
            }
            version(em, TWICE, 2, 5000);
            for (int i = 1; i <= 5; i++) {
                UUID file = UUID.randomUUID();
                node(em, file, FOLDER, "file", "Dedans " + i + ".pdf", false);
                version(em, file, 1, 100 + i);
            }
            UUID trashed = UUID.randomUUID();
            node(em, trashed, null, "file", "Vieux.pdf", true);
            version(em, trashed, 1, 7);
            return null;
        });
    }

    @Test
    void the_top_of_ones_space_is_one_statement_whatever_its_number_of_files() {
        STATEMENTS.set(0);
        Views.Listing top = documents.root(ME);

        assertThat(STATEMENTS.get()).as("the unit's opening statement and the listing").isEqualTo(2);
        assertThat(top.items()).hasSize(15);
        assertThat(top.items().subList(0, 3)).allSatisfy(n -> {
            assertThat(n.folder()).isTrue();
            assertThat(n.version()).isZero();
            assertThat(n.size()).isZero();
            assertThat(n.contentType()).isNull();
        });
        Views.Node twice = top.items().stream().filter(n -> n.id().equals(TWICE)).findFirst().orElseThrow();
        assertThat(twice.version()).as("the newest version").isEqualTo(2);
        assertThat(twice.size()).isEqualTo(5000);
        assertThat(twice.contentType()).isEqualTo("application/pdf");
        assertThat(twice.updatedAt()).isNotNull();
        assertThat(twice.right()).isEqualTo("manager");
        assertThat(top.items()).noneMatch(n -> n.name().equals("Vieux.pdf")).noneMatch(Views.Node::trashed);
    }

    @Test
    void a_folder_of_ones_own_is_its_chain_and_its_listing() {
        STATEMENTS.set(0);
        Views.Listing folder = documents.folder(ME, FOLDER);

        // the chain (rights), then the listing: each in its unit with its opening statement; no share asked
        assertThat(STATEMENTS.get()).isEqualTo(4);
        assertThat(folder.folder().id()).isEqualTo(FOLDER);
        assertThat(folder.path()).extracting(Views.Node::id).containsExactly(FOLDER);
        assertThat(folder.items()).hasSize(5).allSatisfy(n -> {
            assertThat(n.version()).isEqualTo(1);
            assertThat(n.size()).isBetween(101L, 105L);
        });
    }

    @Test
    void the_trash_is_one_statement_too() {
        STATEMENTS.set(0);
        List<Views.Node> trash = documents.trash(ME);

        assertThat(STATEMENTS.get()).isEqualTo(2);
        assertThat(trash).singleElement().satisfies(n -> {
            assertThat(n.name()).isEqualTo("Vieux.pdf");
            assertThat(n.trashed()).isTrue();
            assertThat(n.size()).isEqualTo(7);
        });
    }

    private static void node(EntityManager em, UUID id, UUID parent, String kind, String name, boolean trashed) {
        em.createNativeQuery("INSERT INTO node (id, owner_id, parent_id, kind, name, trashed_at, created_at, updated_at)"
                        + " VALUES (?1, ?2, CAST(?3 AS uuid), ?4, ?5, " + (trashed ? "now()" : "NULL") + ", now(), now())")
                .setParameter(1, id).setParameter(2, ALICE).setParameter(3, parent).setParameter(4, kind)
                .setParameter(5, name).executeUpdate();
    }

    private static void version(EntityManager em, UUID node, int number, long size) {
        em.createNativeQuery("INSERT INTO version (node_id, number, object_key, content_type, size, uploaded_by,"
                        + " uploaded_at) VALUES (?1, ?2, ?3, 'application/pdf', ?4, ?5, now())")
                .setParameter(1, node).setParameter(2, number).setParameter(3, "documents/" + node + "/" + number)
                .setParameter(4, size).setParameter(5, ALICE).executeUpdate();
    }

    private static <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = unit.createEntityManager(Map.of(PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT,
                schema));
        try {
            em.getTransaction().begin();
            // as TenantData's opening statement: unqualified names resolve in this schema
            em.createNativeQuery("SET LOCAL search_path TO " + TenantNames.quote(schema)).executeUpdate();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    /** EclipseLink's log, reduced to counting the statements it sends; warnings are printed. */
    public static final class CountingLog extends AbstractSessionLog {

        @Override
        public void log(SessionLogEntry entry) {
            if ("sql".equals(entry.getNameSpace())) {
                STATEMENTS.incrementAndGet();
            } else if (entry.getLevel() >= WARNING) {
                System.err.println("EclipseLink: " + formatMessage(entry));
            }
        }
    }
}
