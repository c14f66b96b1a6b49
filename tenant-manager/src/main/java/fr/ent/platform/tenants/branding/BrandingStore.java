package fr.ent.platform.tenants.branding;

import fr.ent.platform.branding.BrandColour;
import fr.ent.platform.tenants.registry.Collectivity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** Branding in the registry: colours and logo version on {@code platform.collectivity}, the image in its own table. */
public class BrandingStore {

    private final DataSource dataSource;

    public BrandingStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Branding of(Collectivity c) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement ps = connection.prepareStatement(
                        "SELECT primary_color, accent_color, logo_sha256 FROM platform.collectivity WHERE id = ?")) {
            ps.setObject(1, c.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Branding.NONE;
                }
                return new Branding(BrandColour.parse(rs.getString(1)), BrandColour.parse(rs.getString(2)),
                        Optional.ofNullable(rs.getString(3)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("tenant=" + c.slug() + " branding not read: " + e.getMessage(), e);
        }
    }

    /** Sets both colours (empty: back to the default). */
    public void setColours(Collectivity c, Optional<BrandColour> primary, Optional<BrandColour> accent) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement ps = connection.prepareStatement("""
                        UPDATE platform.collectivity SET primary_color = ?, accent_color = ?, updated_at = now()
                         WHERE id = ?""")) {
            ps.setString(1, primary.map(BrandColour::hex).orElse(null));
            ps.setString(2, accent.map(BrandColour::hex).orElse(null));
            ps.setObject(3, c.id());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("tenant=" + c.slug() + " colours not saved: " + e.getMessage(), e);
        }
    }

    /** Replaces the logo (empty: removes it); image and version change in one transaction. */
    public void setLogo(Collectivity c, Optional<LogoImage> logo) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement ps = connection.prepareStatement(
                        "DELETE FROM platform.collectivity_logo WHERE collectivity_id = ?")) {
                    ps.setObject(1, c.id());
                    ps.executeUpdate();
                }
                if (logo.isPresent()) {
                    try (PreparedStatement ps = connection.prepareStatement("""
                            INSERT INTO platform.collectivity_logo (collectivity_id, media_type, image, sha256)
                            VALUES (?, ?, ?, ?)""")) {
                        ps.setObject(1, c.id());
                        ps.setString(2, logo.get().mediaType());
                        ps.setBytes(3, logo.get().bytes());
                        ps.setString(4, logo.get().sha256());
                        ps.executeUpdate();
                    }
                }
                try (PreparedStatement ps = connection.prepareStatement(
                        "UPDATE platform.collectivity SET logo_sha256 = ?, updated_at = now() WHERE id = ?")) {
                    ps.setString(1, logo.map(LogoImage::sha256).orElse(null));
                    ps.setObject(2, c.id());
                    ps.executeUpdate();
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("tenant=" + c.slug() + " logo not saved: " + e.getMessage(), e);
        }
    }

    public Optional<LogoImage> logo(Collectivity c) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement ps = connection.prepareStatement(
                        "SELECT media_type, image FROM platform.collectivity_logo WHERE collectivity_id = ?")) {
            ps.setObject(1, c.id());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new LogoImage(rs.getString(1), rs.getBytes(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("tenant=" + c.slug() + " logo not read: " + e.getMessage(), e);
        }
    }
}
