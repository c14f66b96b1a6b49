package fr.ent.platform.apps.directory.model;

import fr.ent.platform.runtime.persistence.UuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;






/** What a user chose for themselves (language, time zone); absent values follow the collectivity's defaults. */
@Entity
@Table(name = "user_setting")
public class UserSetting {

    @Id
    @Convert(UuidConverter.NAME)
    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Column(name = "language")
    private String language;

    @Column(name = "time_zone")
    private String timeZone;

    @Column(name = "favourite_apps")
    private String favouriteApps;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected UserSetting() {
    }

    public UserSetting(UUID userId, OffsetDateTime now) {
        this.userId = userId;
        this.updatedAt = now;
    }

    public UUID userId() {
        return userId;
    }

    public Optional<String> language() {
        return Optional.ofNullable(language);
    }

    public Optional<String> timeZone() {
        return Optional.ofNullable(timeZone);
    }

    /** The user's favourite apps in their order; empty if they never chose. */
    public Optional<java.util.List<String>> favouriteApps() {
        return Optional.ofNullable(favouriteApps)
                .map(f -> f.isEmpty() ? java.util.List.<String>of() : java.util.List.of(f.split(",")));
    }

    public void chooseFavourites(java.util.List<String> apps, OffsetDateTime now) {
        this.favouriteApps = String.join(",", apps);
        this.updatedAt = now;
    }

    public void choose(Optional<String> newLanguage, Optional<String> newTimeZone, OffsetDateTime now) {
        newLanguage.ifPresent(l -> this.language = l);
        newTimeZone.ifPresent(z -> this.timeZone = z);
        this.updatedAt = now;
    }
}
