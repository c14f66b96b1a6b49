package fr.ent.platform.tenants.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScrapeAccessTest {

    @Test
    void withoutATokenOnlyLoopbackConnectionsAreServed() {
        ScrapeAccess access = new ScrapeAccess(Optional.empty());
        assertThat(access.allows(null, "127.0.0.1")).isTrue();
        assertThat(access.allows(null, "0:0:0:0:0:0:0:1")).isTrue();
        assertThat(access.allows(null, "10.42.0.7")).isFalse();
        assertThat(access.allows("Bearer anything", "10.42.0.7")).isFalse();
        assertThat(access.allows(null, null)).isFalse();
    }

    @Test
    void aConfiguredTokenIsRequiredEvenOnLoopback() {
        ScrapeAccess access = new ScrapeAccess(Optional.of("s3cret-scrape"));
        assertThat(access.allows("Bearer s3cret-scrape", "10.42.0.7")).isTrue();
        assertThat(access.allows("bearer s3cret-scrape", "10.42.0.7")).isTrue();
        assertThat(access.allows(null, "127.0.0.1")).isFalse();
        assertThat(access.allows("Bearer s3cret-scrap", "10.42.0.7")).isFalse();
        assertThat(access.allows("Bearer s3cret-scrape-more", "10.42.0.7")).isFalse();
        assertThat(access.allows("Basic s3cret-scrape", "10.42.0.7")).isFalse();
    }

    @Test
    void aBlankTokenCountsAsNone() {
        assertThat(new ScrapeAccess(Optional.of("  ")).tokenConfigured()).isFalse();
    }
}
