package fr.ent.platform.tenants.access;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * Who calls the admin API, for the current request: a hosting operator (platform realm, role platform-admin)
 * who may do everything, the administrator (SUPER_ADMIN) of one collectivity, who sees and changes only it, or a
 * local administrator (ADMIN_LOCAL) of some of its schools, who reaches only the accounts of their people.
 */
@RequestScoped
public class AdminCaller {

    private String username;
    private String collectivity;
    private boolean platformOperator;
    private java.util.Set<String> localSchools;

    void platformOperator(String name) {
        this.username = name;
        this.platformOperator = true;
    }

    void collectivityAdministrator(String name, String slug) {
        this.username = name;
        this.collectivity = slug;
    }

    /** A school's local administrator (ADMIN_LOCAL) of this collectivity, for these schools' people only. */
    void localAdministrator(String name, String slug, java.util.Set<String> uais) {
        this.username = name;
        this.collectivity = slug;
        this.localSchools = java.util.Set.copyOf(uais);
    }

    /** For a local administrator, the UAIs of its schools; empty for a SUPER_ADMIN or an operator. */
    public Optional<java.util.Set<String>> localSchools() {
        return Optional.ofNullable(localSchools);
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
