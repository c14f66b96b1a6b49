package fr.ent.platform.operator.collectivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailedProvisioningTest {

    @Test
    void retriesBackOffExponentiallyUpToTenMinutes() {
        assertThat(FailedProvisioning.delay(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(FailedProvisioning.delay(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(FailedProvisioning.delay(4)).isEqualTo(Duration.ofSeconds(80));
        assertThat(FailedProvisioning.delay(7)).isEqualTo(Duration.ofMinutes(10));
        assertThat(FailedProvisioning.delay(400)).isEqualTo(Duration.ofMinutes(10));
    }
}
