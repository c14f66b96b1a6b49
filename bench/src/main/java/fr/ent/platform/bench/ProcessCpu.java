package fr.ent.platform.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time consumed so far by the platform (Open Liberty and PostgreSQL, the child processes of this JVM) and by
 * this JVM (the load generator), read from /proc. On a shared machine the throughput of a phase depends on what
 * the neighbours do; the CPU the platform spends per request much less so, which makes it the steadier basis for
 * comparing two phases. Linux only: elsewhere the values are NaN.
 */
public final class ProcessCpu {

    /** USER_HZ: the unit of utime/stime in /proc/[pid]/stat; 100 on every mainstream Linux build. */
    private static final double TICK_MILLIS = 10.0;

    private ProcessCpu() {
    }

    /** CPU milliseconds (user + system) of all live descendants of this JVM, or NaN without /proc. */
    public static double platformMillis() {
        if (!Files.isDirectory(Path.of("/proc/self"))) {
            return Double.NaN;
        }
        long ticks = ProcessHandle.current().descendants().mapToLong(p -> ticks(p.pid())).sum();
        return ticks * TICK_MILLIS;
    }

    /** CPU milliseconds of this JVM (the load generator). */
    public static double selfMillis() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e6;
        }
        return Double.NaN;
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // the command name, in parentheses, may contain spaces: fields are counted after its closing ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state): utime is field 14, stime field 15
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return 0; // the process ended between listing and reading
        }
    }
}
