package fr.ent.platform.apps.notifications.web;

import fr.ent.platform.apps.notifications.NotificationsApp;
import fr.ent.platform.apps.notifications.quiet.QuietRanges;
import fr.ent.platform.apps.notifications.quiet.StoredQuietRange.Owner;
import fr.ent.platform.runtime.account.AccountSection;
import fr.ent.platform.runtime.choices.PersonalChoices;
import fr.ent.platform.runtime.portal.Widget;
import fr.ent.platform.runtime.web.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.format.TextStyle;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;

/**
 * Mon compte's "Notifications and the right to disconnect": the user's quiet hours and time zone as they stand,
 * and the way to the page that changes them with what they receive per type.
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
        if (me.isEmpty()) {
            return Optional.empty();
        }
        ResourceBundle texts = Pages.bundle(NotificationsApp.DESCRIPTOR.messages(), reader.locale(),
                RightToDisconnectSection.class.getClassLoader());
        java.util.List<String> ranges = quiet.of(Owner.USER, me.get()).stream().map(r -> r.days().stream().sorted()
                .map(d -> d.getDisplayName(TextStyle.SHORT, reader.locale())).reduce((a, b) -> a + ", " + b)
                .orElse("") + " : " + fr.ent.platform.apps.notifications.quiet.QuietRange.time(r.startsMinute())
                + "–" + fr.ent.platform.apps.notifications.quiet.QuietRange.time(r.endsMinute())).toList();
        String zone = personal.timeZone(me.get()).getId();
        return Optional.of(new Widget("right-to-disconnect", texts.getString("settings.title"),
                output -> LatestNotificationsWidget.TEMPLATES.render("account.jte", Map.of("texts", texts,
                        "ranges", ranges, "zone", zone), output)));
    }
}
