package fr.ent.platform.apps.directory.be1d;

import java.util.Optional;

/** The three files of a BE1D "CSVExtraction" export, by the multipart part name that carries each of them. */
public enum Be1dFile {
    ELEVES("eleves"), ENSEIGNANTS("enseignants"), RESPONSABLES("responsables");

    private final String partName;

    Be1dFile(String partName) {
        this.partName = partName;
    }

    public String partName() {
        return partName;
    }

    public static Optional<Be1dFile> byPartName(String name) {
        for (Be1dFile file : values()) {
            if (file.partName.equals(name)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }
}
