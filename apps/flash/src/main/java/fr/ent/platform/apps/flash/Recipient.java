package fr.ent.platform.apps.flash;

import java.util.Set;

/**
 * A signed-in reader of the home page as flash messages see them.
 *
 * @param subject    their account in the collectivity's realm (the token's subject): what a dismissal remembers
 * @param profiles   their profiles (realm roles Student, Relative, Teacher, Personnel, Guest)
 * @param structures the UAIs of their schools in the directory (a parent's: their children's too)
 */
public record Recipient(String subject, Set<String> profiles, Set<String> structures) {

    public Recipient {
        profiles = Set.copyOf(profiles);
        structures = Set.copyOf(structures);
    }
}
