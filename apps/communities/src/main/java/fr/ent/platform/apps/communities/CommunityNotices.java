package fr.ent.platform.apps.communities;

import fr.ent.platform.runtime.notify.Notice;
import fr.ent.platform.runtime.notify.Timeline;
import fr.ent.platform.runtime.web.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The notifications of the communities, posted to the platform's timeline after the change they tell of committed:
 * an invitation to the invitee, a request to the administrators, an announcement to the members (the author is never
 * notified of their own notice). Texts in every language of the portal, from the app's bundle.
 */
@ApplicationScoped
public class CommunityNotices {

    @Inject
    Timeline timeline;

    void invited(Person by, Views.Summary community, java.util.UUID invitee) {
        timeline.post(new Notice(CommunitiesApp.INVITED.id(), texts("notice.invited", by.name(), community.name()),
                Optional.of(link(community)), Set.of(invitee), Set.of(), Optional.of(by.id())));
    }

    void requested(Person by, Views.Summary community, Set<java.util.UUID> admins) {
        timeline.post(new Notice(CommunitiesApp.REQUESTED.id(), texts("notice.requested", by.name(), community.name()),
                Optional.of(link(community) + "/members"), admins, Set.of(), Optional.of(by.id())));
    }

    void announced(Person by, Views.Summary community, String title, Set<java.util.UUID> members) {
        timeline.post(new Notice(CommunitiesApp.ANNOUNCED.id(), texts("notice.announced", community.name(), title),
                Optional.of(link(community)), members, Set.of(), Optional.of(by.id())));
    }

    private static String link(Views.Summary community) {
        return "/communities/" + community.id();
    }

    static Map<String, String> texts(String key, Object... arguments) {
        Map<String, String> texts = new HashMap<>();
        for (Locale language : Pages.LANGUAGES) {
            texts.put(language.getLanguage(), new MessageFormat(CommunitiesApp.texts(language).getString(key), language)
                    .format(arguments));
        }
        return texts;
    }
}
