package fr.ent.platform.apps.messagerie.web;

import fr.ent.platform.apps.messagerie.mail.Address;
import fr.ent.platform.apps.messagerie.mail.MessageInput;
import fr.ent.platform.apps.messagerie.mail.Views;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the compose form holds: the chosen addressees (each in To, Cc or Bcc, with the name shown), the subject, the
 * body as the textarea shows it, the words of the recipient search and the send key made when the page was shown.
 * Read from a posted form ({@link #posted}) or from a saved draft ({@link #of(Views.Message, UUID)}).
 *
 * @param draft the draft being written, none for a new message not saved yet
 */
public record ComposeForm(Optional<UUID> draft, List<Chosen> chosen, String subject, String body, String query,
        UUID sendKey) {

    /** The fields an addressee may be in, as the form names them. */
    public static final List<String> FIELDS = List.of("to", "cc", "bcc");

    /** An addressee on the form: its token ({@code user:<id>}), field and name. */
    public record Chosen(String token, String field, String name) {
    }

    public ComposeForm {
        chosen = List.copyOf(chosen);
    }

    public static ComposeForm blank() {
        return new ComposeForm(Optional.empty(), List.of(), "", "", null, UUID.randomUUID());
    }

    /** A saved draft as the form shows it, with a new send key. */
    public static ComposeForm of(Views.Message draft, UUID sendKey) {
        List<Chosen> chosen = new ArrayList<>();
        draft.to().forEach(a -> chosen.add(new Chosen(a.address(), "to", a.name())));
        draft.cc().forEach(a -> chosen.add(new Chosen(a.address(), "cc", a.name())));
        draft.bcc().forEach(a -> chosen.add(new Chosen(a.address(), "bcc", a.name())));
        return new ComposeForm(Optional.of(draft.id()), chosen, draft.subject(), DraftText.of(draft.body()), null,
                sendKey);
    }

    /**
     * The form as posted: each {@code addressee} with its {@code field.<token>} select and {@code name.<token>}
     * (the name the page showed), without those ticked in {@code remove}; then one more if a search result's
     * {@code add} button was pressed. A token that names nobody is kept as typed: the service refuses it.
     */
    public static ComposeForm posted(Optional<UUID> draft, Function<String, String> parameter,
            Function<String, String[]> parameters, Optional<String> added) {
        Set<String> removed = Set.of(orEmpty(parameters.apply("remove")));
        List<Chosen> chosen = new ArrayList<>();
        for (String token : orEmpty(parameters.apply("addressee"))) {
            if (!removed.contains(token) && chosen.stream().noneMatch(c -> c.token().equals(token))) {
                chosen.add(new Chosen(token, field(parameter.apply("field." + token)),
                        nonNull(parameter.apply("name." + token))));
            }
        }
        added.filter(token -> chosen.stream().noneMatch(c -> c.token().equals(token))).ifPresent(token ->
                chosen.add(new Chosen(token, field(parameter.apply("as." + token)),
                        nonNull(parameter.apply("name." + token)))));
        return new ComposeForm(draft, chosen, nonNull(parameter.apply("subject")), nonNull(parameter.apply("body")),
                parameter.apply("q"), sendKey(parameter.apply("sendKey")));
    }

    /** What the services are given to save or send. */
    public MessageInput input() {
        return new MessageInput(tokens("to"), tokens("cc"), tokens("bcc"), subject, body);
    }

    public ComposeForm withDraft(UUID id) {
        return new ComposeForm(Optional.of(id), chosen, subject, body, query, sendKey);
    }

    /** Where the form posts: the draft, or the new message's address. */
    public String action() {
        return draft.map(id -> "/messagerie/drafts/" + id).orElse("/messagerie/compose");
    }

    /** Whether this addressee may be shown (a token the form itself wrote); a crafted one is shown as typed. */
    public static boolean isAddress(String token) {
        return Address.parse(token).isPresent();
    }

    /** The addressees' tokens, to leave out of the search results. */
    public Set<String> tokens() {
        return Set.copyOf(chosen.stream().map(Chosen::token).toList());
    }

    /** A safe id for the form's elements of one addressee. */
    public static String htmlId(String token) {
        return token.replaceAll("[^A-Za-z0-9-]", "-");
    }

    private List<String> tokens(String field) {
        return chosen.stream().filter(c -> c.field().equals(field)).map(Chosen::token).toList();
    }

    private static String field(String value) {
        String v = value == null ? "" : value.toLowerCase(Locale.ROOT);
        return FIELDS.contains(v) ? v : "to";
    }

    private static UUID sendKey(String value) {
        try {
            return UUID.fromString(String.valueOf(value));
        } catch (IllegalArgumentException notAKey) {
            return UUID.randomUUID();
        }
    }

    private static String[] orEmpty(String[] values) {
        return values == null ? new String[0] : values;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    /** The values a posted form gives, for tests and for the servlet's request alike. */
    static ComposeForm posted(Optional<UUID> draft, Map<String, String[]> form, Optional<String> added) {
        return posted(draft, name -> form.containsKey(name) ? form.get(name)[0] : null, form::get, added);
    }
}
