package fr.ent.platform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The demo seed gives "Ma classe" and "Mon compte" something real in both demo collectivities: every class has a
 * teacher and pupils, there are parents linked to pupils, and a parent's children are declared before them (the
 * seed links them by first name, so first names are unique within a collectivity).
 */
class DemoDataTest {

    @Test
    void everyClassHasATeacherAndPupilsAndParentsAreLinkedToEarlierPupils() {
        for (DemoData.Demo demo : DemoData.DEMOS) {
            Set<String> firstNames = new HashSet<>();
            Set<String> pupils = new HashSet<>();
            int links = 0;
            for (String[] person : demo.people()) {
                assertThat(firstNames.add(person[2])).as(demo.slug() + ": " + person[2]).isTrue();
                if (person[0].equals("Student")) {
                    pupils.add(person[2]);
                }
                for (int i = 4; i < person.length; i++) {
                    assertThat(person[0]).isEqualTo("Relative");
                    assertThat(pupils).as(demo.slug() + ": child of " + person[2]).contains(person[i]);
                    links++;
                }
            }
            assertThat(links).as(demo.slug() + ": parent links").isPositive();
            for (String name : demo.classes()) {
                assertThat(profilesIn(demo, name)).as(demo.slug() + " " + name).contains("Teacher", "Student");
            }
        }
    }

    private static List<String> profilesIn(DemoData.Demo demo, String className) {
        return demo.people().stream().filter(p -> className.equals(p[3])).map(p -> p[0]).toList();
    }
}
