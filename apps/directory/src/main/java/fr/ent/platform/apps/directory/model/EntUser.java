package fr.ent.platform.apps.directory.model;

import fr.ent.platform.runtime.persistence.UuidConverter;
import fr.ent.platform.apps.directory.Profile;
import fr.ent.platform.apps.directory.Text;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;






/**
 * A person of the collectivity's directory with one profile. {@code externalId} is the identity given by a feed
 * (e.g. a BE1D import) so that re-importing updates the same person; users created by hand have none.
 */
@Entity(name = "EntUser")
@Table(name = "ent_user")
public class EntUser {

    @Id
    @Convert(UuidConverter.NAME)
    private UUID id;

    @Column(name = "external_id")
    private String externalId;

    @Enumerated(EnumType.STRING)
    @Column(name = "profile", nullable = false)
    private Profile profile;

    @Column(name = "last_name", nullable = false)
    private String lastName;

    @Column(name = "first_name", nullable = false)
    private String firstName;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    @Column(name = "email")
    private String email;

    @Column(name = "structure_id")
    @Convert(UuidConverter.NAME)
    private UUID structureId;

    @Column(name = "search_key", nullable = false)
    private String searchKey;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected EntUser() {
    }

    public EntUser(UUID id, String externalId, Profile profile, String lastName, String firstName,
            LocalDate birthDate, String email, UUID structureId) {
        this.id = id;
        this.externalId = externalId;
        this.profile = profile;
        this.structureId = structureId;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        update(lastName, firstName, birthDate, email);
    }

    /**
     * Refreshes what a feed says about this person; returns whether anything changed. The search key always
     * follows the names, so that search finds the person under the new spelling.
     */
    public boolean update(String lastName, String firstName, LocalDate birthDate, String email) {
        boolean changed = !Objects.equals(this.lastName, lastName) || !Objects.equals(this.firstName, firstName)
                || !Objects.equals(this.birthDate, birthDate) || !Objects.equals(this.email, email);
        this.lastName = lastName;
        this.firstName = firstName;
        this.birthDate = birthDate;
        this.email = email;
        this.searchKey = Text.searchKey(lastName, firstName);
        return changed;
    }

    public UUID id() {
        return id;
    }

    public String externalId() {
        return externalId;
    }

    public Profile profile() {
        return profile;
    }

    public String lastName() {
        return lastName;
    }

    public String firstName() {
        return firstName;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public String email() {
        return email;
    }

    public UUID structureId() {
        return structureId;
    }

    public String searchKey() {
        return searchKey;
    }
}
