package fr.ent.platform.operator.collectivity;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.ent.platform.operator.sla.SlaStatus;
import fr.ent.platform.operator.status.OperatorStatus;
import java.util.List;

/** The collectivity as tenant-manager last reported it, on top of the common conditions. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CollectivityStatus extends OperatorStatus {

    /** tenant-manager's state: REQUESTED, PROVISIONING, ACTIVE, SUSPENDED, ARCHIVED, DELETED, FAILED. */
    private String tenantState;
    private String schema;
    private String schemaVersion;
    /** e.g. "2/3" while provisioning. */
    private String provisioning;
    /** the domains tenant-manager actually serves (the Ingress follows them, not the spec). */
    private List<String> servedDomains;
    /** how many times the operator asked tenant-manager to retry a failed provisioning. */
    private Integer provisioningRetries;
    /** when the operator will next ask tenant-manager to retry a failed provisioning (ISO-8601). */
    private String nextProvisioningRetry;
    /** the availability objective's figures, read from Prometheus (when the SLA watch is on). */
    private SlaStatus sla;

    public SlaStatus getSla() {
        return sla;
    }

    public void setSla(SlaStatus sla) {
        this.sla = sla;
    }

    public String getNextProvisioningRetry() {
        return nextProvisioningRetry;
    }

    public void setNextProvisioningRetry(String nextProvisioningRetry) {
        this.nextProvisioningRetry = nextProvisioningRetry;
    }

    public String getTenantState() {
        return tenantState;
    }

    public void setTenantState(String tenantState) {
        this.tenantState = tenantState;
    }

    public String getSchema() {
        return schema;
    }

    public void setSchema(String schema) {
        this.schema = schema;
    }

    public String getSchemaVersion() {
        return schemaVersion;
    }

    public void setSchemaVersion(String schemaVersion) {
        this.schemaVersion = schemaVersion;
    }

    public String getProvisioning() {
        return provisioning;
    }

    public void setProvisioning(String provisioning) {
        this.provisioning = provisioning;
    }

    public List<String> getServedDomains() {
        return servedDomains;
    }

    public void setServedDomains(List<String> servedDomains) {
        this.servedDomains = servedDomains;
    }

    public int retries() {
        return provisioningRetries == null ? 0 : provisioningRetries;
    }

    public Integer getProvisioningRetries() {
        return provisioningRetries;
    }

    public void setProvisioningRetries(Integer provisioningRetries) {
        this.provisioningRetries = provisioningRetries;
    }
}
