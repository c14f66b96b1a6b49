package fr.ent.platform.apps.diary.web;

import fr.ent.platform.apps.diary.Classes;
import fr.ent.platform.apps.diary.Diary;
import fr.ent.platform.apps.diary.DiaryApp;
import fr.ent.platform.apps.diary.Views;
import fr.ent.platform.runtime.portal.HomeWidget;
import fr.ent.platform.runtime.portal.Widget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The homework due today and tomorrow on the home page: a pupil's class's, each child's for a parent (the child's
 * name with the class), a teacher's classes' (what they prepared included, marked). Only what the reader may see:
 * the same query and rules as the pages. Nothing for someone with no class.
 */
@ApplicationScoped
public class HomeworkWidget implements HomeWidget {

    @Inject
    Diary diary;

    @Inject
    Classes classes;

    @Override
    public String app() {
        return DiaryApp.ID;
    }

    @Override
    public int position() {
        return 4;
    }

    @Override
    public Optional<Widget> render(Reader reader) {
        if (reader.user().isEmpty() || reader.user().get().entUserId().isEmpty()) {
            return Optional.empty();
        }
        fr.ent.platform.apps.diary.Reader me;
        try {
            me = classes.of(reader.user().get());
        } catch (fr.ent.platform.problem.NotFound noEntry) {
            return Optional.empty();
        }
        if (me.classes().isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = diary.today();
        List<Views.Entry> due = diary.homework(me, today, today.plusDays(1));
        Texts t = new Texts(reader.locale());
        return Optional.of(new Widget("diary", t.get("widget.title"), output -> DiaryPages.TEMPLATES.render(
                "widget.jte", Map.of("t", t, "today", due.stream().filter(e -> e.day().equals(today)).toList(),
                        "tomorrow", due.stream().filter(e -> !e.day().equals(today)).toList()), output)));
    }
}
