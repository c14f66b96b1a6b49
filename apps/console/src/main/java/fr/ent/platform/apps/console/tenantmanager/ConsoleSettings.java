package fr.ent.platform.apps.console.tenantmanager;

import fr.ent.platform.settings.SettingReader;
import java.net.URI;

/**
 * Where the console reaches tenant-manager's admin API: {@code ent.console.tenant-manager-url}
 * ({@code ENT_CONSOLE_TENANT_MANAGER_URL}), by default the admin endpoint of this same server on the loopback
 * ({@code http://127.0.0.1:<ENT_ADMIN_PORT>/admin/api/v1}). In a cluster: the admin service's TLS URL, the runtime
 * admitted by its NetworkPolicy (ADR 0021).
 */
public record ConsoleSettings(URI tenantManager) {

    public static final String TENANT_MANAGER_URL = "ent.console.tenant-manager-url";

    public static ConsoleSettings from(SettingReader settings) {
        String byDefault = "http://127.0.0.1:" + settings.text("ent.admin.port", "9081") + "/admin/api/v1";
        return new ConsoleSettings(URI.create(settings.text(TENANT_MANAGER_URL, byDefault).replaceAll("/+$", "")));
    }
}
