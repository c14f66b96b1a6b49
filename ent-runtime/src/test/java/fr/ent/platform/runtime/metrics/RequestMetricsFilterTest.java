package fr.ent.platform.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletException;
import java.io.FileNotFoundException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class RequestMetricsFilterTest {

    @Test
    void pathNothingServesCountsAsThe404TheContainerSends() {
        // what Liberty's file-serving servlet throws for /nothing/here
        Exception escaped = new ServletException(new FileNotFoundException("SRVE0190E: File not found: /nothing/here"));
        assertThat(RequestMetricsFilter.statusSentFor(escaped)).isEqualTo(404);
    }

    @Test
    void anyOtherEscapedExceptionCountsAsA500() {
        assertThat(RequestMetricsFilter.statusSentFor(new ServletException(new IOException("broken pipe"))))
                .isEqualTo(500);
        assertThat(RequestMetricsFilter.statusSentFor(new IllegalStateException("bug"))).isEqualTo(500);
    }
}
