package fr.ent.platform.sovereignty.inventory;

import java.util.Objects;

/** A container (or init container) image of a pod, as written in the pod spec. */
public record ContainerImage(String namespace, String pod, String container, String image) {

    public ContainerImage {
        Objects.requireNonNull(image, "image");
    }

    /**
     * The image's repository with its registry made explicit, without tag or digest, following the Docker reference
     * rules: {@code nginx:1.27} is {@code docker.io/library/nginx}, {@code quay.io/x/y@sha256:...} is
     * {@code quay.io/x/y}. The first path component is a registry only if it contains a dot or a colon or is
     * {@code localhost}.
     */
    public String repository() {
        String name = image.trim();
        int at = name.indexOf('@');
        if (at >= 0) {
            name = name.substring(0, at);
        }
        int slash = name.lastIndexOf('/');
        int colon = name.lastIndexOf(':');
        if (colon > slash) {
            name = name.substring(0, colon);
        }
        int first = name.indexOf('/');
        String head = first < 0 ? "" : name.substring(0, first);
        boolean hasRegistry = first >= 0 && (head.contains(".") || head.contains(":") || head.equals("localhost"));
        if (hasRegistry) {
            return name;
        }
        return first < 0 ? "docker.io/library/" + name : "docker.io/" + name;
    }

    /** The registry host (with its port if any): {@code docker.io} for a short name. */
    public String registry() {
        String repository = repository();
        return repository.substring(0, repository.indexOf('/'));
    }
}
