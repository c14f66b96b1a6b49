package fr.ent.platform.apps.directory.aaf;

import java.util.Optional;

/**
 * The kinds of AAF files, by the word their name carries ({@code <ENT>_Complet_<date>_<word>_<nnnn>.xml}). The
 * declaration order is the order an import applies them: structures and nomenclatures first, parents before
 * pupils (a pupil's record names its parents), staff last (it names the classes and groups the pupils made).
 */
public enum AafKind {
    STRUCTURE("EtabEducNat", null),
    SUBJECT("MatiereEducNat", null),
    MEF("MefEducNat", null),
    RELATIVE("PersRelEleve", "responsable"),
    STUDENT("Eleve", "eleve"),
    STAFF("PersEducNat", "perseducnat");

    private final String word;
    private final String identity;

    AafKind(String word, String identity) {
        this.word = word;
        this.identity = identity;
    }

    public String word() {
        return word;
    }

    /** Whether the records are people of the directory ({@code ent_user}). */
    public boolean people() {
        return identity != null;
    }

    /**
     * The {@code ent_user.external_id} of the person with this AAF id ({@code ENTPersonJointure}):
     * {@code aaf:eleve:<id>}, {@code aaf:responsable:<id>} or {@code aaf:perseducnat:<id>}. Teachers and other staff
     * share one space: the same person may teach one year and not the next, and stays one account.
     */
    public String externalId(String aafId) {
        if (identity == null) {
            throw new IllegalStateException(this + " records are not people");
        }
        return "aaf:" + identity + ":" + aafId;
    }

    static Optional<AafKind> byWord(String word) {
        for (AafKind k : values()) {
            if (k.word.equals(word)) {
                return Optional.of(k);
            }
        }
        // The subject nomenclature is also seen as "MatEducNat" (its records' category).
        return "MatEducNat".equals(word) ? Optional.of(SUBJECT) : Optional.empty();
    }
}
