package fr.ent.platform.operator.compliance;

import fr.ent.platform.sovereignty.policy.PolicyConfiguration;
import fr.ent.platform.sovereignty.policy.QualifiedProviders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

/**
 * The sovereign-hosting policy ({@link PolicyConfiguration#load}), read from a file that is normally a ConfigMap
 * mounted in the operator's pod. The kubelet rewrites the file when the ConfigMap changes, so the file is read again
 * when its modification time moves: a policy change applies without restarting the operator.
 */
public final class PolicySource {

    private final Path file;
    private final QualifiedProviders providers;
    private FileTime loadedAt;
    private PolicyConfiguration policy;

    public PolicySource(Path file, QualifiedProviders providers) {
        this.file = Objects.requireNonNull(file, "file");
        this.providers = Objects.requireNonNull(providers, "providers");
    }

    /** The policy file with the bundled (dated, sourced) qualified providers list. */
    public static PolicySource of(Path file) {
        return new PolicySource(file, QualifiedProviders.bundled());
    }

    /** The current policy; an unreadable or invalid file is an error (never "allow everything"). */
    public synchronized PolicyConfiguration current() {
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException("politique souveraine illisible : " + file, e);
        }
        if (policy == null || !modified.equals(loadedAt)) {
            policy = PolicyConfiguration.load(file, providers);
            loadedAt = modified;
        }
        return policy;
    }

    public Path file() {
        return file;
    }
}
