package fr.ent.platform.bench.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used so far by a process and its live descendants, plus what its reaped children used (Linux
 * {@code /proc/<pid>/stat}: utime, stime, cutime, cstime, in clock ticks of 10 ms). A difference of two readings is
 * the CPU a piece of work cost those processes, whatever else the machine was doing meanwhile: the measure that
 * holds on a shared machine where wall time follows the load.
 */
final class ProcessCpu {

    private static final long MILLIS_PER_TICK = 10; // USER_HZ is 100 on Linux

    private final ProcessHandle root;
    private final boolean alone;

    private ProcessCpu(ProcessHandle root) {
        this(root, false);
    }

    private ProcessCpu(ProcessHandle root, boolean alone) {
        this.root = root;
        this.alone = alone;
    }

    /** The process alone, without its descendants: one read of one file (cheap enough around each admin call). */
    static ProcessCpu alone(ProcessHandle process) {
        return new ProcessCpu(process, true);
    }

    static ProcessCpu of(ProcessHandle root) {
        return new ProcessCpu(root);
    }

    /** PostgreSQL's postmaster and its backends, from the data directory's {@code postmaster.pid}. */
    static ProcessCpu ofPostgres(Path dataDirectory) throws IOException {
        long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        return new ProcessCpu(ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(
                "no PostgreSQL process " + pid)));
    }

    long millis() {
        long ticks = ticks(root.pid(), true);
        if (alone) {
            return ticks * MILLIS_PER_TICK;
        }
        for (ProcessHandle p : root.descendants().toList()) {
            ticks += ticks(p.pid(), false);
        }
        return ticks * MILLIS_PER_TICK;
    }

    private static long ticks(long pid, boolean withReapedChildren) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        } catch (java.nio.file.NoSuchFileException e) {
            return 0; // ended between the listing and the reading
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // fields after the command name, which is in parentheses and may hold spaces
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long own = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
        return withReapedChildren ? own + Long.parseLong(f[13]) + Long.parseLong(f[14]) : own;
    }
}
