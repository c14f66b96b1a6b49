package fr.ent.platform.tenants.api;

import fr.ent.platform.adminapi.AccountSyncView;
import fr.ent.platform.adminapi.CollectivityView;
import fr.ent.platform.adminapi.IdentityProviderView;
import fr.ent.platform.adminapi.ProvisioningView;
import fr.ent.platform.tenants.brokering.UpstreamProvider;
import fr.ent.platform.tenants.identity.AccountSync;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.registry.StepRecord;
import java.util.List;

/** From the registry's objects to the admin API's views (module admin-api-contract): the one place that maps them. */
final class Views {

    private Views() {
    }

    static CollectivityView of(Collectivity c) {
        return new CollectivityView(c.slug(), c.kind().label(), c.displayName(), c.domains(), c.state(),
                c.failedStep(), c.failureReason(), c.names().schema(), c.schemaVersion(), c.schemaError(),
                c.dataRetained(), c.createdAt(), c.updatedAt(), c.plan());
    }

    static ProvisioningView of(Collectivity c, List<StepRecord> records) {
        List<ProvisioningView.Step> steps = records.stream()
                .map(r -> new ProvisioningView.Step(r.step().name(), r.status(), r.attempts(), r.startedAt(),
                        r.finishedAt(), r.error()))
                .toList();
        int done = (int) records.stream().filter(StepRecord::done).count();
        return new ProvisioningView(c.slug(), c.state(), c.failedStep(), c.failureReason(), done, records.size(),
                steps);
    }

    static IdentityProviderView of(Collectivity c, UpstreamProvider p) {
        return new IdentityProviderView(p.alias(), p.kind().name(), p.displayName(), p.settings(),
                p.clientSecret().isPresent(),
                "/realms/" + c.names().realm() + "/broker/" + p.alias() + "/endpoint");
    }

    static AccountSyncView of(AccountSync.Result r) {
        List<AccountSyncView.NewAccount> accounts = r.created().stream()
                .map(a -> new AccountSyncView.NewAccount(a.login(), a.activationCode(), a.userId(), a.profile(),
                        a.expiresAt()))
                .toList();
        return new AccountSyncView(r.realm(), r.directoryUsers(), r.alreadyThere(), r.created().size(), accounts,
                r.notCreated());
    }
}
