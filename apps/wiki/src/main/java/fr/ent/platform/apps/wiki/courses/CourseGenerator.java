package fr.ent.platform.apps.wiki.courses;

import fr.ent.platform.apps.directory.service.MyClassService;
import fr.ent.platform.apps.directory.view.MyClassView;
import fr.ent.platform.apps.wiki.Member;
import fr.ent.platform.apps.wiki.Owner;
import fr.ent.platform.runtime.ai.AiSettings;
import fr.ent.platform.runtime.ai.ChatCompletions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * « Générer un cours »: the form's fields → the prompt → the sovereign AI provider through the egress door
 * ({@link ChatCompletions}) → the answer read and sanitized ({@link DraftParser}) → one transaction storing the draft
 * with its prompt and parameters ({@link Courses#storeDraft}).
 *
 * <p>The order is what keeps « nothing half-stored » and « nothing already written lost »: the rights and the input
 * are checked before anything is sent (a refusal costs no call); the call holds no transaction and writes nothing;
 * only a complete, readable answer is stored, in one transaction; a failure anywhere before it (provider down,
 * timeout, refused by the sovereign rules, unreadable answer, the request cut) leaves the database as it was, and the
 * pages give the form back as typed. The provider's own time is reported apart ({@link Generated#providerNanos}).
 */
@ApplicationScoped
public class CourseGenerator {

    @Inject
    ChatCompletions ai;

    @Inject
    AiSettings settings;

    @Inject
    MyClassService myClass;

    @Inject
    Courses courses;

    /** A stored draft, and how long the provider took of the whole. */
    public record Generated(CourseViews.Course course, long providerNanos, long totalNanos) {
    }

    public Generated generate(Member me, CourseInputs.GenerationInput input) {
        long start = System.nanoTime();
        Owner owner = CourseInputs.owner(input == null ? null : input.ownerKind(),
                input == null ? null : input.ownerId());
        courses.requireWriter(me, owner);
        GenerationRequest request = CourseInputs.generation(input, pupilNames(me));
        long called = System.nanoTime();
        String answer = ai.complete(Prompt.messages(request), Prompt.TEMPERATURE);
        long provider = System.nanoTime() - called;
        Draft draft = DraftParser.parse(answer, request.subject());
        CourseViews.Course course = courses.storeDraft(me, owner, request, draft, Prompt.audit(request),
                Prompt.parameters(request, settings.model()));
        return new Generated(course, provider, System.nanoTime() - start);
    }

    /** The first and last names of the pupils of the writer's classes, as the directory gives them to a teacher. */
    private List<String> pupilNames(Member me) {
        List<String> names = new ArrayList<>();
        MyClassView view = myClass.of(me.id());
        for (MyClassView.ClassCard c : view.classes()) {
            for (MyClassView.Pupil p : c.pupils() == null ? List.<MyClassView.Pupil>of() : c.pupils()) {
                names.add(p.firstName());
                names.add(p.lastName());
                names.add(p.firstName() + " " + p.lastName());
            }
        }
        return names;
    }
}
