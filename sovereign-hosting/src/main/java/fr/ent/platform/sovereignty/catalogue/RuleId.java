package fr.ent.platform.sovereignty.catalogue;

/** The identifiers of the catalogue's rules; {@link #code()} is the stable text form used in reports and docs. */
public enum RuleId {
    SNC_REGION_DATA("SNC-REGION-DATA"),
    SNC_REGION_BACKUP("SNC-REGION-BACKUP"),
    SNC_REGION_COMPUTE("SNC-REGION-COMPUTE"),
    SNC_QUALIFIED_PROVIDER("SNC-QUALIFIED-PROVIDER"),
    SNC_ENCRYPTION_AT_REST("SNC-ENCRYPTION-AT-REST"),
    SNC_TLS_INGRESS("SNC-TLS-INGRESS"),
    SNC_TLS_EGRESS("SNC-TLS-EGRESS"),
    SNC_REGISTRY_ALLOWLIST("SNC-REGISTRY-ALLOWLIST"),
    SNC_EGRESS_ALLOWLIST("SNC-EGRESS-ALLOWLIST"),
    GDPR_ART44_TRANSFER("GDPR-ART44-TRANSFER"),
    SNC_ADMIN_MFA("SNC-ADMIN-MFA"),
    CNIL_LOG_RETENTION("CNIL-LOG-RETENTION"),
    ENT_ART6_ACCOUNT_DELETION("ENT-ART6-ACCOUNT-DELETION"),
    GDPR_ART28_REVERSIBILITY("GDPR-ART28-REVERSIBILITY");

    private final String code;

    RuleId(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static RuleId fromCode(String code) {
        for (RuleId id : values()) {
            if (id.code.equals(code)) {
                return id;
            }
        }
        throw new IllegalArgumentException("règle inconnue : " + code);
    }

    @Override
    public String toString() {
        return code;
    }
}
