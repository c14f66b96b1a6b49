package fr.ent.platform.bench.france;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The people of one school, derived from its numbers and the seed: families (one child in most, two or three in
 * some; two parents in most, one in some), each pupil's class (classes of a level-appropriate size, pupils spread
 * over them so that siblings are in different classes), names unique in the school (a family name per family, a
 * first name per child), birth dates that fit the class's level. Nothing here is kept beyond the school.
 */
final class People {

    /** Family names: the most frequent in France (accent-folded, all different), combined in pairs beyond 80. */
    private static final String[] NAMES = {"Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand",
        "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel",
        "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefèvre",
        "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand",
        "Gauthier", "Garcia", "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu",
        "Gautier", "Masson", "Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour",
        "Meunier", "Brun", "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier",
        "Arnaud", "Martinez", "Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron"};
    private static final String[] GIRLS = {"Léa", "Chloé", "Emma", "Jade", "Louise", "Alice", "Inès", "Lina", "Rose",
        "Anna", "Mila", "Ambre", "Julia", "Mia", "Léna", "Zoé", "Agathe", "Lou", "Iris", "Nina", "Camille", "Sarah"};
    private static final String[] BOYS = {"Hugo", "Louis", "Gabriel", "Arthur", "Jules", "Raphaël", "Adam", "Maël",
        "Paul", "Nathan", "Léo", "Lucas", "Noah", "Sacha", "Tom", "Éden", "Liam", "Victor", "Noé", "Gaspard",
        "Théo", "Ethan"};
    private static final String[] WOMEN = {"Nathalie", "Isabelle", "Sylvie", "Catherine", "Sandrine", "Céline",
        "Stéphanie", "Aurélie", "Julie", "Émilie", "Caroline", "Virginie", "Sophie", "Laetitia", "Élodie", "Karine"};
    private static final String[] MEN = {"David", "Nicolas", "Christophe", "Sébastien", "Stéphane", "Julien",
        "Frédéric", "Laurent", "Olivier", "Jérôme", "Thomas", "Mathieu", "Guillaume", "Vincent", "Cédric", "Xavier"};
    private static final String[] STREETS = {"RUE DES LILAS", "AVENUE JEAN JAURES", "RUE VICTOR HUGO",
        "PLACE DE LA MAIRIE", "CHEMIN DES VIGNES", "RUE PASTEUR", "BOULEVARD GAMBETTA", "ALLEE DES TILLEULS"};
    private static final int NAME_SPACE = NAMES.length * (NAMES.length + 1);
    private static final int STRIDE = 7919; // prime, not a divisor of NAME_SPACE: i -> i * STRIDE is a bijection

    record Family(int index, String lastName, List<Integer> children, List<Parent> parents, String address,
            String postalCode, String city) {
    }

    record Parent(String title, String firstName) {
    }

    record Pupil(int index, int family, String lastName, String firstName, boolean girl, LocalDate birth,
            int classIndex) {
    }

    /** A class: its name, its level (index into the school's levels). */
    record SchoolClass(String name, int level) {
    }

    final List<Family> families = new ArrayList<>();
    final List<Pupil> pupils = new ArrayList<>();
    final List<SchoolClass> classes = new ArrayList<>();
    private final int offset;

    /**
     * {@code levels}: the levels of the school (PS..CM2, 6EME..3EME...), {@code short} their prefixes in class
     * names, {@code birthYears} the usual birth year of each level, {@code classSize} pupils per class.
     */
    People(FrancePlan.School school, long seed, String[] levels, String[] prefixes, int[] birthYears,
            int classSize, String postalCode, String city) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + school.index());
        this.offset = random.nextInt(NAME_SPACE);
        int n = school.pupils();
        int k = Math.max(1, Math.round((float) n / classSize));
        int[] perLevel = new int[levels.length];
        int[] levelOf = new int[k];
        for (int c = 0; c < k; c++) {
            levelOf[c] = (int) ((long) c * levels.length / k);
            perLevel[levelOf[c]]++;
        }
        int[] seen = new int[levels.length];
        for (int c = 0; c < k; c++) {
            int l = levelOf[c];
            String suffix = perLevel[l] == 1 ? "" : String.valueOf((char) ('A' + seen[l] % 26))
                    + (seen[l] >= 26 ? String.valueOf(seen[l] / 26) : "");
            seen[l]++;
            classes.add(new SchoolClass(prefixes[l] + suffix, l));
        }
        int p = 0;
        for (int f = 0; p < n; f++) {
            double r = random.nextDouble();
            int size = Math.min(n - p, r < 0.03 ? 3 : r < 0.20 ? 2 : 1);
            String last = lastName(f);
            List<Integer> children = new ArrayList<>();
            for (int c = 0; c < size; c++, p++) {
                boolean girl = random.nextBoolean();
                String[] first = girl ? GIRLS : BOYS;
                // siblings: different first names (the pair family name + first name is unique in the school)
                String firstName = first[(f * 5 + c * 3) % first.length];
                int klass = p % k;
                int year = birthYears[levelOf[klass]];
                LocalDate birth = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
                pupils.add(new Pupil(p, f, last, firstName, girl, birth, klass));
                children.add(p);
            }
            List<Parent> parents = new ArrayList<>();
            parents.add(new Parent("Mme", WOMEN[(f + offset) % WOMEN.length]));
            if (random.nextDouble() < 0.8) {
                parents.add(new Parent("M.", MEN[(f * 3 + offset) % MEN.length]));
            }
            families.add(new Family(f, last, children, parents, (f + 1) + " " + STREETS[f % STREETS.length],
                    postalCode, city));
        }
    }

    /** The school's {@code i}-th family name: all different for i below 6,480, numbered beyond. */
    String lastName(int i) {
        int j = (int) (((long) i * STRIDE + offset) % NAME_SPACE);
        int q = j / NAMES.length;
        String name = q == 0 ? NAMES[j % NAMES.length] : NAMES[j % NAMES.length] + "-" + NAMES[q - 1];
        return i < NAME_SPACE ? name : name + " " + (i / NAME_SPACE + 1);
    }

    /** A teacher's names, all different in the school (a family name space of their own, shifted). */
    String[] teacher(int j) {
        boolean woman = j % 3 != 0; // two teachers in three are women
        String last = lastName(NAME_SPACE - 1 - j);
        return new String[] {last, woman ? WOMEN[j % WOMEN.length] : MEN[j % MEN.length], woman ? "MME" : "M."};
    }
}
