package fr.ent.platform.runtime.antivirus;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.testing.ports.FreePorts;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** clamd's replies read right, and a scanner that cannot reach clamd says so instead of passing the file. */
class ClamdScannerTest {

    @Test
    void repliesAreReadAsVerdicts() {
        assertThat(ClamdScanner.verdict("stream: OK")).isEqualTo(new ScanVerdict.Clean());
        assertThat(ClamdScanner.verdict("stream: Eicar-Test-Signature FOUND"))
                .isEqualTo(new ScanVerdict.Infected("Eicar-Test-Signature"));
        assertThat(ClamdScanner.verdict("INSTREAM size limit exceeded. ERROR"))
                .isInstanceOf(ScanVerdict.Unavailable.class);
        assertThat(ClamdScanner.verdict("")).isInstanceOf(ScanVerdict.Unavailable.class);
    }

    @Test
    void aClosedPortIsUnavailableNotClean() {
        ClamdScanner scanner = new ClamdScanner("127.0.0.1", FreePorts.next(), Duration.ofSeconds(2));
        assertThat(scanner.scan(new ByteArrayInputStream(new byte[10]))).isInstanceOf(ScanVerdict.Unavailable.class);
        assertThat(scanner.ping()).isFalse();
    }

    @Test
    void withoutClamdConfiguredEveryScanIsUnavailableUnlessScanningWasSwitchedOff() {
        assertThat(VirusScanner.none("x").scan(new ByteArrayInputStream(new byte[1])))
                .isInstanceOf(ScanVerdict.Unavailable.class);
        assertThat(VirusScanner.notScanning("x").scan(new ByteArrayInputStream(new byte[1])))
                .isEqualTo(new ScanVerdict.Clean());
    }
}
