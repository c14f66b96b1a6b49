package fr.ent.platform.apps.messagerie.mail;

import fr.ent.platform.runtime.communication.Recipient;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * How a reply, a reply to all or a forward starts, from the message it answers: addressees, subject and quoted
 * text. A reply goes to the author; a reply to all also to the other addressees in To and Cc (never the Bcc,
 * which only the author saw), but not to the one replying; a forward goes to nobody yet and keeps the attachments.
 */
public enum Answer {
    REPLY, REPLY_ALL, FORWARD;

    /** The draft an answer starts as (its recipients are checked by the rules again when it is sent). */
    public record Start(Addressing addressing, String subject, String body) {
    }

    public Start start(Held original, UUID me, Locale locale) {
        Address author = new Address(Recipient.Kind.USER, original.authorId());
        Addressing addressing = switch (this) {
            case REPLY -> new Addressing(List.of(author), List.of(), List.of()).without(me);
            case REPLY_ALL -> new Addressing(concat(author, original.addressing().to()), original.addressing().cc(),
                    List.of()).without(me);
            case FORWARD -> Addressing.NOBODY;
        };
        String prefix = this == FORWARD ? "Tr : " : "Re : ";
        String subject = original.subject().startsWith(prefix) ? original.subject() : prefix + original.subject();
        if (subject.length() > Composition.MAX_SUBJECT) {
            subject = subject.substring(0, Composition.MAX_SUBJECT);
        }
        String when = original.sentAt() == null ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                        .format(original.sentAt());
        // the original body was sanitized when it was stored; the whole draft is sanitized again when saved
        String body = "<p></p><p>" + escape(original.authorName()) + ", " + when + " :</p><blockquote>"
                + original.body() + "</blockquote>";
        return new Start(addressing, subject, body);
    }

    private static List<Address> concat(Address first, List<Address> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
