package fr.ent.platform.runtime.collab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.problem.Conflict;
import fr.ent.platform.problem.InvalidInput;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The merge of concurrent edits, on the real Automerge library (its native part loaded as in the runtime). */
class LiveTextTest {

    private final LiveText live = LiveText.of("Le chat dort.", 1);

    @AfterEach
    void free() {
        live.close();
    }

    private static Splice ins(int at, String text) {
        return new Splice(at, 0, text);
    }

    @Test
    void twoEditorsOnTheSameHeadsBothKeepTheirWords() {
        List<String> base = live.state().heads();
        live.apply("anne", 1, base, List.of(ins(7, " noir")));
        LiveText.Applied b = live.apply("bob", 1, base, List.of(new Splice(8, 4, "ronronne")));
        assertThat(b.state().text()).isEqualTo("Le chat noir ronronne.");
        assertThat(b.state().heads()).hasSize(2); // two concurrent branches, merged
    }

    @Test
    void concurrentInsertionsAtTheSamePlaceKeepBothWholeAndInOneOrder() {
        List<String> base = live.state().heads();
        live.apply("anne", 1, base, List.of(ins(12, " vite")));
        String text = live.apply("bob", 1, base, List.of(ins(12, " bien"))).state().text();
        assertThat(text).isIn("Le chat dort vite bien.", "Le chat dort bien vite.");
    }

    @Test
    void anInsertionInsideADeletedStretchSurvivesIt() {
        List<String> base = live.state().heads();
        live.apply("anne", 1, base, List.of(new Splice(2, 5, ""))); // deletes " chat"
        String text = live.apply("bob", 1, base, List.of(ins(5, "-"))).state().text(); // "Le ch-at"
        assertThat(text).isEqualTo("Le- dort.");
    }

    @Test
    void anOfflineBatchTypedOnOldHeadsMergesWithWhatOthersDidMeanwhile() {
        List<String> before = live.state().heads();
        // Bob goes offline and types three things, each on the text as his own previous ones left it
        List<Splice> offline = List.of(ins(0, "« "), ins(15, " »"), new Splice(2, 2, "Un"));
        // meanwhile Anne types twice, online
        LiveText.Applied a1 = live.apply("anne", 1, before, List.of(ins(13, " Il pleut.")));
        live.apply("anne", 2, a1.change(), List.of(ins(23, " Fin.")));
        LiveText.Applied b = live.apply("bob", 7, before, offline);
        assertThat(b.state().text()).isEqualTo("« Un chat dort. » Il pleut. Fin.");
        // Bob's branch is the text he saw when he sent it; his next batch builds on it
        LiveText.Applied b2 = live.apply("bob", 8, b.change(), List.of(ins(17, "!")));
        assertThat(b2.state().text()).isEqualTo("« Un chat dort. »! Il pleut. Fin.");
    }

    @Test
    void aBatchOnOldHeadsCostsNoReplayOfTheHistory() {
        List<String> old = live.state().heads();
        List<String> heads = old;
        for (int i = 0; i < 2_000; i++) {
            heads = live.apply("anne", i + 1, heads, List.of(ins(0, "x"))).change();
        }
        long started = System.nanoTime();
        LiveText.Applied late = live.apply("bob", 1, old, List.of(ins(13, " Fin.")));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(late.state().text()).isEqualTo("x".repeat(2_000) + "Le chat dort. Fin.");
        assertThat(millis).as("an isolated transaction, not a fork that replays 2,000 changes").isLessThan(100);
    }

    @Test
    void aBatchSentTwiceAfterALostAnswerIsAppliedOnce() {
        List<String> base = live.state().heads();
        LiveText.Applied first = live.apply("anne", 3, base, List.of(ins(0, "Oui. ")));
        LiveText.Applied again = live.apply("anne", 3, base, List.of(ins(0, "Oui. ")));
        assertThat(again.state().text()).isEqualTo("Oui. Le chat dort.");
        assertThat(again.change()).isEqualTo(first.change());
    }

    @Test
    void indexesAreJavaScriptsAndNeverSplitACharacter() {
        LiveText emoji = LiveText.of("a😀b", 1);
        try {
            List<String> base = emoji.state().heads();
            assertThat(emoji.apply("anne", 1, base, List.of(ins(3, "!"))).state().text()).isEqualTo("a😀!b");
            List<String> now = emoji.state().heads();
            assertThatThrownBy(() -> emoji.apply("anne", 2, now, List.of(ins(2, "x"))))
                    .isInstanceOf(InvalidInput.class);
        } finally {
            emoji.close();
        }
    }

