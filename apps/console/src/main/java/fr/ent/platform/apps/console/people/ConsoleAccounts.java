package fr.ent.platform.apps.console.people;

import fr.ent.platform.adminapi.AccountEnabledRequest;
import fr.ent.platform.adminapi.AccountFunctionsRequest;
import fr.ent.platform.adminapi.AccountResetRequest;
import fr.ent.platform.adminapi.AccountResetView;
import fr.ent.platform.apps.console.tenantmanager.ConsoleProblems;
import fr.ent.platform.adminapi.AccountView;
import fr.ent.platform.apps.console.scope.ConsoleScope;
import fr.ent.platform.apps.console.scope.ConsoleScope.Function;
import fr.ent.platform.apps.console.tenantmanager.TenantManagerChannel;
import fr.ent.platform.problem.DependencyFailed;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.security.login.PortalSession;
import fr.ent.platform.runtime.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A person's account as the console shows and changes it: their functions and whether they are blocked. The account
 * is Keycloak's, and tenant-manager owns Keycloak: every read and change goes through {@link TenantManagerChannel}
 * with the administrator's own token (ADR 0021), after this class checked the {@link ConsoleScope}. Functions have one
 * source of truth, Keycloak (roles and {@code admin_structures}, carried by the tokens); the directory records none.
 *
 * <p>A SUPER_ADMIN manages everyone's account; a local administrator the accounts of people of its schools who are
 * not administrators (ADR 0025): tenant-manager accepts its token for them only, having read the person's schools
 * in the directory itself, and answers {@code account-not-found} for anyone else, as for a guessed id.
 */
@ApplicationScoped
public class ConsoleAccounts {

    @Inject
    TenantManagerChannel tenantManager;

    /** The person's account, if the scope may manage accounts and they have one. */
    public Optional<AccountView> account(ConsoleScope scope, Tenant tenant, PortalSession session,
            ConsolePeople.Person person, Locale language) {
        if (!managesAccounts(scope, person)) {
            return Optional.empty();
        }
        TenantManagerChannel.Answer answer = tenantManager.get(tenant, session, path(person), "application/json",
                language);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(view(answer));
    }

    /**
     * Gives or removes a function held in one of the person's schools: ADMIN_LOCAL of that school (SUPER_ADMIN
     * only), CLASS_ADMIN (by an administrator of that school). The other functions and schools stay as they are.
     */
    public AccountView change(ConsoleScope scope, Tenant tenant, PortalSession session, ConsolePeople.Person person,
            Function function, String uai, boolean give, Locale language) {
        if (uai == null || !person.schools().contains(uai)) {
            throw InvalidInput.field("school", "console.function-school", String.valueOf(uai));
        }
        if (!scope.grants(function, uai) || !managesAccounts(scope, person)) {
            throw new NotAllowed("forbidden");
        }
        AccountView current = account(scope, tenant, session, person, language)
                .orElseThrow(() -> new NotFound("account-not-found", person.detail().id().toString()));
        TreeSet<String> schools = new TreeSet<>(current.adminStructures());
        boolean classAdmin = current.functions().contains(Function.CLASS_ADMIN.name());
        switch (function) {
            case ADMIN_LOCAL -> {
                if (give) {
                    schools.add(uai);
                } else {
                    schools.remove(uai);
                }
            }
            case CLASS_ADMIN -> classAdmin = give;
        }
        return view(tenantManager.put(tenant, session, path(person) + "/functions",
                new AccountFunctionsRequest(java.util.List.copyOf(schools), classAdmin), language));
    }

    /** Blocks or unblocks the person's account. */
    public AccountView setEnabled(ConsoleScope scope, Tenant tenant, PortalSession session,
            ConsolePeople.Person person, boolean enabled, Locale language) {
        if (!managesAccounts(scope, person)) {
            throw new NotAllowed("forbidden");
        }
        return view(tenantManager.put(tenant, session, path(person) + "/enabled",
                new AccountEnabledRequest(enabled), language));
    }

    /**
     * Resets the person's account: {@code code}, a new activation code (in the answer only, for the administrator to
     * hand over once), or {@code email}, Keycloak's password e-mail.
     */
    public AccountResetView reset(ConsoleScope scope, Tenant tenant, PortalSession session,
            ConsolePeople.Person person, String mode, Locale language) {
        if (!managesAccounts(scope, person)) {
            throw new NotAllowed("forbidden");
        }
        TenantManagerChannel.Answer answer = tenantManager.post(tenant, session, path(person) + "/reset",
                new AccountResetRequest(mode), language);
        if (answer.status() == 400 || answer.status() == 409) {
            throw ConsoleProblems.refusal(answer);
        }
        if (answer.status() == 404) {
            throw new NotFound("account-not-found", person.detail().id().toString());
        }
        if (answer.status() != 200) {
            throw new DependencyFailed("tenant-manager-failed");
        }
        return TenantManagerChannel.read(answer, AccountResetView.class);
    }

    /**
     * Who may manage this person's account through the channel: an administrator who reaches the person (the
     * collectivity's, or one of their schools'); tenant-manager checks it again with its own reading.
     */
    public static boolean managesAccounts(ConsoleScope scope, ConsolePeople.Person person) {
        return scope.person(person.schools());
    }

    private static String path(ConsolePeople.Person person) {
        return "accounts/" + person.detail().id();
    }

    private static AccountView view(TenantManagerChannel.Answer answer) {
        if (answer.status() == 404) {
            throw new NotFound("account-not-found", "");
        }
        if (answer.status() != 200) {
            throw new DependencyFailed("tenant-manager-failed");
        }
        return TenantManagerChannel.read(answer, AccountView.class);
    }
}
