package fr.ent.platform.tenants.registry;

import fr.ent.platform.tenancy.TenantTransactions;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A platform job's entry in the collectivity's own audit trail ({@code console_audit}, append-only, in its schema):
 * backups and restores, realm moves. Never fails the job it records: a lost entry is logged instead.
 */
public final class CollectivityAudit {

    private static final Logger LOG = Logger.getLogger(CollectivityAudit.class.getName());
    private static final int DETAIL_MAX = 2000;

    private final TenantTransactions tenants;

    public CollectivityAudit(DataSource dataSource) {
        this.tenants = new TenantTransactions(dataSource);
    }

    /** {@code action} by {@code by} on the collectivity itself, DONE or FAILED, with its detail (cut at 2,000). */
    public void record(Collectivity c, String by, String action, boolean done, String detail) {
        try {
            tenants.write(c.names(), conn -> {
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO console_audit (actor, action,"
                        + " target_kind, target_id, target_label, outcome, detail) VALUES (?, ?, 'collectivity', ?, ?,"
                        + " ?, ?)")) {
                    ps.setString(1, by);
                    ps.setString(2, action);
                    ps.setString(3, c.slug());
                    ps.setString(4, c.displayName());
                    ps.setString(5, done ? "DONE" : "FAILED");
                    ps.setString(6, detail.length() > DETAIL_MAX ? detail.substring(0, DETAIL_MAX) : detail);
                    return ps.executeUpdate();
                }
            });
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.SEVERE, "tenant=" + c.slug() + " audit entry lost: " + action + " by " + by + " " + detail, e);
        }
    }
}
