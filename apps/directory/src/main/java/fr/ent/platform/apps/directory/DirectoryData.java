package fr.ent.platform.apps.directory;

import fr.ent.platform.runtime.persistence.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.function.Function;

/** The directory's tables of the current collectivity, through the platform's one door (TenantData). */
@ApplicationScoped
public class DirectoryData {

    @PersistenceUnit(unitName = DirectoryApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    public <T> T read(Function<EntityManager, T> work) {
        return data.read(unit, work);
    }

    public <T> T write(Function<EntityManager, T> work) {
        return data.write(unit, work);
    }
}
