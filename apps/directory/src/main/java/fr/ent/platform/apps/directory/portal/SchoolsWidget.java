package fr.ent.platform.apps.directory.portal;

import fr.ent.platform.apps.directory.DirectoryApp;
import fr.ent.platform.apps.directory.view.StructureView;
import fr.ent.platform.apps.directory.service.StructureService;
import fr.ent.platform.runtime.portal.HomeWidget;
import fr.ent.platform.runtime.portal.Widget;
import fr.ent.platform.runtime.web.Pages;
import gg.jte.TemplateEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

/** The collectivity's schools on its home page, for everyone (signed in or not). */
@ApplicationScoped
public class SchoolsWidget implements HomeWidget {

    private static final TemplateEngine TEMPLATES = Pages.engine(SchoolsWidget.class, "fr.ent.platform.apps.directory.jte");

    @Inject
    StructureService structures;

    @Override
    public String app() {
        return DirectoryApp.ID;
    }

    @Override
    public int position() {
        return 100;
    }

    @Override
    public Optional<Widget> render(Reader reader) {
        List<StructureView> schools = structures.list();
        ResourceBundle texts = Pages.bundle(DirectoryApp.DESCRIPTOR.messages(), reader.locale(),
                SchoolsWidget.class.getClassLoader());
        String title = texts.getString("schools.title") + " (" + schools.size() + ")";
        return Optional.of(new Widget("schools", title, output -> TEMPLATES.render("structures.jte",
                Map.of("schools", schools, "none", texts.getString("schools.none")), output)));
    }
}
