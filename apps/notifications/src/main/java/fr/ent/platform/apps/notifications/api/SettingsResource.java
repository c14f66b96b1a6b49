package fr.ent.platform.apps.notifications.api;

import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.apps.directory.service.StructureService;
import fr.ent.platform.apps.notifications.preferences.Preferences;
import fr.ent.platform.apps.notifications.quiet.QuietRange;
import fr.ent.platform.apps.notifications.quiet.QuietRanges;
import fr.ent.platform.apps.notifications.quiet.StoredQuietRange.Owner;
import fr.ent.platform.runtime.security.Allow;
import fr.ent.platform.runtime.security.Caller;
import fr.ent.platform.runtime.security.Roles;
import fr.ent.platform.runtime.security.StructureAdmins;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The right to disconnect and what to receive: a user's preferences per type and quiet hours (their own, read and
 * written only by them), and a school's quiet hours (set by its administrators).
 */
@Path("/notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SettingsResource {

    private static final Pattern TIME = Pattern.compile("^([01][0-9]|2[0-4]):([0-5][0-9])$");

    @Inject
    Preferences preferences;

    @Inject
    QuietRanges quiet;

    @Inject
    Caller caller;

    @Inject
    StructureAdmins admins;

    @Inject
    StructureService structures;

    /** A range of quiet hours: days (MONDAY...SUNDAY), from and to as HH:MM, to up to 24:00. */
    public record RangeBody(List<String> days, String from, String to) {
        static RangeBody of(QuietRange r) {
            return new RangeBody(r.days().stream().sorted().map(DayOfWeek::name).toList(),
                    QuietRange.time(r.startsMinute()), QuietRange.time(r.endsMinute()));
        }
    }

    @GET
    @Path("/preferences")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Mes préférences par type de notification (affichée, envoyée par courriel)")
    public List<Preferences.Choice> myPreferences() {
        return preferences.of(Callers.me(caller));
    }

    @PUT
    @Path("/preferences")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Change mes préférences pour les types donnés")
    public List<Preferences.Choice> choose(List<Preferences.Choice> choices) {
        if (choices == null) {
            throw new InvalidInput("invalid-input", "corps : une liste de choix {type, shown, emailed}");
        }
        return preferences.choose(Callers.me(caller), choices);
    }

    @GET
    @Path("/quiet-hours")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Mes heures de tranquillité (dans mon fuseau horaire)")
    public List<RangeBody> myQuietHours() {
        return quiet.of(Owner.USER, Callers.me(caller)).stream().map(RangeBody::of).toList();
    }

    @PUT
    @Path("/quiet-hours")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Remplace mes heures de tranquillité")
    public List<RangeBody> setMyQuietHours(List<RangeBody> ranges) {
        return quiet.replace(Owner.USER, Callers.me(caller), parse(ranges)).stream().map(RangeBody::of).toList();
    }

    @GET
    @Path("/structures/{id}/quiet-hours")
    @Allow({Roles.SUPER_ADMIN, Roles.ADMIN_LOCAL})
    @Operation(summary = "Les heures de tranquillité d'une école (pour ses administrateurs)")
    public List<RangeBody> schoolQuietHours(@PathParam("id") String id) {
        return quiet.of(Owner.STRUCTURE, administered(id)).stream().map(RangeBody::of).toList();
    }

    @PUT
    @Path("/structures/{id}/quiet-hours")
    @Allow({Roles.SUPER_ADMIN, Roles.ADMIN_LOCAL})
    @Operation(summary = "Remplace les heures de tranquillité d'une école, appliquées à chacun dans son fuseau horaire")
    public List<RangeBody> setSchoolQuietHours(@PathParam("id") String id, List<RangeBody> ranges) {
        UUID school = administered(id);
        return quiet.replace(Owner.STRUCTURE, school, parse(ranges)).stream().map(RangeBody::of).toList();
    }

    /** The school, if it is one of this collectivity's and the caller administers it (404 / 403 otherwise). */
    private UUID administered(String id) {
        var school = structures.get(id);
        admins.requireAdminOf(school.uai());
        return school.id();
    }

    static List<QuietRange> parse(List<RangeBody> ranges) {
        if (ranges == null) {
            throw new InvalidInput("invalid-input", "corps : une liste de plages {days, from, to}");
        }
        // too many ranges, inverted or overlapping ones: one rule, QuietRange.check, in the service
        return ranges.stream().map(SettingsResource::range).toList();
    }

    private static QuietRange range(RangeBody body) {
        if (body == null) {
            throw new InvalidInput("invalid-input", "plage : {days, from, to}");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String d : body.days() == null ? List.<String>of() : body.days()) {
            try {
                days.add(DayOfWeek.valueOf(d));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new InvalidInput("invalid-input", "days : MONDAY, TUESDAY… SUNDAY");
            }
        }
        return new QuietRange(days, minute("from", body.from()), minute("to", body.to()));
    }

    public static int minute(String field, String time) {
        Matcher m = time == null ? null : TIME.matcher(time);
        if (m == null || !m.matches() || (m.group(1).equals("24") && !m.group(2).equals("00"))) {
            throw new InvalidInput("invalid-input", field + " : une heure HH:MM entre 00:00 et 24:00");
        }
        return Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
    }
}
