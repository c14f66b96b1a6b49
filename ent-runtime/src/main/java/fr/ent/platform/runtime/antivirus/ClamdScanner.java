package fr.ent.platform.runtime.antivirus;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * ClamAV's daemon over TCP with its INSTREAM command: {@code zINSTREAM\0}, then the content in chunks, each
 * preceded by its length as 4 bytes in network order, ended by a zero length; clamd answers one
 * NUL-terminated line: {@code stream: OK}, {@code stream: <signature> FOUND}, or {@code ... ERROR} (such as
 * {@code INSTREAM size limit exceeded}, past clamd's {@code StreamMaxLength}). One connection per scan: clamd
 * closes it after answering.
 *
 * <p>Anything but OK or FOUND (refused connection, time-out, an ERROR line, a reply never seen) is
 * {@link ScanVerdict.Unavailable}: the caller refuses the file rather than store it unscanned. When clamd stops
 * reading in the middle (its size limit), the write fails; the reply it had sent is still read and reported.
 */
public final class ClamdScanner implements VirusScanner {

    private static final Logger LOG = Logger.getLogger(ClamdScanner.class.getName());
    private static final byte[] INSTREAM = "zINSTREAM\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PING = "zPING\0".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_REPLY = 4096;

    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final int chunkSize;

    public ClamdScanner(String host, int port, Duration connectTimeout, Duration readTimeout, int chunkSize) {
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("clamd port out of range: " + port);
        }
        if (chunkSize <= 0) {
            throw new IllegalArgumentException("chunk size must be positive: " + chunkSize);
        }
        this.host = host;
        this.port = port;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.chunkSize = chunkSize;
    }

    /** 64 KiB chunks (clamd's default StreamMaxLength is 25 MB; chunks far below its buffer). */
    public ClamdScanner(String host, int port, Duration timeout) {
        this(host, port, Duration.ofSeconds(Math.min(5, Math.max(1, timeout.toSeconds()))), timeout, 64 * 1024);
    }

    @Override
    public ScanVerdict scan(InputStream content) {
        try (Socket socket = connect()) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            InputStream in = socket.getInputStream();
            try {
                out.write(INSTREAM);
                byte[] chunk = new byte[chunkSize];
                int read;
                while ((read = content.readNBytes(chunk, 0, chunk.length)) > 0) {
                    out.writeInt(read);
                    out.write(chunk, 0, read);
                }
                out.writeInt(0);
                out.flush();
            } catch (IOException writeFailed) {
                // clamd closes the stream past its size limit and has said why: read it below if it is there
                LOG.log(Level.FINE, "clamd stopped reading", writeFailed);
            }
            return verdict(readReply(in));
        } catch (SocketTimeoutException e) {
            return unavailable("clamd n'a pas répondu à temps");
        } catch (IOException e) {
            return unavailable("clamd injoignable (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Whether clamd answers PING with PONG (health page; tests waiting for it). */
    public boolean ping() {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(PING);
            socket.getOutputStream().flush();
            return "PONG".equals(readReply(socket.getInputStream()));
        } catch (IOException e) {
            return false;
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            socket.setSoTimeout((int) readTimeout.toMillis());
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** The reply up to its NUL (or the end of the stream), without the terminator. */
    private static String readReply(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != 0 && reply.size() < MAX_REPLY) {
            reply.write(b);
        }
        return reply.toString(StandardCharsets.US_ASCII).strip();
    }

    static ScanVerdict verdict(String reply) {
        // "stream: OK", "stream: Eicar-Test-Signature FOUND", "INSTREAM size limit exceeded. ERROR"
        String body = reply.startsWith("stream: ") ? reply.substring("stream: ".length()) : reply;
        if (body.equals("OK")) {
            return new ScanVerdict.Clean();
        }
        if (body.endsWith(" FOUND")) {
            return new ScanVerdict.Infected(body.substring(0, body.length() - " FOUND".length()).strip());
        }
        if (reply.isEmpty()) {
            return unavailable("clamd a fermé la connexion sans réponse");
        }
        return unavailable("clamd : " + reply);
    }

    private static ScanVerdict unavailable(String reason) {
        LOG.log(Level.WARNING, "antivirus scan unavailable: {0}", reason);
        return new ScanVerdict.Unavailable(reason);
    }

    @Override
    public String describe() {
        return "clamd " + host + ":" + port;
    }
}
