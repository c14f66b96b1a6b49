package fr.ent.platform.tenants.compliance;

import fr.ent.platform.tenancy.TenantTransactions;
import fr.ent.platform.tenants.registry.Collectivity;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * When a collectivity's last full export was tested: its stored archive read back and every checksum verified
 * ({@code collectivity_transfer.verified_at}, written by the runtime, ADR 0033). Read as the collectivity's role.
 */
final class TestedExports {

    private static final Logger LOG = Logger.getLogger(TestedExports.class.getName());

    private final TenantTransactions tenants;

    TestedExports(DataSource dataSource) {
        this.tenants = new TenantTransactions(dataSource);
    }

    Optional<Instant> last(Collectivity c) {
        try {
            return tenants.read(c.names(), conn -> {
                try (PreparedStatement s = conn.prepareStatement("SELECT max(verified_at) FROM collectivity_transfer"
                        + " WHERE kind = 'EXPORT' AND verified_at IS NOT NULL"); ResultSet r = s.executeQuery()) {
                    Timestamp t = r.next() ? r.getTimestamp(1) : null;
                    return Optional.ofNullable(t).map(Timestamp::toInstant);
                }
            });
        } catch (SQLException | RuntimeException e) {
            // no schema (yet), or one before the table: no tested export to show
            LOG.log(Level.FINE, "tenant=" + c.slug() + " tested exports unreadable", e);
            return Optional.empty();
        }
    }
}
