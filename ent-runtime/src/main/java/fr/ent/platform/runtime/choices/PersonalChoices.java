package fr.ent.platform.runtime.choices;

import java.time.ZoneId;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What each user of the current collectivity chose for themselves (Mon compte), as the platform reads it: the
 * language the portal speaks to them (remembered across devices: applied at sign-in) and the time zone their
 * quiet hours are in. Implemented by the directory, which owns the people.
 */
public interface PersonalChoices {

    /** The user's language, if they chose one. */
    Optional<Locale> language(UUID user);

    /** Remembers the user's language (one of the portal's languages). */
    void chooseLanguage(UUID user, Locale language);

    /** The user's time zone: their own choice, else the collectivity's. */
    ZoneId timeZone(UUID user);

    /**
     * The collectivity's time zone, which everyone has until they choose theirs (an overseas collectivity sets its
     * own; Europe/Paris otherwise).
     */
    ZoneId collectivityTimeZone();

    /** The time zones of many users at once (for a delivery to a group). */
    Map<UUID, ZoneId> timeZones(Collection<UUID> users);

    /** Remembers the user's time zone; an unknown zone id is refused as invalid input. */
    void chooseTimeZone(UUID user, String zoneId);

    /** The user's favourite apps in their order, if they ever chose (the home page offers them first). */
    Optional<java.util.List<String>> favouriteApps(UUID user);

    /** Remembers the user's favourite apps in this order (app ids; the caller keeps them to apps they may open). */
    void chooseFavouriteApps(UUID user, java.util.List<String> apps);
}
