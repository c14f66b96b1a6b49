package fr.ent.platform.apps.directory.view;

import java.util.List;

/** Body of POST /directory/users; {@code birthDate} is AAAA-MM-JJ, ids are UUIDs. */
public record NewUser(String profile, String lastName, String firstName, String birthDate, String email,
        String structureId, List<String> classIds, List<String> childIds) {
}
