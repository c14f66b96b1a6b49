package fr.ent.platform.apps.directory.portal;

import fr.ent.platform.apps.directory.DirectoryApp;
import fr.ent.platform.apps.directory.DirectoryData;
import fr.ent.platform.runtime.portal.HeaderFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/** The signed-in user's school in the header (one query: a user is attached to one school). */
@ApplicationScoped
public class DirectoryHeaderFacts implements HeaderFacts {

    @Inject
    DirectoryData data;

    @Override
    public String app() {
        return DirectoryApp.ID;
    }

    @Override
    public List<String> schools(UUID user) {
        return data.read(em -> em.createQuery("SELECT s.name FROM Structure s"
                + " WHERE s.id IN (SELECT u.structureId FROM EntUser u WHERE u.id = :u)", String.class)
                .setParameter("u", user).getResultList());
    }
}
