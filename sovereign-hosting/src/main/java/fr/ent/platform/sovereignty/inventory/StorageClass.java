package fr.ent.platform.sovereignty.inventory;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A storage class, its provisioner and parameters. Encryption at rest is read from the parameters that CSI drivers
 * commonly use for it ({@code encrypted}, {@code encryption}, {@code csi.storage.k8s.io/encrypted}); a class without
 * one of them set to {@code true} is considered unencrypted.
 */
public record StorageClass(String name, String provisioner, Map<String, String> parameters, boolean defaultClass) {

    public static final Set<String> ENCRYPTION_PARAMETERS = Set.of("encrypted", "encryption",
            "csi.storage.k8s.io/encrypted");
    public static final String DEFAULT_CLASS_ANNOTATION = "storageclass.kubernetes.io/is-default-class";

    public StorageClass {
        Objects.requireNonNull(name, "name");
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    public boolean encryptedAtRest() {
        return parameters.entrySet().stream()
                .anyMatch(e -> ENCRYPTION_PARAMETERS.contains(e.getKey()) && "true".equalsIgnoreCase(e.getValue().trim()));
    }
}
