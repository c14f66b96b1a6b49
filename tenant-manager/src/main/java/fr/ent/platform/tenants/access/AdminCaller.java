package fr.ent.platform.tenants.access;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * Who calls the admin API, for the current request: a hosting operator (platform realm, role platform-admin)
 * who may do everything, or the administrator (SUPER_ADMIN) of one collectivity, who sees and changes only it.
 */
@RequestScoped
public class AdminCaller {

    private String username;
    private String collectivity;
    private boolean platformOperator;

    void platformOperator(String name) {
        this.username = name;
        this.platformOperator = true;
    }

    void collectivityAdministrator(String name, String slug) {
        this.username = name;
        this.collectivity = slug;
    }

    public boolean isPlatformOperator() {
        return platformOperator;
    }

    /** The collectivity this caller administers, if it is a collectivity administrator. */
    public Optional<String> collectivity() {
        return Optional.ofNullable(collectivity);
    }

    public String username() {
        return username;
    }
}
