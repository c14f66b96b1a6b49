package fr.ent.platform.apps.messagerie.mail;

import java.util.List;

/**
 * A message as a client writes it: addressees as {@code user:<id>} or {@code group:<id>} (from the recipient
 * picker), a subject and a body (HTML, sanitized on the server; plain text becomes paragraphs).
 */
public record MessageInput(List<String> to, List<String> cc, List<String> bcc, String subject, String body) {
}
