package fr.ent.platform.bench.france;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.apps.directory.aaf.AafImportReport;
import fr.ent.platform.apps.directory.be1d.ImportReport;
import fr.ent.platform.bench.Bench;
import fr.ent.platform.bench.france.FrancePlan.Collectivity;
import fr.ent.platform.bench.france.FrancePlan.Kind;
import fr.ent.platform.local.EmbeddedDatabase;
import fr.ent.platform.tenancy.TenantNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The France generator at a small size: its files are accepted by our importers (BE1D and AAF, on a real PostgreSQL
 * with schemas made as the platform makes them) with zero rejections, every generated person ends up in the
 * directory with an account, and the same seed writes the same bytes.
 */
class FranceGeneratorIT {

    private static final FrancePlan.Shape SMALL = new FrancePlan.Shape(3, 12, 1_500, 124, 7);

    @TempDir
    Path tmp;

    @Test
    void theGeneratedFilesAreImportedWithoutRejectionAndEveryoneGetsAnAccount() throws Exception {
        FrancePlan plan = FrancePlan.of(SMALL);
        assertThat(plan.collectivities()).hasSize(3);
        assertThat(plan.collectivities().stream().mapToInt(c -> c.schools().size()).sum()).isEqualTo(12);
        assertThat(plan.pupils(true) + plan.pupils(false)).isEqualTo(1_500);
        assertThat(plan.schools(Kind.ECOLE)).isGreaterThan(plan.schools(Kind.COLLEGE) + plan.schools(Kind.LYCEE));
        assertThat(plan.schools(Kind.COLLEGE)).isPositive();
        Path files = Files.createDirectories(tmp.resolve("france"));
        FranceGenerator.Totals totals = FranceGenerator.write(plan, files);
        assertThat(totals.pupils).isEqualTo(1_500);
        assertThat(totals.teachers).isEqualTo(124);
        assertThat(totals.parents).isBetween(1_500L * 12 / 10, 1_500L * 18 / 10);

        try (EmbeddedDatabase db = EmbeddedDatabase.start(tmp.resolve("pg"), Bench.freePort());
                FranceImport importer = new FranceImport(db.dataSource())) {
            long accounts = 0;
            for (Collectivity c : plan.collectivities()) {
                Path dir = files.resolve(c.slug());
                importer.schema(c);
                for (ImportReport r : importer.be1d(c, dir)) {
                    assertThat(r.rejected()).as(c.slug() + " BE1D").isEmpty();
                }
                Optional<AafImportReport> aaf = importer.aaf(c, dir);
                aaf.ifPresent(r -> {
                    assertThat(r.rejections()).as(c.slug() + " AAF").isEmpty();
                    assertThat(r.rejected()).isZero();
                    assertThat(r.state()).isEqualTo("APPLIED");
                });
                accounts += importer.accounts(c);
            }
            assertThat(accounts).isEqualTo(totals.people());
            long[] byProfile = new long[4];
            for (Collectivity c : plan.collectivities()) {
                TenantNames names = FranceImport.names(c);
                try (Connection conn = db.dataSource().getConnection(); Statement s = conn.createStatement();
                        ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE profile = 'Student'),"
                                + " count(*) FILTER (WHERE profile = 'Relative'), count(*) FILTER (WHERE profile"
                                + " = 'Teacher'), count(*) FILTER (WHERE profile = 'Personnel') FROM "
                                + names.schema() + ".ent_user u JOIN " + names.schema()
                                + ".ent_account a ON a.user_id = u.id")) {
                    rs.next();
                    for (int i = 0; i < 4; i++) {
                        byProfile[i] += rs.getLong(i + 1);
                    }
                }
            }
            assertThat(byProfile).containsExactly(totals.pupils, totals.parents, totals.teachers, totals.heads);
        }
    }

    @Test
    void theSameSeedWritesTheSameFilesAndAnotherSeedOthers() throws Exception {
        FrancePlan.Shape shape = new FrancePlan.Shape(2, 6, 600, 50, 11);
        FranceGenerator.write(FrancePlan.of(shape), Files.createDirectories(tmp.resolve("a")));
        FranceGenerator.write(FrancePlan.of(shape), Files.createDirectories(tmp.resolve("b")));
        FranceGenerator.write(FrancePlan.of(new FrancePlan.Shape(2, 6, 600, 50, 12)),
                Files.createDirectories(tmp.resolve("c")));
        assertThat(digest(tmp.resolve("a"))).isEqualTo(digest(tmp.resolve("b")));
        assertThat(digest(tmp.resolve("a"))).isNotEqualTo(digest(tmp.resolve("c")));
    }

    private static String digest(Path root) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            md.update(root.relativize(f).toString().getBytes());
            try (InputStream in = Files.newInputStream(f)) {
                md.update(in.readAllBytes());
            } catch (IOException e) {
                throw e;
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
