package fr.ent.platform.apps.flash;

import java.time.OffsetDateTime;
import java.util.List;

/** A flash message as its administrators read it (API and admin pages). */
public record FlashView(String id, String title, String text, String level, List<String> profiles,
        List<String> structures, OffsetDateTime startsAt, OffsetDateTime endsAt, String author,
        OffsetDateTime updatedAt) {

    static FlashView of(FlashMessage m) {
        Target t = m.target();
        return new FlashView(m.id().toString(), m.title(), m.text(), m.level().code(), List.copyOf(t.profiles()),
                List.copyOf(t.structures()), m.startsAt(), m.endsAt(), m.author(), m.updatedAt());
    }
}
