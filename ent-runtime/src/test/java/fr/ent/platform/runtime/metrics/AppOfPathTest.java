package fr.ent.platform.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AppOfPathTest {

    @ParameterizedTest
    @CsvSource({
            "'', portal", "/, portal", "/index.html, portal",
            "/api/directory/structures, directory", "/api/directory, directory", "/api/directory;jsessionid=x, directory",
            "/api/account/me, account", "/api/wiki/pages/1, wiki", "/api/probe, probe",
            "/api/unheard-of/x, other", "/api/, other", "/api, other", "/api/DIRECTORY/x, other",
            "/notifications, notifications", "/notifications/x, notifications", "/directory, directory",
            "/api/flash/mine, flash", "/flash/new, flash",
            "/auth/callback, auth", "/login, auth", "/logout, auth",
            "/health/ready, health", "/metrics, other", "/admin/metrics, other", "/../../etc/passwd, other"})
    void appComesFromAFixedTable(String path, String app) {
        assertThat(AppOfPath.of(path)).isEqualTo(app);
    }

    @ParameterizedTest
    @CsvSource({"/api/%s/x", "/%s", "/static/%s.css"})
    void anyPathMapsToABoundedSetOfApps(String template) {
        for (int i = 0; i < 1000; i++) {
            String app = AppOfPath.of(template.formatted("random" + i));
            assertThat(app).isIn("other", "portal");
        }
    }

    @ParameterizedTest
    @CsvSource({"/api/notifications/x, notifications", "/notifications, notifications", "/api, ''", "/, ''",
            "'', ''", "/api/, ''", "/static/ent.css, static"})
    void theAppSegmentIsWhereAnAppIdStands(String path, String segment) {
        assertThat(AppOfPath.appSegment(path)).isEqualTo(segment);
    }
}
