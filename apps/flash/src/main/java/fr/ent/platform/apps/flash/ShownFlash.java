package fr.ent.platform.apps.flash;

/** A flash message as a reader sees it: what it says, not whom else it targets. */
public record ShownFlash(String id, String title, String text, String level) {

    static ShownFlash of(FlashMessage m) {
        return new ShownFlash(m.id().toString(), m.title(), m.text(), m.level().code());
    }
}
