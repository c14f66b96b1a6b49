package fr.ent.platform.bench;

import fr.ent.platform.runtime.collab.LiveText;
import fr.ent.platform.runtime.collab.Splice;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Merge latency of a live editing session (ADR 0037) with 2 and with 10 editors typing at once: the time from one
 * editor's batch given to the server's {@link LiveText} to each other editor's waiting poll being answered with a
 * text that contains it. Each editor is two threads, as a browser is a typist and a long poll: the typist sends a
 * one-character batch every {@code bench.live.interval} ms (200: a phone's typing) at a random place of the last
 * merged text, based on its heads (as the script does when it is idle); the poll waits for anything beyond what it
 * has seen, notes when it was answered, and waits again. The real Automerge library (fork at the heads, splice,
 * merge) and the runtime's own session class, in one JVM: no HTTP, no browser (the end-to-end keystroke latency
 * through two Chromiums and the platform is asserted under a second in {@code CollabIT}).
 */
public final class LiveMergeBench {

    private LiveMergeBench() {
    }

    private record Sent(long sequence, long nanos, int editor) {
    }

    private record Heard(long sequence, long nanos) {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Bench.intProperty("bench.live.seconds", 20);
        int interval = Bench.intProperty("bench.live.interval", 200);
        Bench.say("LiveMergeBench: " + seconds + " s per run, one character every " + interval + " ms per editor; "
                + Bench.machineLine());
        Table table = new Table("editors", "batches", "latency samples", "p50 (ms)", "p99 (ms)", "max (ms)",
                "apply p50 (ms)", "apply p99 (ms)");
        JsonArrayBuilder json = Json.createArrayBuilder();
        run(2, 3, interval); // warm-up (JIT, native library)
        for (int editors : new int[] {2, 10}) {
            long[][] r = run(editors, seconds, interval);
            long[] latency = r[0];
            long[] apply = r[1];
            table.row(editors, apply.length, latency.length, ms(Bench.percentile(latency, 50)),
                    ms(Bench.percentile(latency, 99)), ms(Bench.percentile(latency, 100)),
                    ms(Bench.percentile(apply, 50)), ms(Bench.percentile(apply, 99)));
            json.add(Bench.object().add("editors", editors).add("batches", apply.length)
                    .add("samples", latency.length).add("p50Micros", Bench.percentile(latency, 50) / 1000)
                    .add("p99Micros", Bench.percentile(latency, 99) / 1000)
                    .add("maxMicros", Bench.percentile(latency, 100) / 1000)
                    .add("applyP50Micros", Bench.percentile(apply, 50) / 1000)
                    .add("applyP99Micros", Bench.percentile(apply, 99) / 1000));
        }
        Bench.say(table.text());
        Bench.writeResults("live-merge", Bench.object().add("machine", Bench.machine()).add("seconds", seconds)
                .add("intervalMillis", interval).add("runs", json).build(), table.markdown());
    }

    /** One run: the latencies (ns) of every batch to every other editor, and the time (ns) of every apply. */
    private static long[][] run(int editors, int seconds, int interval) throws InterruptedException {
        LiveText live = LiveText.of("Un texte de départ pour la page, assez long pour y insérer partout.", 1);
        List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
        List<Long> applies = Collections.synchronizedList(new ArrayList<>());
        List<List<Heard>> heard = new ArrayList<>();
        AtomicReference<LiveText.State> latest = new AtomicReference<>(live.state());
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int e = 0; e < editors; e++) {
            int editor = e;
            List<Heard> mine = Collections.synchronizedList(new ArrayList<>());
            heard.add(mine);
            threads.add(Thread.ofPlatform().start(() -> {
                long seen = -1;
                while (System.nanoTime() < end) {
                    try {
                        LiveText.State s = live.await("editor-" + editor, seen, 1_000);
                        mine.add(new Heard(s.sequence(), System.nanoTime()));
                        seen = s.sequence();
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            }));
            threads.add(Thread.ofPlatform().start(() -> {
                long batch = 0;
                ThreadLocalRandom random = ThreadLocalRandom.current();
                try {
                    Thread.sleep(random.nextInt(interval)); // the typists do not start in step
                    while (System.nanoTime() < end) {
                        LiveText.State base = latest.get();
                        int at = random.nextInt(base.text().length() + 1);
                        long t0 = System.nanoTime();
                        LiveText.Applied a = live.apply("editor-" + editor, ++batch, base.heads(),
                                List.of(new Splice(at, 0, "x")));
                        long t1 = System.nanoTime();
                        applies.add(t1 - t0);
                        sent.add(new Sent(a.state().sequence(), t0, editor));
                        latest.accumulateAndGet(a.state(), (x, y) -> y.sequence() > x.sequence() ? y : x);
                        Thread.sleep(interval);
                    }
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        live.close();
        List<Long> latencies = new ArrayList<>();
        for (Sent s : sent) {
            for (int e = 0; e < editors; e++) {
                if (e == s.editor()) {
                    continue;
                }
                synchronized (heard.get(e)) {
                    for (Heard h : heard.get(e)) {
                        if (h.sequence() >= s.sequence()) {
                            latencies.add(Math.max(0, h.nanos() - s.nanos()));
                            break;
                        }
                    }
                }
            }
        }
        return new long[][] {latencies.stream().mapToLong(Long::longValue).toArray(),
                applies.stream().mapToLong(Long::longValue).toArray()};
    }

    private static String ms(long nanos) {
        return Bench.fmt(nanos / 1_000_000.0, 2);
    }
}
