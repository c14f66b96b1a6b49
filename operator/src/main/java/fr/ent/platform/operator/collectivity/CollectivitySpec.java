package fr.ent.platform.operator.collectivity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/**
 * What the hosting operator asks for. The schema repeats tenant-manager's rules (slug, domains) so that a real API
 * server refuses bad input at {@code kubectl apply}; the reconciler checks them again (with the platform's own
 * rules) because a resource may reach it without that validation.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(oldSelf.archived) || !oldSelf.archived || (has(self.archived) && self.archived)",
        message = "archived cannot be undone: an archived collectivity can only be deleted")
public class CollectivitySpec {

    @Required
    @Size(min = 3, max = 40)
    @Pattern("^[a-z](?:[a-z0-9]|-[a-z0-9])*$")
    @ValidationRule(value = "self == oldSelf", message = "slug is immutable: it names the tenant's schema")
    @JsonPropertyDescription("Stable identifier of the collectivity; names its PostgreSQL schema (t_<slug>). Immutable.")
    private String slug;

    @Required
    @JsonPropertyDescription("région, département, commune or groupement (accents optional)")
    @Pattern("^(?i)(r[ée]gion|d[ée]partement|commune|groupement)$")
    private String kind;

    @Required
    @Size(min = 1, max = 200)
    private String displayName;

    @Required
    @Size(min = 1, max = 20)
    @JsonPropertyDescription("Host names the portal answers on (the Host header names the tenant); each belongs to one collectivity")
    @ValidationRule(value = "self.all(d, d.matches('^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$'))",
            message = "each domain is a lower-case host name (punycode for accented names), without port or wildcard")
    private List<String> domains = new ArrayList<>();

    @Default("FR")
    @JsonPropertyDescription("Where the tenant's data must stay: FR (France) or EU")
    @Pattern("^(FR|EU)$")
    private String dataResidency = "FR";

    @Default("standard")
    @Pattern("^(standard|essentiel|premium)$")
    @JsonPropertyDescription("SLA plan: standard (99.8 %, the default), essentiel (99.5 %) or premium (99.9 %); passed to"
            + " tenant-manager, it sets the objective of the SLA rules, of status.sla and of the monthly report")
    private String plan = "standard";

    @JsonPropertyDescription("ENT applications this collectivity offers (app ids, e.g. directory, notifications); empty: every app of the platform. Applied through tenant-manager and published in its settings ConfigMap")
    private List<String> enabledApps = new ArrayList<>();

    @Pattern("^(keycloak|directory)$")
    @JsonPropertyDescription("Where the collectivity makes its new accounts: directory (kept in its directory, imported by"
            + " its realm at a person's first sign-in; needs the platform's directory provider) or keycloak (copied"
            + " into its realm). Unset: as tenant-manager made it (directory when the platform has the provider)."
            + " directory is final: the accounts made there are not copied back")
    private String accounts;

    @Default("retain")
    @Pattern("^(retain|delete)$")
    @JsonPropertyDescription("On deletion: retain keeps the schema and role (data kept, slug reserved), delete drops them")
    private String reclaimPolicy = "retain";

    @Default("false")
    @JsonPropertyDescription("true: the portal answers 503 until set back to false")
    private Boolean suspended = false;

    @Default("false")
    @JsonPropertyDescription("true: the portal answers 410; final (only deletion follows)")
    private Boolean archived = false;

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public List<String> getDomains() {
        return domains;
    }

    public void setDomains(List<String> domains) {
        this.domains = domains == null ? new ArrayList<>() : domains;
    }

    public String getDataResidency() {
        return dataResidency;
    }

    public void setDataResidency(String dataResidency) {
        this.dataResidency = dataResidency;
    }

    public String getPlan() {
        return plan;
    }

    public void setPlan(String plan) {
        this.plan = plan;
    }

    public List<String> getEnabledApps() {
        return enabledApps;
    }

    public void setEnabledApps(List<String> enabledApps) {
        this.enabledApps = enabledApps == null ? new ArrayList<>() : enabledApps;
    }

    public String getAccounts() {
        return accounts;
    }

    public void setAccounts(String accounts) {
        this.accounts = accounts;
    }

    public String getReclaimPolicy() {
        return reclaimPolicy;
    }

    public void setReclaimPolicy(String reclaimPolicy) {
        this.reclaimPolicy = reclaimPolicy;
    }

    public boolean isSuspended() {
        return Boolean.TRUE.equals(suspended);
    }

    public Boolean getSuspended() {
        return suspended;
    }

    public void setSuspended(Boolean suspended) {
        this.suspended = suspended;
    }

    public boolean isArchived() {
        return Boolean.TRUE.equals(archived);
    }

    public Boolean getArchived() {
        return archived;
    }

    public void setArchived(Boolean archived) {
        this.archived = archived;
    }

    /** retain unless explicitly delete: losing data by default is the worse mistake. */
    public boolean retainsData() {
        return !"delete".equals(reclaimPolicy);
    }
}
