package fr.ent.platform.sovereignty.inventory;

import java.util.List;
import java.util.Objects;

/**
 * The hosts an Ingress serves and those its TLS section covers. A rule without host is recorded as {@value #ANY_HOST};
 * a TLS entry without hosts (the controller's default certificate) covers {@value #ANY_HOST} only.
 */
public record IngressTls(String namespace, String name, List<String> hosts, List<String> tlsHosts) {

    public static final String ANY_HOST = "*";

    public IngressTls {
        Objects.requireNonNull(name, "name");
        hosts = List.copyOf(hosts);
        tlsHosts = List.copyOf(tlsHosts);
    }

    /** Hosts served over plain HTTP because no TLS entry names them. */
    public List<String> hostsWithoutTls() {
        return hosts.stream().filter(h -> !tlsHosts.contains(h)).distinct().toList();
    }
}
