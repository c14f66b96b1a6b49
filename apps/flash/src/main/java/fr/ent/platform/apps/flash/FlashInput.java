package fr.ent.platform.apps.flash;

import java.util.List;

/**
 * A flash message as an administrator sends it, from the API (JSON) or the form, before any check. Dates are
 * ISO-8601 with an offset ({@code 2026-12-03T08:00:00+01:00}) or, as a form's date-time field sends them, without
 * one: they are then read in {@link FlashDraft#FORM_ZONE}.
 *
 * @param structures school UAIs; empty or absent for the whole collectivity (SUPER_ADMIN only)
 */
public record FlashInput(String title, String text, String level, List<String> profiles, List<String> structures,
        String startsAt, String endsAt) {
}
