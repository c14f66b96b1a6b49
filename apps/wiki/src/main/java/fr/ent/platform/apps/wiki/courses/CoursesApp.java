package fr.ent.platform.apps.wiki.courses;

import fr.ent.platform.runtime.apps.AppDescriptor;
import fr.ent.platform.runtime.security.Roles;
import fr.ent.platform.runtime.sharing.ResourceRef;
import fr.ent.platform.runtime.web.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.UUID;

/**
 * Courses as they state themselves to the platform (ADR 0035): an app of their own for the launcher, the paths
 * ({@code /courses}, {@code /api/courses}), the metrics label and what a collectivity enables, but built in the wiki's
 * module because a course is a structured wiki: the same owners, the same rights from the directory, the same
 * sanitizer and stale-save rule; its tables are the wiki's migrations (V2). A course is the shared resource
 * {@code courses/course/<id>}.
 */
@ApplicationScoped
public class CoursesApp {

    public static final String ID = "courses";
    public static final String COURSE = "course";

    @Produces
    public static final AppDescriptor DESCRIPTOR = new AppDescriptor(ID,
            Set.of(Roles.STUDENT, Roles.RELATIVE, Roles.TEACHER, Roles.PERSONNEL),
            Optional.of(new AppDescriptor.Launcher("app.name", "courses.svg", "/courses")),
            "fr.ent.platform.apps.wiki.courses.messages");

    public static ResourceBundle texts(Locale locale) {
        return Pages.bundle(DESCRIPTOR.messages(), locale, CoursesApp.class.getClassLoader());
    }

    public static ResourceRef resource(UUID course) {
        return new ResourceRef(ID, COURSE, course.toString());
    }
}
