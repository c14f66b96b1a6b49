package fr.ent.platform.runtime.moderation;

import java.util.Locale;
import java.util.Optional;

/** Why a reader reports a content: the short list a report form offers (free text comes with it). */
public enum ReportReason {
    HARASSMENT, HATE, INAPPROPRIATE, PERSONAL_DATA, SPAM, OTHER;

    /** The code as forms and the API spell it ({@code personal-data}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<ReportReason> parse(String code) {
        for (ReportReason r : values()) {
            if (r.code().equals(code)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
