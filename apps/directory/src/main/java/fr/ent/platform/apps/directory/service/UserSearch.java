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
import java.util.ArrayList;
import java.util.List;

/**
 * Searching the directory. The text is matched against the accent-free, lower-case "last first" search key,
 * each word anywhere in it: "mae chain" and "Chaintreuil Maëlle" both find Maëlle CHAINTREUIL.
 *
 * <p>A page is read in name order through the {@code (search_key, id)} index, so its cost does not grow with the
 * directory. Its total is counted only up to {@link #COUNT_AHEAD} matches past the page's offset unless the caller
 * asks for an exact count (ADR 0059): counting a region's 160,000 people for every page cost more than the page
 * itself, and a listing needs to know whether there is a next page, not the exact number.
 */
@ApplicationScoped
public class UserSearch {

    public static final int MAX_LIMIT = 500;

    /** How many matches past the offset a bounded total counts; more than a page of {@link #MAX_LIMIT}. */
    public static final int COUNT_AHEAD = 1000;

    @Inject
    DirectoryData data;

    /**
     * Filters as received; {@code limit}, {@code offset} and {@code count} ({@code bounded}, the default, or
     * {@code exact}) are text so that a bad one gets a field error.
     */
    public record Query(String q, String profile, String structureId, String classId, String limit, String offset,
            String count) {

        public Query(String q, String profile, String structureId, String classId, String limit, String offset) {
            this(q, profile, structureId, classId, limit, offset, null);
        }
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
        boolean exact = exact(query.count());
        List<String> words = words(query.q());
        if (words.isEmpty() && Text.trimToNull(query.q()) != null) {
            // A search made only of LIKE wildcards ("%", "_") or backslashes: no name contains them, so nobody
            // matches (it used to list everyone).
            return new UserPage(List.of(), 0, true, limit, offset);
        }
        String profileText = Text.trimToNull(query.profile());
        Profile profile = profileText == null ? null : Profile.parse("profile", profileText);
        return data.read(em -> {
            List<String> where = new ArrayList<>();
            List<Object> parameters = new ArrayList<>();
            for (String word : words) {
                parameters.add("%" + word + "%");
                where.add("u.search_key LIKE ?" + parameters.size());
            }
            if (profile != null) {
                parameters.add(profile.name());
                where.add("u.profile = ?" + parameters.size());
            }
            if (Text.trimToNull(query.structureId()) != null) {
                parameters.add(Lookups.structure(em, query.structureId().strip()).id().toString());
                where.add("u.structure_id = CAST(?" + parameters.size() + " AS uuid)");
            }
            if (Text.trimToNull(query.classId()) != null) {
                parameters.add(Lookups.schoolClass(em, query.classId().strip()).id().toString());
                where.add("EXISTS (SELECT 1 FROM class_member m WHERE m.class_id = CAST(?" + parameters.size()
                        + " AS uuid) AND m.user_id = u.id)");
            }
            String matches = "FROM ent_user u" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where));
            jakarta.persistence.Query page = em.createNativeQuery("SELECT u.* " + matches
                    + " ORDER BY u.search_key, u.id LIMIT " + limit + " OFFSET " + offset, EntUser.class);
            // Bounded: counting stops one match past the bound, so "more than the bound" is known without reading
            // the rest of the directory.
            long bound = (long) offset + COUNT_AHEAD;
            jakarta.persistence.Query count = em.createNativeQuery(exact ? "SELECT COUNT(*) " + matches
                    : "SELECT COUNT(*) FROM (SELECT 1 " + matches + " LIMIT " + (bound + 1) + ") AS counted");
            for (int i = 0; i < parameters.size(); i++) {
                page.setParameter(i + 1, parameters.get(i));
                count.setParameter(i + 1, parameters.get(i));
            }
            @SuppressWarnings("unchecked")
            List<UserSummary> items = ((List<EntUser>) page.getResultList()).stream().map(UserSummary::of).toList();
            long counted = ((Number) count.getSingleResult()).longValue();
            return counted > bound && !exact ? new UserPage(items, bound, false, limit, offset)
                    : new UserPage(items, counted, true, limit, offset);
        });
    }

    private static boolean exact(String count) {
        String text = Text.trimToNull(count);
        if (text == null || text.equals("bounded")) {
            return false;
        }
        if (text.equals("exact")) {
            return true;
        }
        throw new InvalidTenantInputException("count", "query.count");
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
