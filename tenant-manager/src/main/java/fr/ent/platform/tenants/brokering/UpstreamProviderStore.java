package fr.ent.platform.tenants.brokering;

import fr.ent.platform.tenants.registry.Collectivity;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** The upstream identity providers in the registry ({@code platform.identity_provider}), their source of truth. */
public class UpstreamProviderStore {

    private final DataSource dataSource;

    public UpstreamProviderStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts or replaces; an absent secret keeps the stored one (a PUT need not resend it). Returns what is kept. */
    public UpstreamProvider save(Collectivity c, UpstreamProvider p) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement ps = connection.prepareStatement("""
                        INSERT INTO platform.identity_provider
                               (collectivity_id, alias, kind, display_name, settings, client_secret)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (collectivity_id, alias) DO UPDATE
                           SET kind = excluded.kind, display_name = excluded.display_name,
                               settings = excluded.settings,
                               client_secret = coalesce(excluded.client_secret,
                                                        CASE WHEN excluded.kind = 'OIDC'
                                                             THEN identity_provider.client_secret END),
                               updated_at = now()
                        RETURNING client_secret""")) {
            ps.setObject(1, c.id());
            ps.setString(2, p.alias());
            ps.setString(3, p.kind().name());
            ps.setString(4, p.displayName());
            ps.setString(5, toJson(p.settings()));
            ps.setString(6, p.clientSecret().orElse(null));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return p.withSecret(Optional.ofNullable(rs.getString(1)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("tenant=" + c.slug() + " identity provider " + p.alias()
                    + " not saved: " + e.getMessage(), e);
        }
    }

    public Optional<UpstreamProvider> find(Collectivity c, String alias) {
        return query(c, alias).stream().findFirst();
    }

    public List<UpstreamProvider> list(Collectivity c) {
        return query(c, null);
    }

    /** Returns whether it existed. */
    public boolean delete(Collectivity c, String alias) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement ps = connection.prepareStatement(
                        "DELETE FROM platform.identity_provider WHERE collectivity_id = ? AND alias = ?")) {
            ps.setObject(1, c.id());
            ps.setString(2, alias);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("tenant=" + c.slug() + " identity provider " + alias + " not deleted: "
                    + e.getMessage(), e);
        }
    }

    private List<UpstreamProvider> query(Collectivity c, String alias) {
        String sql = "SELECT alias, kind, display_name, settings, client_secret FROM platform.identity_provider"
                + " WHERE collectivity_id = ?" + (alias == null ? "" : " AND alias = ?") + " ORDER BY alias";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setObject(1, c.id());
            if (alias != null) {
                ps.setString(2, alias);
            }
            List<UpstreamProvider> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new UpstreamProvider(rs.getString(1), UpstreamProvider.Kind.valueOf(rs.getString(2)),
                            rs.getString(3), fromJson(rs.getString(4)), Optional.ofNullable(rs.getString(5))));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("tenant=" + c.slug() + " identity providers not readable: "
                    + e.getMessage(), e);
        }
    }

    private static String toJson(Map<String, String> settings) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        settings.forEach(json::add);
        return json.build().toString();
    }

    private static Map<String, String> fromJson(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonObject json = reader.readObject();
            Map<String, String> settings = new LinkedHashMap<>();
            json.forEach((k, v) -> settings.put(k, ((JsonString) v).getString()));
            return settings;
        }
    }
}
