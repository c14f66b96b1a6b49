package fr.ent.platform.apps.directory.service;

import fr.ent.platform.apps.directory.DirectoryData;
import fr.ent.platform.tenancy.InvalidTenantInputException;
import fr.ent.platform.apps.directory.model.TenantSetting;
import fr.ent.platform.apps.directory.model.UserSetting;
import fr.ent.platform.runtime.choices.PersonalChoices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The directory keeps each person's own choices (language, time zone) beside their record, in a table imports
 * never rewrite. The collectivity's time zone is its setting {@code time-zone} (overseas collectivities set
 * theirs), Europe/Paris otherwise.
 */
@ApplicationScoped
public class PersonalSettings implements PersonalChoices {

    public static final String COLLECTIVITY_TIME_ZONE = "time-zone";
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Paris");
    private static final Set<String> LANGUAGES = Set.of("fr", "en", "es");

    @Inject
    DirectoryData data;

    @Inject
    Clock clock;

    @Inject
    fr.ent.platform.runtime.persistence.RequestMemo memo;

    @Override
    public Optional<Locale> language(UUID user) {
        return data.read(em -> Optional.ofNullable(em.find(UserSetting.class, user))
                .flatMap(UserSetting::language).map(Locale::forLanguageTag));
    }

    @Override
    public void chooseLanguage(UUID user, Locale language) {
        String tag = language.getLanguage();
        if (!LANGUAGES.contains(tag)) {
            throw new InvalidTenantInputException("language", "user.language", tag);
        }
        choose(user, Optional.of(tag), Optional.empty());
    }

    @Override
    public ZoneId timeZone(UUID user) {
        return timeZones(List.of(user)).get(user);
    }

    @Override
    public ZoneId collectivityTimeZone() {
        return memo.once("collectivity.timeZone", () -> data.read(PersonalSettings::collectivityZone));
    }

    @Override
    public Map<UUID, ZoneId> timeZones(Collection<UUID> users) {
        return data.read(em -> {
            ZoneId collectivity = collectivityZone(em);
            Map<UUID, ZoneId> zones = new HashMap<>();
            users.forEach(u -> zones.put(u, collectivity));
            if (!users.isEmpty()) {
                em.createQuery("SELECT s FROM UserSetting s WHERE s.userId IN :users AND s.timeZone IS NOT NULL",
                                UserSetting.class)
                        .setParameter("users", List.copyOf(users)).getResultList()
                        .forEach(s -> zones.put(s.userId(), ZoneId.of(s.timeZone().orElseThrow())));
            }
            return zones;
        });
    }

    @Override
    public void chooseTimeZone(UUID user, String zoneId) {
        choose(user, Optional.empty(), Optional.of(zone(zoneId).getId()));
    }

    @Override
    public Optional<List<String>> favouriteApps(UUID user) {
        return data.read(em -> Optional.ofNullable(em.find(UserSetting.class, user))
                .flatMap(UserSetting::favouriteApps));
    }

    @Override
    public void chooseFavouriteApps(UUID user, List<String> apps) {
        data.write(em -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            setting(em, user, now).chooseFavourites(apps, now);
            return null;
        });
    }

    /** A region time zone this JVM knows ("Indian/Reunion", "America/Cayenne"...): fixed offsets are refused. */
    public static ZoneId zone(String zoneId) {
        if (zoneId == null || zoneId.length() > 64 || !ZoneId.getAvailableZoneIds().contains(zoneId)) {
            throw new InvalidTenantInputException("timeZone", "user.time-zone", zoneId == null ? "" : zoneId);
        }
        try {
            return ZoneId.of(zoneId);
        } catch (DateTimeException e) {
            throw new InvalidTenantInputException("timeZone", "user.time-zone", zoneId);
        }
    }

    private void choose(UUID user, Optional<String> language, Optional<String> zone) {
        data.write(em -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            setting(em, user, now).choose(language, zone, now);
            return null;
        });
    }

    /** The user's settings row, made on first choice; only for a person of this directory. */
    private static UserSetting setting(EntityManager em, UUID user, OffsetDateTime now) {
        if (em.find(fr.ent.platform.apps.directory.model.EntUser.class, user) == null) {
            throw new IllegalStateException("no directory user " + user);
        }
        UserSetting setting = em.find(UserSetting.class, user);
        if (setting == null) {
            setting = new UserSetting(user, now);
            em.persist(setting);
        }
        return setting;
    }

    private static ZoneId collectivityZone(EntityManager em) {
        TenantSetting setting = em.find(TenantSetting.class, COLLECTIVITY_TIME_ZONE);
        return setting == null ? DEFAULT_ZONE : ZoneId.of(setting.value());
    }
}
