package fr.ent.platform.tenants.apps;

import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.tenancy.TenantSchemaMigrator;
import fr.ent.platform.tenants.registry.Collectivity;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Which ENT apps a collectivity offers ({@code platform.collectivity.enabled_apps}): every app of the platform by
 * default (NULL, which includes apps added later), or exactly a list. The runtime reads it with the registry (the
 * registry revision trigger makes the change visible within a second): a disabled app's paths answer 404 there and
 * the portal does not offer it. Its tables stay migrated, so enabling it again is immediate and loses nothing.
 */
public class EnabledApps {

    /**
     * Apps no choice turns off, so none a collectivity lists: the tenant console, where its administrators choose
     * the others (the runtime's {@code Tenant.ALWAYS_ENABLED}). It has migrations (its audit trail), which is why it
     * is among the apps migrated, but it is not offered. Nor "privacy", a person's rights over their data (ADR 0030).
     */
    static final Set<String> ALWAYS_ENABLED = Set.of("console", "privacy");

    private final DataSource dataSource;
    private final List<String> installed;

    public EnabledApps(DataSource dataSource) {
        this(dataSource, TenantSchemaMigrator.installedApps(EnabledApps.class.getClassLoader()));
    }

    EnabledApps(DataSource dataSource, List<String> installed) {
        this.dataSource = dataSource;
        this.installed = installed.stream().filter(app -> !ALWAYS_ENABLED.contains(app)).toList();
    }

    /** The apps of this platform, whichever collectivity enables them. */
    public List<String> installed() {
        return installed;
    }

    /** The collectivity's choice: empty = every app. */
    public Optional<List<String>> of(Collectivity c) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement ps = connection.prepareStatement(
                "SELECT enabled_apps FROM platform.collectivity WHERE id = ?")) {
            ps.setObject(1, c.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Array apps = rs.getArray(1);
                return apps == null ? Optional.empty() : Optional.of(List.of((String[]) apps.getArray()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the enabled apps of " + c.slug(), e);
        }
    }

    /**
     * Sets the collectivity's apps: a list (each an installed app, duplicates ignored) or empty for every app. An
     * unknown app is invalid input naming it and the installed ones: the choice is never silently narrowed.
     */
    public Optional<List<String>> set(Collectivity c, Optional<List<String>> apps) {
        Optional<List<String>> checked = apps.map(this::checked);
        try (Connection connection = dataSource.getConnection(); PreparedStatement ps = connection.prepareStatement(
                "UPDATE platform.collectivity SET enabled_apps = ?, updated_at = now() WHERE id = ?")) {
            ps.setArray(1, checked.isEmpty() ? null : connection.createArrayOf("text", checked.get().toArray()));
            ps.setObject(2, c.id());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the enabled apps of " + c.slug(), e);
        }
        return checked;
    }

    private List<String> checked(List<String> apps) {
        List<String> unknown = new ArrayList<>();
        TreeSet<String> known = new TreeSet<>();
        for (String app : apps) {
            if (app == null || !installed.contains(app)) {
                unknown.add(String.valueOf(app));
            } else {
                known.add(app);
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInput("unknown-apps", String.join(", ", unknown), String.join(", ", installed))
                    .with("unknownApps", unknown).with("installedApps", installed);
        }
        return List.copyOf(known);
    }
}
