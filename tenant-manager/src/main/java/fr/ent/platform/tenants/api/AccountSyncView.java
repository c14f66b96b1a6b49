package fr.ent.platform.tenants.api;

import fr.ent.platform.tenants.identity.AccountSync;
import java.util.List;
import java.util.UUID;

/** The answer of an account sync: counts, and the new accounts with their activation code (shown once). */
public record AccountSyncView(String realm, int directoryUsers, int alreadyThere, int created,
        List<AccountSync.NewAccount> accounts, List<UUID> notCreated) {

    static AccountSyncView of(AccountSync.Result r) {
        return new AccountSyncView(r.realm(), r.directoryUsers(), r.alreadyThere(), r.created().size(), r.created(),
                r.notCreated());
    }
}
