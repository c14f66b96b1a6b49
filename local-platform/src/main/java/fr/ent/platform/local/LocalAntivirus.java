package fr.ent.platform.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The local platform's antivirus: ClamAV's daemon ({@code /usr/sbin/clamd}, Debian {@code clamav-daemon}) when it
 * is installed, started in the foreground on 127.0.0.1 and a free port, stopped with the platform. Its signature
 * database is a directory of its own under the platform's work area: a test signature for the EICAR file (so that
 * a refused upload can be shown without real malware), plus the machine's official signatures
 * ({@code /var/lib/clamav/*.cvd|cld}, linked) when there are some and {@code systemSignatures} is true (the
 * developer's platform; tests keep to the small database, which loads in a second). Without clamd the platform
 * runs with scanning off ({@code ENT_ANTIVIRUS_REQUIRED=false}), and says so. test-support's {@code LocalClamd}
 * does the same for module tests.
 */
final class LocalAntivirus implements AutoCloseable {

    static final Path CLAMD = Path.of("/usr/sbin/clamd");
    private static final Path SYSTEM_DATABASE = Path.of("/var/lib/clamav");
    /** The EICAR test file (68 ASCII bytes), hex-encoded, as a body signature found at any offset. */
    private static final String EICAR_NDB = "Ent.Test.Eicar:0:*:"
            + "58354f2150254041505b345c505a58353428505e2937434329377d2445494341522d5354414e444152442d414e544956"
            + "495255532d544553542d46494c452124482b482a";

    private final Process process;
    private final int port;

    private LocalAntivirus(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** clamd started under {@code directory}, or empty when it is not installed. */
    static Optional<LocalAntivirus> startIfInstalled(Path directory, boolean systemSignatures,
            Consumer<String> progress) throws IOException, InterruptedException {
        if (!Files.isExecutable(CLAMD)) {
            progress.accept("Antivirus : clamd absent (paquet Debian clamav-daemon) — fichiers acceptés sans analyse");
            return Optional.empty();
        }
        Path database = Files.createDirectories(directory.resolve("db"));
        Files.createDirectories(directory.resolve("tmp"));
        Files.writeString(database.resolve("ent-test.ndb"), EICAR_NDB + "\n", StandardCharsets.US_ASCII);
        if (systemSignatures && Files.isDirectory(SYSTEM_DATABASE)) {
            try (Stream<Path> files = Files.list(SYSTEM_DATABASE)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".cvd") || f.toString().endsWith(".cld"))
                        .toList()) {
                    Path link = database.resolve(file.getFileName());
                    Files.deleteIfExists(link);
                    Files.createSymbolicLink(link, file);
                }
            }
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        // a log per JVM: a clamd left running by a JVM that was killed holds its log's lock, and a clamd given the
        // same log would refuse to start ("Failed to lock the log file")
        Path log = directory.resolve("clamd-" + ProcessHandle.current().pid() + ".log");
        Path config = directory.resolve("clamd.conf");
        Files.writeString(config, String.join("\n",
                "Foreground yes",
                "TCPSocket " + port,
                "TCPAddr 127.0.0.1",
                "DatabaseDirectory " + database,
                "TemporaryDirectory " + directory.resolve("tmp"),
                "LogFile " + log,
                "LogTime yes",
                "MaxThreads 4",
                "StreamMaxLength 256M",
                "MaxScanSize 256M",
                "MaxFileSize 256M",
                "Bytecode no",
                ""), StandardCharsets.US_ASCII);
        progress.accept("Antivirus : clamd (port " + port + ", signatures : " + database + ")");
        Process process = new ProcessBuilder(CLAMD.toString(), "--config-file=" + config).redirectErrorStream(true)
                .redirectOutput(directory.resolve("clamd.out").toFile()).start();
        LocalAntivirus antivirus = new LocalAntivirus(process, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!antivirus.ping()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                antivirus.close();
                throw new IOException("clamd n'a pas démarré : voir " + directory.resolve("clamd.out") + " et "
                        + log);
            }
            Thread.sleep(100);
        }
        return Optional.of(antivirus);
    }

    /** What the runtime needs to reach it (docs/configuration.md). */
    Map<String, String> environment() {
        return Map.of("ENT_ANTIVIRUS_CLAMD_HOST", "127.0.0.1", "ENT_ANTIVIRUS_CLAMD_PORT", Integer.toString(port));
    }

    private boolean ping() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write("zPING\0".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return "PONG\0".equals(new String(in.readNBytes(5), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
