package fr.ent.platform.testing.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.ent.platform.testing.ports.FreePorts;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;

/**
 * A real SMTP server in the test JVM (GreenMail) on a free loopback port: the code under test sends real mail over
 * SMTP, the test reads what arrived. The caller closes it.
 */
public final class TestMailServer implements AutoCloseable {

    private final GreenMail greenMail;

    private TestMailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** Starts SMTP (no authentication, no TLS) on 127.0.0.1 and a free port. */
    public static TestMailServer start() {
        ServerSetup smtp = new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail greenMail = new GreenMail(smtp);
        greenMail.start();
        return new TestMailServer(greenMail);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    /**
     * Waits until {@code count} messages arrived in total (or the timeout passed) and returns all received so far;
     * the test asserts on the list, so a missing message fails there with what did arrive.
     */
    public List<MimeMessage> awaitMessages(int count, Duration timeout) {
        greenMail.waitForIncomingEmail(timeout.toMillis(), count);
        return List.of(greenMail.getReceivedMessages());
    }

    public List<MimeMessage> received() {
        return List.of(greenMail.getReceivedMessages());
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
