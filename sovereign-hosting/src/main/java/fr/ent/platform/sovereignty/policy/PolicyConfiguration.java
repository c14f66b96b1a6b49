package fr.ent.platform.sovereignty.policy;

import fr.ent.platform.sovereignty.inventory.Residency;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

/**
 * What the platform's operator allows: the region label values that are in France and in the rest of the EU, the
 * image registries, the egress hosts, and the qualified providers. Loaded from a properties file:
 *
 * <pre>
 * regions.fr=fr-par,fr-mrs,eu-west-par
 * regions.eu=nl-ams,de-fra
 * registries.allowed=registry.ent.example.fr,harbor.ent.example.fr/ent
 * egress.hosts.allowed=smtp.ent.example.fr,*.s3.fr-par.example.net
 * </pre>
 *
 * A registry entry is a registry host ({@code harbor.example.fr}) or a repository prefix
 * ({@code harbor.example.fr/ent}); an egress entry is a host name or {@code *.domain} (its sub-domains, not the
 * domain itself).
 */
public record PolicyConfiguration(Set<String> franceRegions, Set<String> euRegions, List<String> allowedRegistries,
                                  List<String> allowedEgressHosts, QualifiedProviders qualifiedProviders) {

    public PolicyConfiguration {
        franceRegions = Set.copyOf(franceRegions);
        euRegions = Set.copyOf(euRegions);
        allowedRegistries = List.copyOf(allowedRegistries);
        allowedEgressHosts = List.copyOf(allowedEgressHosts);
        Objects.requireNonNull(qualifiedProviders, "qualifiedProviders");
        if (franceRegions.isEmpty()) {
            throw new IllegalArgumentException("politique : « regions.fr » doit nommer au moins une région");
        }
        Set<String> both = new LinkedHashSet<>(franceRegions);
        both.retainAll(euRegions);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("politique : régions à la fois dans regions.fr et regions.eu : " + both);
        }
    }

    public static PolicyConfiguration load(Path file, QualifiedProviders providers) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(reader);
            return fromProperties(properties, providers);
        } catch (IOException e) {
            throw new UncheckedIOException("politique illisible : " + file, e);
        }
    }

    public static PolicyConfiguration fromProperties(Properties properties, QualifiedProviders providers) {
        return new PolicyConfiguration(Set.copyOf(list(properties, "regions.fr")),
                Set.copyOf(list(properties, "regions.eu")), list(properties, "registries.allowed"),
                list(properties, "egress.hosts.allowed").stream().map(h -> h.toLowerCase(Locale.ROOT)).toList(),
                providers);
    }

    private static List<String> list(Properties properties, String key) {
        String value = properties.getProperty(key, "");
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** The regions a collectivity with this residency accepts: France, plus the rest of the EU for {@code EU}. */
    public Set<String> allowedRegions(Residency residency) {
        if (residency == Residency.FR) {
            return franceRegions;
        }
        Set<String> all = new LinkedHashSet<>(franceRegions);
        all.addAll(euRegions);
        return all;
    }

    public boolean registryAllowed(String repository) {
        return allowedRegistries.stream().anyMatch(entry -> repository.equals(entry)
                || repository.startsWith(entry.endsWith("/") ? entry : entry + "/"));
    }

    public boolean egressHostAllowed(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return allowedEgressHosts.stream().anyMatch(entry -> entry.startsWith("*.")
                ? h.endsWith(entry.substring(1)) && h.length() > entry.length() - 1
                : h.equals(entry));
    }
}
