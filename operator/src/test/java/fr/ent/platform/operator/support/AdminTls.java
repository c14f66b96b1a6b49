package fr.ent.platform.operator.support;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The admin endpoint's TLS material for the ITs, as a cluster would have it from cert-manager: a CA, and a
 * certificate it signed for the address the endpoint is reached at, in a PKCS#12 keystore (Liberty's side); the
 * CA alone in a PEM file (the operator's side, {@code ENT_TENANT_MANAGER_CA}). Made with the JDK's keytool, since
 * the JDK has no public API that signs certificates.
 *
 * @param address this machine's non-loopback address the endpoint is reached at (a pod IP, in a cluster)
 * @param keystore PKCS#12 keystore with the endpoint's key and its certificate chain
 * @param password the keystore's password
 * @param caCertificate PEM file with the CA's certificate
 */
public record AdminTls(String address, Path keystore, String password, Path caCertificate) {

    public static AdminTls create(Path directory) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        String address = nonLoopbackAddress();
        String password = UUID.randomUUID().toString();
        Path ca = directory.resolve("ca.p12");
        Path server = directory.resolve("admin-tls.p12");
        Path caPem = directory.resolve("ca.crt");
        Path request = directory.resolve("admin.csr");
        Path signed = directory.resolve("admin.crt");
        for (Path p : List.of(ca, server, caPem, request, signed)) {
            Files.deleteIfExists(p);
        }
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=ENT test admin CA", "-ext", "bc:c", "-validity", "2", "-keystore", ca, "-storepass", password);
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca, "-storepass", password, "-file", caPem);
        keytool("-genkeypair", "-alias", "admin", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=ent-runtime-admin", "-validity", "2", "-keystore", server, "-storepass", password);
        keytool("-certreq", "-alias", "admin", "-keystore", server, "-storepass", password, "-file", request);
        keytool("-gencert", "-alias", "ca", "-keystore", ca, "-storepass", password, "-infile", request,
                "-outfile", signed, "-rfc", "-validity", "2", "-ext", "san=ip:" + address, "-ext", "eku=serverAuth");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-keystore", server, "-storepass", password,
                "-file", caPem);
        keytool("-importcert", "-alias", "admin", "-keystore", server, "-storepass", password, "-file", signed);
        return new AdminTls(address, server, password, caPem);
    }

    /** The first IPv4 address of an interface that is up and not loopback (what `hostname -I` lists first). */
    static String nonLoopbackAddress() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    return a.getHostAddress();
                }
            }
        }
        throw new IllegalStateException("this machine has no non-loopback IPv4 address: the admin endpoint test "
                + "needs one (see `hostname -I`)");
    }

    private static void keytool(Object... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        for (Object a : arguments) {
            command.add(a.toString());
        }
        command.add("-storetype");
        command.add("PKCS12");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + String.join(" ", command) + "\n" + output);
        }
    }
}
