package fr.ent.platform.tenants.backup;

import fr.ent.platform.settings.SettingReader;
import fr.ent.platform.sovereignty.catalogue.Catalogue;
import fr.ent.platform.sovereignty.config.ApplicationConfiguration;
import fr.ent.platform.sovereignty.evaluation.Finding;
import fr.ent.platform.sovereignty.evaluation.ObjectStorageCheck;
import fr.ent.platform.sovereignty.inventory.EgressEndpoint;
import fr.ent.platform.sovereignty.inventory.Residency;
import fr.ent.platform.sovereignty.policy.PolicyConfiguration;
import fr.ent.platform.sovereignty.policy.QualifiedProviders;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The sovereign rules applied to the S3 backup store before tenant-manager starts with it (ADR 0046), as the
 * runtime's file store is judged ({@code StorageConfiguration}): allowed host ({@code ent.egress.allowed-hosts}), in
 * the EU, TLS, a qualified provider ({@code ent.backup.s3.provider}), a region the residency served accepts
 * ({@code ent.backup.s3.residency}, {@code FR}: {@code ent.sovereignty.regions.fr} only). A blocking violation
 * stops the start with a message naming each rule, what was found and the fix: backups in a bucket that may not
 * hold them are not worth taking. The directory store is not judged here (a mounted volume: the compliance
 * report's volume rules).
 */
public final class BackupStoreCheck {

    private BackupStoreCheck() {
    }

    /** Throws {@link IllegalStateException} when the S3 backup store breaks a blocking sovereign rule. */
    public static void refuseUnlessSovereign(BackupSettings settings, SettingReader reader) {
        if (settings.s3Endpoint().isEmpty()) {
            return;
        }
        PolicyConfiguration policy;
        try {
            policy = new ApplicationConfiguration(reader.lookup()).policy(QualifiedProviders.bundled());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("stockage des sauvegardes refusé : la politique d'hébergement souverain"
                    + " ne peut pas être lue (" + e.getMessage() + ") ; renseigner ent.sovereignty.regions.fr"
                    + " (ENT_SOVEREIGNTY_REGIONS_FR) et ent.egress.allowed-hosts", e);
        }
        refuseUnlessSovereign(settings, policy);
    }

    static void refuseUnlessSovereign(BackupSettings settings, PolicyConfiguration policy) {
        Residency residency;
        try {
            residency = Residency.valueOf(settings.s3Residency());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ent.backup.s3.residency must be FR or EU: " + settings.s3Residency(), e);
        }
        URI url = settings.s3Endpoint().orElseThrow();
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        EgressEndpoint endpoint = new EgressEndpoint("backup", EgressEndpoint.Kind.BACKUP, scheme, url.getHost(),
                url.getPort(), scheme.equals("https"), settings.s3Region(), settings.s3Provider().orElse(null));
        List<Finding> refusals = new ObjectStorageCheck(Catalogue.standard(), policy).refusals(endpoint, residency);
        if (!refusals.isEmpty()) {
            String rules = refusals.stream().map(f -> f.ruleId().code()).collect(Collectors.joining(", "));
            String detail = refusals.stream().map(f -> f.ruleId().code() + " : " + f.evidence() + " Correction : "
                    + f.fix()).collect(Collectors.joining(" | "));
            throw new IllegalStateException("stockage des sauvegardes refusé par les règles d'hébergement souverain "
                    + rules + " (ent.backup.s3.endpoint=" + url + ", région " + settings.s3Region() + ", fournisseur "
                    + settings.s3Provider().orElse("non déclaré (ent.backup.s3.provider)") + ", résidence "
                    + residency + ") : " + detail);
        }
    }
}
