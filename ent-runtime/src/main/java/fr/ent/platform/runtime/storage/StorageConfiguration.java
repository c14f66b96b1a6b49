package fr.ent.platform.runtime.storage;

import fr.ent.platform.settings.SettingReader;
import fr.ent.platform.sovereignty.catalogue.Catalogue;
import fr.ent.platform.sovereignty.config.ApplicationConfiguration;
import fr.ent.platform.sovereignty.evaluation.Finding;
import fr.ent.platform.sovereignty.evaluation.ObjectStorageCheck;
import fr.ent.platform.sovereignty.inventory.EgressEndpoint;
import fr.ent.platform.sovereignty.policy.PolicyConfiguration;
import fr.ent.platform.sovereignty.policy.QualifiedProviders;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Builds the file store from the settings. An S3 endpoint is judged first by the sovereign-hosting rules
 * ({@link ObjectStorageCheck}: allowed host, EU, TLS, qualified provider, region of the residency served) with the
 * platform's policy ({@code ent.sovereignty.*}, {@code ent.egress.allowed-hosts}); a blocking violation stops the
 * start with a message naming each rule, what was found and the fix. Unlike the egress door, which refuses calls
 * one by one, a store that may not be used is not worth starting with: every upload would fail.
 */
public final class StorageConfiguration {

    private static final Logger LOG = Logger.getLogger(StorageConfiguration.class.getName());

    private StorageConfiguration() {
    }

    public static FileStore store(StorageSettings settings, SettingReader reader) {
        if (settings.s3().isEmpty()) {
            DiskFileStore disk = new DiskFileStore(settings.diskDirectory());
            LOG.info(() -> "file store: disk " + disk.root());
            return disk;
        }
        StorageSettings.S3 s3 = settings.s3().get();
        refuseUnlessSovereign(s3, policy(reader.lookup()));
        LOG.info(() -> "file store: " + s3);
        return new S3FileStore(s3.endpointSettings(), settings.spoolDirectory().resolve("s3"));
    }

    private static PolicyConfiguration policy(Function<String, Optional<String>> lookup) {
        try {
            return new ApplicationConfiguration(lookup).policy(QualifiedProviders.bundled());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("stockage S3 refusé : la politique d'hébergement souverain ne peut "
                    + "pas être lue (" + e.getMessage() + ") ; renseigner ent.sovereignty.regions.fr "
                    + "(ENT_SOVEREIGNTY_REGIONS_FR) et ent.egress.allowed-hosts", e);
        }
    }

    /** Stops the start when the endpoint breaks a blocking rule. */
    static void refuseUnlessSovereign(StorageSettings.S3 s3, PolicyConfiguration policy) {
        EgressEndpoint endpoint = endpoint(s3);
        List<Finding> refusals = new ObjectStorageCheck(Catalogue.standard(), policy)
                .refusals(endpoint, s3.residency());
        if (!refusals.isEmpty()) {
            String rules = refusals.stream().map(f -> f.ruleId().code()).collect(Collectors.joining(", "));
            String detail = refusals.stream().map(f -> f.ruleId().code() + " : " + f.evidence() + " Correction : "
                    + f.fix()).collect(Collectors.joining(" | "));
            throw new IllegalStateException("stockage S3 refusé par les règles d'hébergement souverain " + rules
                    + " (ent.storage.s3.endpoint=" + s3.endpoint() + ", région " + s3.region() + ", résidence "
                    + s3.residency() + ") : " + detail);
        }
    }

    static EgressEndpoint endpoint(StorageSettings.S3 s3) {
        URI url = s3.endpoint();
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        return new EgressEndpoint("storage", EgressEndpoint.Kind.OBJECT_STORAGE, scheme, url.getHost(),
                url.getPort(), scheme.equals("https"), s3.region(), s3.provider().orElse(null));
    }
}
