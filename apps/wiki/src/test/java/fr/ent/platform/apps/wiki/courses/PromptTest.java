package fr.ent.platform.apps.wiki.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.runtime.ai.ChatMessage;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The prompt is made of the form's four fields and nothing else; no pupil's name can reach it. */
class PromptTest {

    static final List<String> PUPILS = List.of("Manon", "Roux", "Manon Roux", "Inès", "Bonnet", "Inès Bonnet");

    @Test
    void the_prompt_holds_the_form_fields_and_asks_for_json() {
        GenerationRequest request = CourseInputs.generation(new CourseInputs.GenerationInput("class",
                "0b7f4a1e-3c1d-4f0e-9a43-51b3e0c8d2aa", " Seconde ", "Histoire", 110,
                "Révolution française, 1789 ; Déclaration des droits"), PUPILS);
        List<ChatMessage> messages = Prompt.messages(request);
        assertThat(messages).extracting(ChatMessage::role).containsExactly("system", "user");
        assertThat(messages.get(0).content()).contains("JSON", "\"chapters\"", "ne nomme aucun élève");
        assertThat(messages.get(1).content()).isEqualTo("Prépare un cours.\nNiveau : Seconde\nDiscipline : Histoire\n"
                + "Durée totale : 110 minutes\nMots-clés : Révolution française, 1789, Déclaration des droits\n");
        assertThat(Prompt.audit(request)).startsWith("[system]").contains("[user]", "Niveau : Seconde")
                // the class's id is the owner's, never in the prompt
                .doesNotContain("0b7f4a1e");
        assertThat(Prompt.parameters(request, "modele-cours")).isEqualTo("{\"level\":\"Seconde\",\"subject\":"
                + "\"Histoire\",\"durationMinutes\":110,\"keywords\":[\"Révolution française\",\"1789\","
                + "\"Déclaration des droits\"],\"model\":\"modele-cours\",\"temperature\":0.4}");
    }

    @Test
    void a_pupil_name_in_any_field_is_refused_before_anything_is_sent() {
        for (String[] fields : List.of(new String[] {"Seconde", "Histoire", "la révolution, manon"},
                new String[] {"Seconde", "Histoire", "ROUX"}, new String[] {"Seconde", "Histoire", "Ines Bonnet"},
                new String[] {"Seconde de Manon", "Histoire", ""}, new String[] {"Seconde", "Histoire d'Inès", ""})) {
            assertThatThrownBy(() -> CourseInputs.generation(new CourseInputs.GenerationInput("class",
                    "0b7f4a1e-3c1d-4f0e-9a43-51b3e0c8d2aa", fields[0], fields[1], 55, fields[2]), PUPILS))
                    .isInstanceOf(InvalidInput.class)
                    .satisfies(e -> assertThat(((InvalidInput) e).field().orElseThrow().messageKey())
                            .isEqualTo("course.personal"));
        }
        // a word that merely contains a name is no name
        assertThat(CourseInputs.generation(new CourseInputs.GenerationInput("class",
                "0b7f4a1e-3c1d-4f0e-9a43-51b3e0c8d2aa", "Seconde", "Histoire", 55, "Rouxel, bonnets"), PUPILS)
                .keywords()).containsExactly("Rouxel", "bonnets");
    }

    /**
     * Structural: the prompt is built from a GenerationRequest alone, whose components are the four fields; nothing
     * that names a person (a Member, a directory view, a class) can be handed to it.
     */
    @Test
    void the_prompt_can_only_be_built_from_the_four_fields() {
        assertThat(Arrays.stream(GenerationRequest.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactly("level", "subject", "durationMinutes", "keywords");
        for (Method m : Prompt.class.getDeclaredMethods()) {
            if (Modifier.isStatic(m.getModifiers()) && !m.isSynthetic()) {
                assertThat(m.getParameterTypes()).as(m.getName())
                        .allMatch(t -> t == GenerationRequest.class || t == String.class);
            }
        }
    }

    @Test
    void bad_fields_are_refused_with_their_field() {
        record Case(CourseInputs.GenerationInput input, String field) {
        }
        String id = "0b7f4a1e-3c1d-4f0e-9a43-51b3e0c8d2aa";
        for (Case c : List.of(new Case(new CourseInputs.GenerationInput("class", id, " ", "Histoire", 55, ""), "level"),
                new Case(new CourseInputs.GenerationInput("class", id, "2nde", "", 55, ""), "subject"),
                new Case(new CourseInputs.GenerationInput("class", id, "2nde", "Histoire", 2, ""), "durationMinutes"),
                new Case(new CourseInputs.GenerationInput("class", id, "2nde", "Histoire", null, ""), "durationMinutes"),
                new Case(new CourseInputs.GenerationInput("class", id, "2nde", "Histoire", 55, "x".repeat(201)),
                        "keywords"))) {
            assertThatThrownBy(() -> CourseInputs.generation(c.input(), PUPILS)).isInstanceOf(InvalidInput.class)
                    .satisfies(e -> assertThat(((InvalidInput) e).field().orElseThrow().name()).isEqualTo(c.field()));
        }
    }
}
