package fr.ent.platform.tenants.shards.move;

import fr.ent.platform.problem.Conflict;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.tenants.registry.JobRows;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The rows of {@code platform.realm_move}: a move's record and its progress (registry migration V12). */
final class RealmMoveJobs {

    private static final String COLUMNS = "id, slug, source_shard, target_shard, state, was_active, requested_by,"
            + " current_step, steps_done, steps_total, people_total, people_copied, step_millis, warnings, problem,"
            + " failure, ended_on, ended_state, requested_at, updated_at, finished_at, collectivity_id";

    private final DataSource dataSource;
    private final Clock clock;
    private final JobRows rows;

    RealmMoveJobs(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.rows = new JobRows(dataSource, clock, "platform.realm_move");
    }

    /** A new RUNNING move; {@link Conflict} {@code realm-move-running} when the collectivity has one unfinished. */
    RealmMoveView insert(UUID id, UUID collectivity, String slug, String source, String target, boolean active,
            String by, int steps) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO"
                + " platform.realm_move (id, collectivity_id, slug, source_shard, target_shard, state, was_active,"
                + " requested_by, steps_total, requested_at, updated_at) VALUES (?, ?, ?, ?, ?, 'RUNNING', ?, ?, ?, ?,"
                + " ?)")) {
            Timestamp now = Timestamp.from(clock.instant());
            ps.setObject(1, id);
            ps.setObject(2, collectivity);
            ps.setString(3, slug);
            ps.setString(4, source);
            ps.setString(5, target);
            ps.setBoolean(6, active);
            ps.setString(7, by);
            ps.setInt(8, steps);
            ps.setTimestamp(9, now);
            ps.setTimestamp(10, now);
            ps.executeUpdate();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new Conflict("realm-move-running", slug);
            }
            throw new IllegalStateException("realm_move of " + slug + ": " + e.getMessage(), e);
        }
        return find(collectivity, id).orElseThrow();
    }

    /** The collectivity's moves, the newest first (the last 50). */
    List<RealmMoveView> list(UUID collectivity) {
        return rows.select(COLUMNS, "collectivity_id = ? ORDER BY requested_at DESC LIMIT 50", RealmMoveJobs::view,
                collectivity);
    }

    Optional<RealmMoveView> find(UUID collectivity, UUID id) {
        return rows.select(COLUMNS, "collectivity_id = ? AND id = ?", RealmMoveJobs::view, collectivity, id).stream()
                .findFirst();
    }

    /** The collectivity's unfinished move, if any. */
    Optional<RealmMoveView> running(UUID collectivity) {
        return rows.select(COLUMNS, "collectivity_id = ? AND state = 'RUNNING'", RealmMoveJobs::view, collectivity)
                .stream().findFirst();
    }

    /** One move of this collectivity; another's id, or a guessed one, is not found. */
    RealmMoveView require(UUID collectivity, String id) {
        return JobRows.id(id).flatMap(uuid -> find(collectivity, uuid))
                .orElseThrow(() -> new NotFound("realm-move-not-found", String.valueOf(id)));
    }

    /** A RUNNING move, whoever ran it (the take-up after a restart). */
    record Unfinished(UUID id, UUID collectivity, String slug, String source, String target, boolean wasActive,
            String step, Map<String, Long> steps, List<String> warnings) {
    }

    /** The RUNNING moves whose row has not moved since {@code before}: their process stopped beating. */
    List<Unfinished> stalled(Instant before) {
        return rows.select(COLUMNS, "state = 'RUNNING' AND updated_at < ?", r -> {
            RealmMoveView v = view(r);
            return new Unfinished(UUID.fromString(v.id()), r.getObject(22, UUID.class), v.slug(), v.from(), v.to(),
                    v.wasActive(), v.currentStep(), v.steps(), v.warnings());
        }, Timestamp.from(before));
    }

    /** Whether the move is still RUNNING and its row has not moved since {@code before} (read again under its lock). */
    boolean stillStalled(UUID id, Instant before) {
        return !rows.select("1", "id = ? AND state = 'RUNNING' AND updated_at < ?", r -> true, id,
                Timestamp.from(before)).isEmpty();
    }

    /** The heartbeat of a move at work: its row moves while the move lives. */
    void touch(UUID id) {
        rows.update("state = state", id);
    }

    /** The step now at work, how many are done, and the times of those run. */
    void step(UUID id, int done, String current, Map<String, Long> millis) {
        rows.update("steps_done = ?, current_step = ?, step_millis = ?", id, done, current, json(millis));
    }

    void people(UUID id, int copied, int total) {
        rows.update("people_copied = ?, people_total = ?", id, copied, total);
    }

    /** The outcome: DONE or FAILED, with the problem of a failure, and where the collectivity stands. */
    void finish(UUID id, Outcome outcome) {
        rows.update("state = ?, current_step = NULL, steps_done = CASE WHEN ? = 'DONE' THEN steps_total ELSE steps_done"
                + " END, step_millis = ?, warnings = ?, problem = ?, failure = ?, ended_on = ?, ended_state = ?,"
                + " finished_at = ?", id, outcome.state(), outcome.state(), json(outcome.steps()),
                clip(String.join("\n", outcome.warnings())), outcome.problem(), clip(outcome.failure()),
                outcome.endedOn(), outcome.endedState(), Timestamp.from(clock.instant()));
    }

    /** How a move finished, as its row keeps it. */
    record Outcome(String state, Map<String, Long> steps, List<String> warnings, String problem, String failure,
            String endedOn, String endedState) {
    }

    private static String clip(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return text.length() > 4000 ? text.substring(0, 3999) + "…" : text;
    }

    private static RealmMoveView view(ResultSet r) throws SQLException {
        String warnings = r.getString(14);
        return new RealmMoveView(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                r.getBoolean(6), r.getString(7), r.getString(8), r.getInt(9), r.getInt(10),
                (Integer) r.getObject(11), r.getInt(12), millis(r.getString(13)),
                warnings == null ? List.of() : List.of(warnings.split("\n")), r.getString(15), r.getString(16),
                r.getString(17), r.getString(18), JobRows.instant(r.getTimestamp(19)),
                JobRows.instant(r.getTimestamp(20)), JobRows.instant(r.getTimestamp(21)));
    }

    private static String json(Map<String, Long> millis) {
        JsonObjectBuilder o = Json.createObjectBuilder();
        millis.forEach(o::add);
        return o.build().toString();
    }

    private static Map<String, Long> millis(String json) {
        Map<String, Long> out = new LinkedHashMap<>();
        try (var reader = Json.createReader(new StringReader(json == null ? "{}" : json))) {
            JsonObject o = reader.readObject();
            o.forEach((step, ms) -> out.put(step, ((JsonNumber) ms).longValue()));
        }
        return java.util.Collections.unmodifiableMap(out);
    }
}
