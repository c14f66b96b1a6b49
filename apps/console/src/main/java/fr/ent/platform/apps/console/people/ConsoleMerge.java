package fr.ent.platform.apps.console.people;

import fr.ent.platform.adminapi.AccountView;
import fr.ent.platform.apps.console.scope.ConsoleScope;
import fr.ent.platform.apps.directory.merge.MergePlan;
import fr.ent.platform.apps.directory.merge.MergeService;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.runtime.security.login.PortalSession;
import fr.ent.platform.runtime.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Merging two records of the same person from the console (ADR 0025): the page's person is kept, the other one
 * (found by name among the same profile) disappears into it. Both must be people the scope reaches (else
 * {@code user-not-found}, as a guessed id; an id of another collectivity is not in this directory at all). A preview
 * shows what the directory will move ({@link MergePlan}) and the other record's account; confirming blocks that
 * account in Keycloak (through tenant-manager, with the administrator's token: its sessions end, nobody signs in
 * with it any more), then merges in the directory, in one transaction. If the merge fails, the account is unblocked
 * again, so nothing changed.
 */
@ApplicationScoped
public class ConsoleMerge {

    private static final Logger LOG = Logger.getLogger(ConsoleMerge.class.getName());

    @Inject
    ConsolePeople people;

    @Inject
    ConsoleAccounts accounts;

    @Inject
    MergeService merges;

    /** Both cards, the plan, and the other record's account if it has one. */
    public record Preview(ConsolePeople.Person kept, ConsolePeople.Person other, MergePlan plan,
            AccountView otherAccount) {
    }

    public Preview preview(ConsoleScope scope, Tenant tenant, PortalSession session, String keptId, String otherId,
            Locale language) {
        ConsolePeople.Person kept = people.get(scope, keptId);
        ConsolePeople.Person other = people.get(scope, required(otherId));
        MergePlan plan = merges.preview(keptId, otherId);
        return new Preview(kept, other, plan,
                accounts.account(scope, tenant, session, other, language).orElse(null));
    }

    /** Merges the other record into the kept one; returns the kept person's card afterwards. */
    public ConsolePeople.Person merge(ConsoleScope scope, Tenant tenant, PortalSession session, String keptId,
            String otherId, Locale language) {
        Preview preview = preview(scope, tenant, session, keptId, otherId, language);
        if (!preview.plan().possible()) {
            throw InvalidInput.field("other", preview.plan().refusals().get(0).key());
        }
        Optional<AccountView> account = Optional.ofNullable(preview.otherAccount());
        boolean blocked = account.filter(AccountView::enabled).isPresent();
        if (blocked) {
            accounts.setEnabled(scope, tenant, session, preview.other(), false, language);
        }
        try {
            merges.merge(keptId, otherId, scope.username());
        } catch (RuntimeException e) {
            if (blocked) {
                try {
                    accounts.setEnabled(scope, tenant, session, preview.other(), true, language);
                } catch (RuntimeException again) {
                    LOG.log(Level.WARNING, "tenant=" + tenant.slug() + " merge of " + otherId + " failed and its"
                            + " account stays blocked", again);
                }
            }
            throw e;
        }
        LOG.info(() -> "tenant=" + tenant.slug() + " " + scope.username() + " merged person " + otherId + " into "
                + keptId);
        return people.get(scope, keptId);
    }

    private static String required(String otherId) {
        if (otherId == null || otherId.isBlank()) {
            throw InvalidInput.field("other", "console.merge-other");
        }
        return otherId;
    }
}
