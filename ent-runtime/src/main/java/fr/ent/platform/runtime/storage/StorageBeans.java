package fr.ent.platform.runtime.storage;

import fr.ent.platform.runtime.antivirus.AntivirusSettings;
import fr.ent.platform.runtime.antivirus.VirusScanner;
import fr.ent.platform.runtime.tenant.TenantContext;
import fr.ent.platform.settings.SettingReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The file store, the antivirus and the upload path as beans, built once at start from the configuration: a store
 * that cannot be built (directory not writable, S3 endpoint refused by the sovereign rules, missing setting) stops
 * the start with its reason. Nothing uses them yet (the documents app and the messagerie's attachments will).
 */
@ApplicationScoped
public class StorageBeans {

    private static final Logger LOG = Logger.getLogger(StorageBeans.class.getName());

    @Produces
    @Singleton
    StorageSettings storageSettings(SettingReader settings) {
        return StorageSettings.from(settings);
    }

    @Produces
    @Singleton
    AntivirusSettings antivirusSettings(SettingReader settings) {
        return AntivirusSettings.from(settings);
    }

    @Produces
    @Singleton
    FileStore fileStore(StorageSettings storage, SettingReader settings) {
        return StorageConfiguration.store(storage, settings);
    }

    void close(@Disposes FileStore store) throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Produces
    @Singleton
    VirusScanner virusScanner(AntivirusSettings antivirus) {
        VirusScanner scanner = antivirus.scanner();
        LOG.log(antivirus.host().isPresent() ? Level.INFO : Level.WARNING, "antivirus: {0}", scanner.describe());
        return scanner;
    }

    @Produces
    @Singleton
    ScannedUploads scannedUploads(FileStore store, VirusScanner scanner, StorageSettings storage) {
        return new ScannedUploads(store, scanner, storage.spoolDirectory(), storage.maxBytes());
    }

    @Produces
    @Singleton
    FileStorage fileStorage(ScannedUploads uploads, TenantContext tenant) {
        return new FileStorage(uploads, tenant);
    }

    /** Builds the store and the scanner at start, so that a refused configuration stops it (not the first upload). */
    void buildAtStart(@Observes @Initialized(ApplicationScoped.class) Object ignored, ScannedUploads uploads) {
        LOG.info(() -> "file storage: " + uploads.store().kind() + ", antivirus " + uploads.scanner().describe()
                + ", max " + uploads.maxBytes() / (1024 * 1024) + " MB per file");
    }
}
