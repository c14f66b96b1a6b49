package fr.ent.platform.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * CPU time consumed so far by the platform and by this JVM (the load generator), read from /proc. On a shared
 * machine the throughput of a phase depends on what the neighbours do; the CPU the platform spends per request much
 * less so, which makes it the steadier basis for comparing two phases. "Platform" is the live descendants of this
 * JVM: Open Liberty and Keycloak. The embedded PostgreSQL is not one of them (zonky starts it through pg_ctl, and
 * the postmaster ends up a child of init), so it is counted apart ({@link #postgresMillis}); figures measured
 * before 2026-12-04 17:20 UTC under the name "platform CPU" leave PostgreSQL out. Linux only: elsewhere NaN.
 */
public final class ProcessCpu {

    /** USER_HZ: the unit of utime/stime in /proc/[pid]/stat; 100 on every mainstream Linux build. */
    private static final double TICK_MILLIS = 10.0;

    /** The embedded PostgreSQL's data directory, once the bench platform has one (see {@link #postgresMillis}). */
    private static volatile Path postgresData;

    private ProcessCpu() {
    }

    /** The bench platform's Keycloak ({@code kc.sh}, its JVM a descendant), once it runs. */
    private static volatile ProcessHandle keycloak;

    /** The Keycloak servers of the bench platform's other shards, if it opened any ({@code BenchPlatform}). */
    private static final List<ProcessHandle> SHARDS = new CopyOnWriteArrayList<>();

    /** The bench platform's Keycloak process: its CPU is also told apart from Liberty's ({@link #keycloakMillis}). */
    public static void watchKeycloak(ProcessHandle process) {
        keycloak = process;
        SHARDS.clear(); // a new platform: the shards of an earlier one are gone
    }

    /** One more Keycloak of the bench platform (a shard it opened): counted in {@link #keycloakMillis} too. */
    public static void watchShardKeycloak(ProcessHandle process) {
        SHARDS.add(process);
    }

    /**
     * CPU milliseconds of the bench platform's Keycloak servers and their descendants (part of
     * {@link #platformMillis}): where a login's password hashing goes. NaN without /proc or when no Keycloak is
     * watched.
     */
    public static double keycloakMillis() {
        ProcessHandle process = keycloak;
        if (process == null || !Files.isDirectory(Path.of("/proc/self"))) {
            return Double.NaN;
        }
        long ticks = 0;
        for (ProcessHandle server : concat(process, SHARDS)) {
            ticks += ticks(server.pid()) + server.descendants().mapToLong(p -> ticks(p.pid())).sum();
        }
        return ticks * TICK_MILLIS;
    }

    private static List<ProcessHandle> concat(ProcessHandle first, List<ProcessHandle> more) {
        List<ProcessHandle> all = new ArrayList<>(List.of(first));
        all.addAll(more);
        return all;
    }

    /** Where the bench platform's PostgreSQL keeps its data (its postmaster.pid is found under it). */
    public static void watchPostgres(Path dataDirectory) {
        postgresData = dataDirectory;
    }

    /**
     * CPU milliseconds of the bench platform's PostgreSQL: its postmaster, its live backends and the backends that
     * ended. Counted apart because the embedded server may run detached from this JVM (started through pg_ctl /
     * unshare), and then {@link #platformMillis} does not see it; NaN when it cannot be found.
     */
    public static double postgresMillis() {
        Path data = postgresData;
        if (data == null || !Files.isDirectory(Path.of("/proc/self"))) {
            return Double.NaN;
        }
        try (Stream<Path> files = Files.walk(data, 3)) {
            Path pidFile = files.filter(f -> f.getFileName().toString().equals("postmaster.pid")).findFirst()
                    .orElse(null);
            if (pidFile == null) {
                return Double.NaN;
            }
            long postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            long ticks = ticks(postmaster) + childTicks(postmaster);
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                ticks += procs.map(f -> f.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                        .mapToLong(Long::parseLong).filter(pid -> parent(pid) == postmaster).map(ProcessCpu::ticks)
                        .sum();
            }
            return ticks * TICK_MILLIS;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * Busy CPU milliseconds of the whole machine, all cores (/proc/stat: everything but idle and I/O wait). On a
     * machine where the bench runs alone, the honest total cost of a request, whoever spends it.
     */
    public static double machineBusyMillis() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) { // user nice system idle iowait irq softirq steal
                busy += i == 4 || i == 5 ? 0 : Long.parseLong(f[i]);
            }
            return busy * TICK_MILLIS;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** CPU milliseconds (user + system) of all live descendants of this JVM (Liberty, Keycloak), or NaN without /proc. */
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

    private static long parent(long pid) {
        String[] fields = fields(pid);
        return fields == null ? -1 : Long.parseLong(fields[1]);
    }

    /** cutime + cstime: the CPU of the process's children that ended and were waited for. */
    private static long childTicks(long pid) {
        String[] fields = fields(pid);
        return fields == null ? 0 : Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
    }

    private static String[] fields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException gone) {
            return null;
        }
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
