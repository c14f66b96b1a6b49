package fr.ent.platform.sovereignty.evaluation;

import java.util.Objects;

/** What an evaluator found: a status, the evidence (French) and, when violated, how to fix it (French). */
public record Verdict(Status status, String evidence, String fix) {

    public Verdict {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(evidence, "evidence");
        if (status == Status.VIOLATED && (fix == null || fix.isBlank())) {
            throw new IllegalArgumentException("une violation indique comment la corriger");
        }
    }

    public static Verdict compliant(String evidence) {
        return new Verdict(Status.COMPLIANT, evidence, null);
    }

    public static Verdict violated(String evidence, String fix) {
        return new Verdict(Status.VIOLATED, evidence, fix);
    }

    public static Verdict notApplicable(String evidence) {
        return new Verdict(Status.NOT_APPLICABLE, evidence, null);
    }
}
