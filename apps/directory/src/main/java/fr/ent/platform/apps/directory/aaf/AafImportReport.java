package fr.ent.platform.apps.directory.aaf;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One AAF import as the API shows it: its state and progress (structures applied of those the files name), its
 * totals, the count of each kind of change ({@code "eleve.created"}, {@code "classe.created"}...), and the first
 * {@link #SHOWN_REJECTIONS} rejected records ({@code rejected} counts them all; the rest stay in the database).
 */
public record AafImportReport(UUID id, String state, String requestedBy, OffsetDateTime requestedAt,
        OffsetDateTime finishedAt, List<String> files, int structuresTotal, int structuresDone, int created,
        int updated, int unchanged, int removed, int rejected, Map<String, Integer> counts,
        List<AafRejection> rejections, String failure) {

    public static final int SHOWN_REJECTIONS = 500;

    public AafImportReport {
        files = List.copyOf(files);
        counts = Map.copyOf(counts);
        rejections = List.copyOf(rejections);
    }
}
