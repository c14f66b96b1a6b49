package fr.ent.platform.runtime.branding;

import fr.ent.platform.runtime.tenant.Tenant;
import fr.ent.platform.runtime.tenant.TenantBranding;
import fr.ent.platform.runtime.tenant.TenantContext;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The logo of the collectivity the Host names, for anyone (the portal's header and Keycloak's login pages show it
 * before sign-in). Only that collectivity's row is read: another collectivity's logo is never served on this domain.
 * A URL carrying the current version ({@code ?v=}, see {@link TenantBranding#logoPath}) may be kept a day.
 */
@WebServlet(urlPatterns = TenantBranding.LOGO_PATH, name = "branding-logo")
public class LogoServlet extends HttpServlet {

    @Inject
    TenantContext context;

    @Resource(lookup = "jdbc/ent")
    DataSource dataSource;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Tenant tenant = context.current();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT media_type, image, sha256 FROM platform.collectivity_logo WHERE collectivity_id = ?")) {
            ps.setObject(1, tenant.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
                String sha = rs.getString(3);
                String etag = "\"" + sha + "\"";
                response.setHeader("ETag", etag);
                response.setHeader("X-Content-Type-Options", "nosniff");
                String version = request.getParameter("v");
                response.setHeader("Cache-Control", version != null && sha.startsWith(version) && !version.isEmpty()
                        ? "public, max-age=86400" : "no-cache");
                if (etag.equals(request.getHeader("If-None-Match"))) {
                    response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                    return;
                }
                byte[] image = rs.getBytes(2);
                response.setContentType(rs.getString(1));
                response.setContentLength(image.length);
                response.getOutputStream().write(image);
            }
        } catch (SQLException e) {
            throw new IOException("tenant=" + tenant.slug() + " logo not read: " + e.getMessage(), e);
        }
    }
}
