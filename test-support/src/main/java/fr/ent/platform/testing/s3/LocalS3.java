package fr.ent.platform.testing.s3;

import fr.ent.platform.testing.ports.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3-compatible server in the test JVM: S3Proxy over jclouds' file-system back-end, on 127.0.0.1 and a
 * free port, with AWS signature V4 (or V2) authentication by {@link #ACCESS_KEY}/{@link #SECRET_KEY}. The code
 * under test talks to it with the AWS SDK over HTTP, as it would to a provider. Objects live in a temporary
 * directory removed by {@link #close()}. Needs {@code org.gaul:s3proxy} on the caller's class path (test-support
 * declares it optional).
 */
public final class LocalS3 implements AutoCloseable {

    public static final String ACCESS_KEY = "ent-test-access";
    public static final String SECRET_KEY = "ent-test-secret-key";
    /** Any region string is accepted by S3Proxy; the one a French provider would name. */
    public static final String REGION = "fr-par";

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final Path directory;
    private final URI endpoint;

    private LocalS3(S3Proxy proxy, BlobStoreContext context, Path directory, URI endpoint) {
        this.proxy = proxy;
        this.context = context;
        this.directory = directory;
        this.endpoint = endpoint;
    }

    /** Starts the server with the given buckets already created. */
    public static LocalS3 start(String... buckets) {
        Path directory;
        try {
            directory = Files.createTempDirectory("ent-s3-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", directory.toString());
        BlobStoreContext context = ContextBuilder.newBuilder("filesystem").credentials("identity", "credential")
                .overrides(properties).build(BlobStoreContext.class);
        for (String bucket : buckets) {
            context.getBlobStore().createContainerInLocation(null, bucket);
        }
        URI endpoint = URI.create("http://127.0.0.1:" + FreePorts.next());
        S3Proxy proxy = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(endpoint)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        try {
            proxy.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
                }
                Thread.sleep(20);
            }
        } catch (Exception e) {
            context.close();
            throw new IllegalStateException("S3Proxy could not be started", e);
        }
        return new LocalS3(proxy, context, directory, endpoint);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Where the objects are, one directory per bucket (tests look there to prove nothing was half-stored). */
    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            // stopping a test server: nothing more to do
        } finally {
            context.close();
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary directory left behind is not worth failing a test for
            }
        }
    }
}
