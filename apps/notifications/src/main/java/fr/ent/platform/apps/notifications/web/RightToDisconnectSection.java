package fr.ent.platform.apps.notifications.web;

import fr.ent.platform.apps.notifications.NotificationsApp;
import fr.ent.platform.apps.notifications.quiet.QuietRange;
import fr.ent.platform.apps.notifications.quiet.QuietRanges;
import fr.ent.platform.apps.notifications.quiet.StoredQuietRange.Owner;
import fr.ent.platform.runtime.account.AccountSection;
import fr.ent.platform.runtime.choices.PersonalChoices;
import fr.ent.platform.runtime.portal.Widget;
import fr.ent.platform.runtime.security.StructureAdmins;
import fr.ent.platform.runtime.web.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;

/**
 * Mon compte's "Notifications and the right to disconnect": the user's quiet hours and time zone as they stand,
 * and the way to the page that changes them with what they receive per type; for administrators of schools, the
 * way to their schools' quiet hours.
 */
@ApplicationScoped
public class RightToDisconnectSection implements AccountSection {

    @Inject
    QuietRanges quiet;

    @Inject
    PersonalChoices personal;

    @Override
    public String app() {
        return NotificationsApp.ID;
    }

    @Override
    public int position() {
        return 50;
    }

    @Override
    public Optional<Widget> render(Reader reader) {
        Optional<UUID> me = reader.user().entUserId().map(UUID::fromString);
        // administrators may have no directory record (no quiet hours of their own) but still set their schools'
        boolean schools = StructureAdmins.administersSchools(reader.user());
        if (me.isEmpty() && !schools) {
            return Optional.empty();
        }
        ResourceBundle texts = Pages.bundle(NotificationsApp.DESCRIPTOR.messages(), reader.locale(),
                RightToDisconnectSection.class.getClassLoader());
        Map<String, Object> params = new HashMap<>();
        params.put("texts", texts);
        params.put("mine", me.isPresent());
        params.put("schools", schools);
        params.put("ranges", me.map(m -> quiet.of(Owner.USER, m).stream().map(r -> r.days().stream().sorted()
                .map(d -> d.getDisplayName(TextStyle.SHORT, reader.locale())).reduce((a, b) -> a + ", " + b)
                .orElse("") + " : " + QuietRange.time(r.startsMinute()) + "–" + QuietRange.time(r.endsMinute()))
                .toList()).orElse(List.of()));
        params.put("zone", me.map(m -> personal.timeZone(m).getId()).orElse(""));
        return Optional.of(new Widget("right-to-disconnect", texts.getString("settings.title"),
                output -> LatestNotificationsWidget.TEMPLATES.render("account.jte", params, output)));
    }
}
