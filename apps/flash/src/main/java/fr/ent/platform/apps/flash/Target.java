package fr.ent.platform.apps.flash;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Who a flash message is for: at least one profile, and either some schools (UAIs) or, when none is named, the
 * whole collectivity. A reader is reached when one of their profiles AND (one of their schools OR the whole
 * collectivity) match.
 */
public record Target(SortedSet<String> profiles, SortedSet<String> structures) {

    public Target {
        profiles = Collections.unmodifiableSortedSet(new TreeSet<>(profiles));
        structures = Collections.unmodifiableSortedSet(new TreeSet<>(structures));
    }

    public boolean collectivityWide() {
        return structures.isEmpty();
    }

    public boolean reaches(Recipient reader) {
        return profiles.stream().anyMatch(reader.profiles()::contains)
                && (collectivityWide() || structures.stream().anyMatch(reader.structures()::contains));
    }

    static String join(Collection<String> values) {
        return String.join(",", values);
    }

    static SortedSet<String> split(String joined) {
        TreeSet<String> values = new TreeSet<>();
        if (joined != null && !joined.isEmpty()) {
            values.addAll(Arrays.asList(joined.split(",")));
        }
        return values;
    }
}
