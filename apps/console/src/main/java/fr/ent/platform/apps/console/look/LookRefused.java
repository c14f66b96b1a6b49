package fr.ent.platform.apps.console.look;

/**
 * A change of the look refused, and why, for the page to show next to the form: either one of the console's own
 * messages ({@code key} of its bundle, with arguments), or tenant-manager's reason as it wrote it in the reader's
 * language ({@code remoteDetail}). Nothing was changed.
 */
public final class LookRefused extends RuntimeException {

    private final int status;
    private final String key;
    private final transient Object[] arguments;
    private final String remoteDetail;

    private LookRefused(int status, String key, Object[] arguments, String remoteDetail) {
        super(key != null ? key : remoteDetail);
        this.status = status;
        this.key = key;
        this.arguments = arguments;
        this.remoteDetail = remoteDetail;
    }

    public static LookRefused because(int status, String key, Object... arguments) {
        return new LookRefused(status, key, arguments, null);
    }

    public static LookRefused byTenantManager(int status, String detail) {
        return new LookRefused(status, null, new Object[0], detail);
    }

    public int status() {
        return status;
    }

    /** The console's message key, or null when tenant-manager gave the reason. */
    public String key() {
        return key;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    public String remoteDetail() {
        return remoteDetail;
    }
}
