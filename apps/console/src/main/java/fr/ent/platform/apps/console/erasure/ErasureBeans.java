package fr.ent.platform.apps.console.erasure;

import fr.ent.platform.settings.SettingReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The erasures' settings, read once at start (a value out of bounds stops the start, naming the property). */
@ApplicationScoped
public class ErasureBeans {

    @Produces
    @Singleton
    ErasureSettings settings(SettingReader settings) {
        return ErasureSettings.from(settings);
    }
}
