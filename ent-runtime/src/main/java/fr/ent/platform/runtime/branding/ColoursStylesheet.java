package fr.ent.platform.runtime.branding;

import fr.ent.platform.runtime.tenant.TenantBranding;
import fr.ent.platform.runtime.tenant.TenantContext;
import fr.ent.platform.runtime.web.Shell;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The colours of the collectivity the Host names, as the CSS custom properties the layout's stylesheet uses. A
 * stylesheet of the collectivity's domain rather than an inline style, which the pages' Content-Security-Policy
 * ({@code style-src 'self'}) refuses. The colours come from the registry, checked {@code #rrggbb}; whatever
 * {@code ?v=} says, only this collectivity's colours are written, and kept a day only if {@code v} is current.
 */
@WebServlet(urlPatterns = TenantBranding.STYLESHEET_PATH, name = "branding-colours")
public class ColoursStylesheet extends HttpServlet {

    @Inject
    TenantContext context;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Shell.Branding colours = Shell.Branding.of(context.current().branding());
        boolean current = colours.stylesheet().equals(TenantBranding.STYLESHEET_PATH + "?v=" + request.getParameter("v"));
        response.setHeader("Cache-Control", current ? "public, max-age=86400" : "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentType("text/css;charset=UTF-8");
        byte[] css = (":root{--brand:" + colours.primary() + ";--accent:" + colours.accent() + "}\n")
                .getBytes(StandardCharsets.UTF_8);
        response.setContentLength(css.length);
        response.getOutputStream().write(css);
    }
}
