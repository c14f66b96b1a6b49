package fr.ent.platform.testing.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** A message sent over real SMTP arrives, with its recipient, subject and French text intact. */
class TestMailServerTest {

    @Test
    void aMessageSentOverSmtpArrives() throws Exception {
        try (TestMailServer mail = TestMailServer.start()) {
            Properties settings = new Properties();
            settings.put("mail.smtp.host", mail.host());
            settings.put("mail.smtp.port", String.valueOf(mail.smtpPort()));
            MimeMessage message = new MimeMessage(Session.getInstance(settings));
            message.setFrom(new InternetAddress("ne-pas-repondre@lyon.ent.example.fr"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("sophie.martin@example.fr"));
            message.setSubject("Devoirs pour jeudi", "UTF-8");
            message.setText("Lire le chapitre 3, répondre aux questions.", "UTF-8");
            Transport.send(message);

            List<MimeMessage> received = mail.awaitMessages(1, Duration.ofSeconds(10));

            assertThat(received).singleElement().satisfies(m -> {
                assertThat(m.getSubject()).isEqualTo("Devoirs pour jeudi");
                assertThat(m.getAllRecipients()[0].toString()).isEqualTo("sophie.martin@example.fr");
                assertThat(((String) m.getContent()).trim()).isEqualTo("Lire le chapitre 3, répondre aux questions.");
            });
        }
    }
}
