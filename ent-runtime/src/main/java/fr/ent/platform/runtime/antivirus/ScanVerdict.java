package fr.ent.platform.runtime.antivirus;

import java.util.Objects;

/** What the antivirus said of a file: clean, infected (with the signature found), or nothing (it could not scan). */
public sealed interface ScanVerdict {

    record Clean() implements ScanVerdict {
    }

    record Infected(String signature) implements ScanVerdict {
        public Infected {
            Objects.requireNonNull(signature, "signature");
        }
    }

    /** No verdict: the scanner is down, not configured, or refused the stream (its size limit). */
    record Unavailable(String reason) implements ScanVerdict {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
