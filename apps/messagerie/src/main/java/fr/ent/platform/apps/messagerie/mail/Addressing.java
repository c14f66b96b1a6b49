package fr.ent.platform.apps.messagerie.mail;

import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.runtime.communication.Recipient;
import fr.ent.platform.runtime.communication.Recipients;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Whom a message goes to, by field. Someone named twice keeps the first field (To before Cc before Bcc): they get
 * the message once.
 */
public record Addressing(List<Address> to, List<Address> cc, List<Address> bcc) {

    public enum Field {
        TO, CC, BCC
    }

    public static final Addressing NOBODY = new Addressing(List.of(), List.of(), List.of());

    public Addressing {
        Set<Address> seen = new HashSet<>();
        to = distinct(to, seen);
        cc = distinct(cc, seen);
        bcc = distinct(bcc, seen);
    }

    /** The addressing that tokens give ({@code user:<id>}, {@code group:<id>}); an unreadable token is invalid input. */
    public static Addressing parse(Collection<String> to, Collection<String> cc, Collection<String> bcc) {
        return new Addressing(parsed("to", to), parsed("cc", cc), parsed("bcc", bcc));
    }

    public List<Address> in(Field field) {
        return switch (field) {
            case TO -> to;
            case CC -> cc;
            case BCC -> bcc;
        };
    }

    public Stream<Address> all() {
        return Stream.of(to, cc, bcc).flatMap(List::stream);
    }

    public boolean isEmpty() {
        return to.isEmpty() && cc.isEmpty() && bcc.isEmpty();
    }

    /** Everyone and every group, as the communication rules check them. */
    public Recipients recipients() {
        return new Recipients(ids(Recipient.Kind.USER), ids(Recipient.Kind.GROUP));
    }

    public Set<UUID> ids(Recipient.Kind kind) {
        return all().filter(a -> a.kind() == kind).map(Address::id).collect(Collectors.toSet());
    }

    /** This addressing without one person (the author of a reply-all is not their own recipient). */
    public Addressing without(UUID user) {
        Address me = new Address(Recipient.Kind.USER, user);
        return new Addressing(minus(to, me), minus(cc, me), minus(bcc, me));
    }

    private static List<Address> minus(List<Address> addresses, Address one) {
        return addresses.stream().filter(a -> !a.equals(one)).toList();
    }

    private static List<Address> distinct(List<Address> addresses, Set<Address> seen) {
        List<Address> kept = new ArrayList<>();
        for (Address a : new LinkedHashSet<>(addresses == null ? List.of() : addresses)) {
            if (seen.add(a)) {
                kept.add(a);
            }
        }
        return List.copyOf(kept);
    }

    private static List<Address> parsed(String field, Collection<String> tokens) {
        List<Address> addresses = new ArrayList<>();
        for (String token : tokens == null ? List.<String>of() : tokens) {
            addresses.add(Address.parse(token).orElseThrow(() -> new InvalidInput("invalid-input",
                    field + " : « " + abbreviated(token) + " » n'est pas un destinataire (user:<id> ou group:<id>)")));
        }
        return addresses;
    }

    private static String abbreviated(String token) {
        String t = String.valueOf(token);
        return t.length() > 60 ? t.substring(0, 60) + "…" : t;
    }
}
