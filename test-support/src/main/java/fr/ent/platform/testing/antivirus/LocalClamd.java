package fr.ent.platform.testing.antivirus;

import fr.ent.platform.testing.ports.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real ClamAV daemon (Debian {@code clamav-daemon}, {@code /usr/sbin/clamd}) for a test: its own configuration,
 * a TCP socket on 127.0.0.1 and a free port, and a signature database of our own (signatures cannot be downloaded
 * here), which holds one signature: EICAR, reported as {@value #EICAR_SIGNATURE}. clamd is started in the
 * foreground as a child process and stopped by {@link #close()}; its files live in a temporary directory removed
 * then. Stream limits are raised to {@code maxStreamMegabytes} so that large uploads are scanned, not cut.
 */
public final class LocalClamd implements AutoCloseable {

    public static final Path CLAMD = Path.of("/usr/sbin/clamd");
    /** What clamd answers for the EICAR file with this database (it marks signatures not its own UNOFFICIAL). */
    public static final String EICAR_SIGNATURE = "Ent.Test.Eicar.UNOFFICIAL";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path directory;
    private final int port;

    private LocalClamd(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    /** Whether clamd is installed here (.ci/run installs it; a developer machine may not have it). */
    public static boolean installed() {
        return Files.isExecutable(CLAMD);
    }

    public static LocalClamd start() {
        return start(256);
    }

    public static LocalClamd start(int maxStreamMegabytes) {
        try {
            Path directory = Files.createTempDirectory("ent-clamd-");
            Path database = Files.createDirectories(directory.resolve("db"));
            Files.createDirectories(directory.resolve("tmp"));
            Files.writeString(database.resolve("ent-test.ndb"), Eicar.ndbSignature("Ent.Test.Eicar") + "\n",
                    StandardCharsets.US_ASCII);
            int port = FreePorts.next();
            String limit = maxStreamMegabytes + "M";
            Path config = directory.resolve("clamd.conf");
            Files.writeString(config, String.join("\n",
                    "Foreground yes",
                    "TCPSocket " + port,
                    "TCPAddr 127.0.0.1",
                    "DatabaseDirectory " + database,
                    "TemporaryDirectory " + directory.resolve("tmp"),
                    "LogFile " + directory.resolve("clamd.log"),
                    "LogTime yes",
                    "PidFile " + directory.resolve("clamd.pid"),
                    "MaxThreads 4",
                    "StreamMaxLength " + limit,
                    "MaxScanSize " + limit,
                    "MaxFileSize " + limit,
                    "SelfCheck 600",
                    "Bytecode no",
                    ""), StandardCharsets.US_ASCII);
            Process process = new ProcessBuilder(CLAMD.toString(), "--config-file=" + config)
                    .redirectErrorStream(true).redirectOutput(directory.resolve("clamd.out").toFile()).start();
            LocalClamd clamd = new LocalClamd(process, directory, port);
            clamd.awaitPong();
            return clamd;
        } catch (IOException e) {
            throw new UncheckedIOException("clamd could not be started", e);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** clamd's own log and output, for a failing test's message. */
    public String log() {
        StringBuilder out = new StringBuilder();
        for (String name : new String[] {"clamd.out", "clamd.log"}) {
            try {
                out.append(Files.readString(directory.resolve(name)));
            } catch (IOException e) {
                out.append("(no ").append(name).append(")\n");
            }
        }
        return out.toString();
    }

    private void awaitPong() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String log = log();
                close();
                throw new IllegalStateException("clamd exited at start (" + process.exitValue() + "):\n" + log);
            }
            if (ping()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while waiting for clamd", e);
            }
        }
        String log = log();
        close();
        throw new IllegalStateException("clamd did not answer PING within " + START_TIMEOUT + ":\n" + log);
    }

    private boolean ping() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host(), port), 500);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write("zPING\0".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(5);
            return "PONG\0".equals(new String(reply, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is not worth failing a test for
        }
    }
}
