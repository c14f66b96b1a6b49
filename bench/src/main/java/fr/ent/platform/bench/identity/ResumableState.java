package fr.ent.platform.bench.identity;

import fr.ent.platform.bench.Bench;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The state a resumable realm benchmark keeps between runs ({@link RealmCapacityBench}, {@link PlatformRealmsBench}):
 * a directory under the bench's target with {@code steps.csv} (one line per realm made) and {@code sizes.csv} (one per
 * size measured), each line starting with its number. A new run goes on from the last step and skips the sizes
 * measured; {@code -D<fresh>=true} deletes it all first.
 */
final class ResumableState {

    final Path directory;
    final Path steps;
    final Path sizes;

    private ResumableState(Path directory) {
        this.directory = directory;
        this.steps = directory.resolve("steps.csv");
        this.sizes = directory.resolve("sizes.csv");
    }

    static ResumableState open(String name, String freshProperty, String stepsHeader, String sizesHeader)
            throws IOException {
        ResumableState state = new ResumableState(Bench.targetDirectory().resolve(name));
        if (Boolean.getBoolean(freshProperty)) {
            Bench.deleteTree(state.directory);
        }
        Files.createDirectories(state.directory);
        if (!Files.exists(state.steps)) {
            Files.writeString(state.steps, stepsHeader);
        }
        if (!Files.exists(state.sizes)) {
            Files.writeString(state.sizes, sizesHeader);
        }
        return state;
    }

    /** The steps made by the runs before. */
    int made() throws IOException {
        return Files.readAllLines(steps).size() - 1;
    }

    boolean measured(int size) throws IOException {
        return Files.readAllLines(sizes).stream().skip(1).anyMatch(l -> l.startsWith(size + ","));
    }

    /** The median of the last {@code window} steps' milliseconds, in column {@code column} of steps.csv. */
    double lastStepsMedian(int column, int window) throws IOException {
        List<String> lines = Files.readAllLines(steps);
        return Bench.median(lines.subList(Math.max(1, lines.size() - window), lines.size()).stream()
                .mapToLong(l -> Long.parseLong(l.split(",")[column])).toArray());
    }
}
