package fr.ent.platform.sovereignty.catalogue;

import java.util.Objects;

/** Where a rule comes from: a framework and a precise reference inside it. */
public record Source(Framework framework, String reference) {

    public enum Framework {
        SECNUMCLOUD("SecNumCloud v3.2 (ANSSI)"),
        GDPR("RGPD (règlement (UE) 2016/679)"),
        ENT_ARRETE_2006("Arrêté du 30 novembre 2006 (traitement « espaces numériques de travail »)"),
        CNIL("CNIL");

        private final String title;

        Framework(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    public Source {
        Objects.requireNonNull(framework, "framework");
        Objects.requireNonNull(reference, "reference");
    }

    public static Source secNumCloud(String reference) {
        return new Source(Framework.SECNUMCLOUD, reference);
    }

    public static Source gdpr(String reference) {
        return new Source(Framework.GDPR, reference);
    }

    public static Source entArrete(String reference) {
        return new Source(Framework.ENT_ARRETE_2006, reference);
    }

    public static Source cnil(String reference) {
        return new Source(Framework.CNIL, reference);
    }

    @Override
    public String toString() {
        return framework.title() + ", " + reference;
    }
}
