package fr.ent.platform.apps.console.people;

import fr.ent.platform.adminapi.AccountEnabledRequest;
import fr.ent.platform.adminapi.AccountFunctionsRequest;
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
 * <p>For now a SUPER_ADMIN only: tenant-manager accepts a collectivity's SUPER_ADMIN token and no other. A local
 * administrator giving CLASS_ADMIN in its schools needs tenant-manager to accept its token for people of its schools
 * (it would read their school in the directory): the next step, see docs/console.md.
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

    /** Who may manage this person's account through the channel today (see the class comment). */
    public static boolean managesAccounts(ConsoleScope scope, ConsolePeople.Person person) {
        return scope.whole() && scope.person(person.schools());
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
