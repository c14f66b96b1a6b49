package fr.ent.platform.apps.wiki.web;

import fr.ent.platform.apps.wiki.Member;
import fr.ent.platform.apps.wiki.Views;
import fr.ent.platform.apps.wiki.Wikis;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.runtime.collab.LiveKey;
import fr.ent.platform.runtime.collab.LiveText;
import fr.ent.platform.runtime.collab.LiveTexts;
import fr.ent.platform.runtime.tenant.Tenant;
import java.util.UUID;

/**
 * A page's live editing session ({@code /wiki/pages/<id>/live}, ADR 0037): the runtime's {@link LiveText} of the
 * page, keyed by this collectivity and this page, joined only by someone who may write the page (the wiki's rights,
 * asked at each request as for a save: a reader gets 403, someone without any right 404, as for the page).
 */
final class LivePage {

    static final String KIND = "wiki-page";

    private LivePage() {
    }

    /** The session of a page the caller may write, started from its stored content if none is going. */
    static LiveText join(LiveTexts lives, Tenant tenant, Wikis wikis, Member me, UUID id) {
        Views.Page page = wikis.page(me, id);
        if (!page.writes()) {
            throw new NotAllowed("forbidden");
        }
        return lives.open(key(tenant, id), () -> LiveText.of(page.content(), page.version()));
    }

    /** A save of the page: its session (if any) hears of it; saved from the session, its editors build on it. */
    static void saved(LiveTexts lives, Tenant tenant, UUID id, int version, boolean fromSession) {
        lives.find(key(tenant, id)).ifPresent(live -> live.saved(version, fromSession));
    }

    private static LiveKey key(Tenant tenant, UUID page) {
        return new LiveKey(tenant.id().toString(), KIND, page.toString());
    }
}
