package fr.ent.platform.testing.ai;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A local server speaking the OpenAI chat-completions API over HTTPS (JDK HttpsServer, certificate made with the
 * JDK's keytool for 127.0.0.1), recording every request it receives. What it answers is set per test.
 */
public final class LocalChatServer implements AutoCloseable {

    public static final String PASSWORD = "changeit";

    /** How the server answers: a status and a JSON body, or a delay first. */
    public record Answer(int status, String body, long delayMillis) {
        public static Answer completion(String text) {
            return new Answer(200, "{\"id\":\"cmpl-1\",\"object\":\"chat.completion\",\"model\":\"local\","
                    + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                    + jakarta.json.Json.createValue(text) + "},\"finish_reason\":\"stop\"}]}", 0);
        }
    }

    /** A request as received. */
    public record Received(String method, String path, String authorization, String body) {
    }

    private final HttpsServer server;
    private final Path trustStore;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicReference<Answer> answer = new AtomicReference<>(Answer.completion("Bonjour."));

    private LocalChatServer(HttpsServer server, Path trustStore) {
        this.server = server;
        this.trustStore = trustStore;
    }

    /** Starts on a free port of 127.0.0.1, its key and trust stores in {@code dir}. */
    public static LocalChatServer start(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path keyStore = dir.resolve("server.p12");
        Path cert = dir.resolve("server.cer");
        Path trust = dir.resolve("trust.p12");
        for (Path p : List.of(keyStore, cert, trust)) {
            Files.deleteIfExists(p);
        }
        keytool("-genkeypair", "-alias", "local", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-alias", "local", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "local", "-file", cert.toString(), "-storetype", "PKCS12",
                "-keystore", trust.toString(), "-storepass", PASSWORD);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(sslContext(keyStore)));
        LocalChatServer local = new LocalChatServer(server, trust);
        server.createContext("/", local::handle);
        server.start();
        return local;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            Answer a = answer.get();
            if (a.delayMillis() > 0) {
                try {
                    Thread.sleep(a.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(a.status(), body.length);
            exchange.getResponseBody().write(body);
        }
    }

    public void answer(Answer next) {
        answer.set(next);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public void forget() {
        received.clear();
    }

    /** The API base URL, as configured in ent.egress.ai.url. */
    public String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public Path trustStore() {
        return trustStore;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static SSLContext sslContext(Path keyStore) throws IOException {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new UncheckedIOException(new IOException("keytool " + args[0] + " failed: " + output));
        }
    }
}
