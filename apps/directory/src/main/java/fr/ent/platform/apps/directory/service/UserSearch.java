package fr.ent.platform.apps.directory.service;

import fr.ent.platform.apps.directory.Profile;
import fr.ent.platform.apps.directory.Text;
import fr.ent.platform.apps.directory.view.UserPage;
import fr.ent.platform.apps.directory.view.UserSummary;
import fr.ent.platform.apps.directory.model.EntUser;
import fr.ent.platform.apps.directory.DirectoryData;
import fr.ent.platform.tenancy.InvalidTenantInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Searching the directory. The text is matched against the accent-free, lower-case "last first" search key,
 * each word anywhere in it: "mae chain" and "Chaintreuil Maëlle" both find Maëlle CHAINTREUIL.
 */
@ApplicationScoped
public class UserSearch {

    public static final int MAX_LIMIT = 500;

    @Inject
    DirectoryData data;

    /** Filters as received; {@code limit} and {@code offset} are text so that a bad one gets a field error. */
    public record Query(String q, String profile, String structureId, String classId, String limit, String offset) {
    }

    public UserPage search(Query query) {
        int limit = number(query.limit(), 50, "limit", "query.limit");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidTenantInputException("limit", "query.limit");
        }
        int offset = number(query.offset(), 0, "offset", "query.offset");
        if (offset < 0) {
            throw new InvalidTenantInputException("offset", "query.offset");
        }
        List<String> words = words(query.q());
        if (words.isEmpty() && Text.trimToNull(query.q()) != null) {
            // A search made only of LIKE wildcards ("%", "_") or backslashes: no name contains them, so nobody
            // matches (it used to list everyone).
            return new UserPage(List.of(), 0, limit, offset);
        }
        String profileText = Text.trimToNull(query.profile());
        Profile profile = profileText == null ? null : Profile.parse("profile", profileText);
        return data.read(em -> {
            List<String> where = new ArrayList<>();
            Map<String, Object> parameters = new HashMap<>();
            int i = 0;
            for (String word : words) {
                where.add("u.searchKey LIKE :w" + i);
                parameters.put("w" + i++, "%" + word + "%");
            }
            if (profile != null) {
                where.add("u.profile = :profile");
                parameters.put("profile", profile);
            }
            if (Text.trimToNull(query.structureId()) != null) {
                where.add("u.structureId = :structure");
                parameters.put("structure", Lookups.structure(em, query.structureId().strip()).id());
            }
            if (Text.trimToNull(query.classId()) != null) {
                where.add("EXISTS (SELECT m FROM ClassMember m WHERE m.classId = :class AND m.userId = u.id)");
                parameters.put("class", Lookups.schoolClass(em, query.classId().strip()).id());
            }
            String condition = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(u) FROM EntUser u" + condition, Long.class);
            TypedQuery<EntUser> page = em.createQuery(
                    "SELECT u FROM EntUser u" + condition + " ORDER BY u.searchKey, u.id", EntUser.class);
            parameters.forEach((name, value) -> {
                count.setParameter(name, value);
                page.setParameter(name, value);
            });
            List<UserSummary> items = page.setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                    .map(UserSummary::of).toList();
            return new UserPage(items, count.getSingleResult(), limit, offset);
        });
    }

    /** The words of a search, folded like the search key, without LIKE wildcards. */
    static List<String> words(String q) {
        return Text.searchWords(q);
    }

    private static int number(String text, int byDefault, String field, String messageKey) {
        String trimmed = Text.trimToNull(text);
        if (trimmed == null) {
            return byDefault;
        }
        try {
            return Integer.parseInt(trimmed);
        } catch (NumberFormatException e) {
            throw new InvalidTenantInputException(field, messageKey);
        }
    }
}