    @Test
    void aWrongBatchIsRefusedWholeAndLeavesNothing() {
        List<String> base = live.state().heads();
        long sequence = live.state().sequence();
        for (List<Splice> bad : List.of(List.of(ins(0, "ok"), ins(99, "x")), List.of(new Splice(3, 50, "")),
                List.of(new Splice(-1, 0, "x")), List.of(ins(0, "bell\u0007")), List.of(ins(0, "\ud83d")),
                List.of(ins(0, "x".repeat(LiveText.MAX_LENGTH))))) {
            assertThatThrownBy(() -> live.apply("anne", 1, base, bad)).isInstanceOf(InvalidInput.class);
        }
        assertThat(live.state().text()).isEqualTo("Le chat dort.");
        assertThat(live.state().heads()).isEqualTo(base);
        assertThat(live.state().sequence()).isEqualTo(sequence);
    }

    @Test
    void htmlIsTextHereTheSaveSanitizesIt() {
        List<String> base = live.state().heads();
        String text = live.apply("anne", 1, base, List.of(ins(0, "<script>alert(1)</script>"))).state().text();
        assertThat(text).startsWith("<script>alert(1)</script>Le chat");
    }

    @Test
    void headsOfAnotherSessionOrMadeUpAreRefused() {
        LiveText other = LiveText.of("Le chat dort.", 1);
        try {
            List<String> foreign = other.apply("x", 1, other.state().heads(), List.of(ins(0, "a"))).change();
            assertThatThrownBy(() -> live.apply("anne", 1, foreign, List.of(ins(0, "b"))))
                    .isInstanceOf(Conflict.class).hasMessageContaining("live-base-unknown");
            assertThatThrownBy(() -> live.apply("anne", 1, List.of("zz"), List.of(ins(0, "b"))))
                    .isInstanceOf(Conflict.class);
            assertThatThrownBy(() -> live.apply("anne", 1, List.of(), List.of(ins(0, "b"))))
                    .isInstanceOf(Conflict.class);
            assertThat(live.state().text()).isEqualTo("Le chat dort.");
        } finally {
            other.close();
        }
    }

    @Test
    void aWaitingEditorIsWokenByAnotherOnesChange() throws Exception {
        long seen = live.state().sequence();
        List<String> base = live.state().heads();
        Thread writer = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            live.apply("bob", 1, base, List.of(ins(0, "Vite : ")));
        });
        writer.start();
        long started = System.nanoTime();
        LiveText.State state = live.await("anne", seen + 1, 5_000); // anne's own arrival counts as one change
        writer.join();
        assertThat(state.text()).startsWith("Vite : ");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_000);
        assertThat(state.editors()).isEqualTo(2);
    }

    @Test
    void anEditorWhoLeftIsNotBroughtBackByItsAbandonedPoll() throws Exception {
        live.await("anne", -1, 0);
        long seen = live.await("bob", -1, 0).sequence();
        Thread poll = new Thread(() -> {
            try {
                live.await("bob", seen, 5_000); // bob's page is gone; the server does not know it yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        poll.start();
        Thread.sleep(100);
        live.leave("bob"); // sent by bob's page as it closes
        poll.join();
        assertThat(live.state().editors()).isEqualTo(1);
    }

    @Test
    void lineEndsAreATextareasAndSessionsOfTwoCollectivitiesAreTwo() {
        LiveText crlf = LiveText.of("a\r\nb\rc", 4);
        try {
            assertThat(crlf.state().text()).isEqualTo("a\nb\nc");
            assertThat(crlf.state().version()).isEqualTo(4);
        } finally {
            crlf.close();
        }
        LiveTexts all = new LiveTexts();
        LiveText one = all.open(new LiveKey("t1", "wiki-page", "p"), () -> LiveText.of("un", 1));
        LiveText two = all.open(new LiveKey("t2", "wiki-page", "p"), () -> LiveText.of("deux", 1));
        assertThat(one).isNotSameAs(two);
        assertThat(all.open(new LiveKey("t1", "wiki-page", "p"), () -> LiveText.of("autre", 1))).isSameAs(one);
        all.closeAll();
    }
}
