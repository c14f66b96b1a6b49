package fr.ent.platform.runtime.api;

import fr.ent.platform.problem.ProblemExceptionMapper;
import fr.ent.platform.runtime.tenant.TenantContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.Provider;

/** Registers the platform's one problem mapper for the runtime's REST API; its error logs name the collectivity. */
@Provider
public class RuntimeProblems extends ProblemExceptionMapper {

    @Inject
    TenantContext tenant;

    @Override
    protected String logContext() {
        return tenant != null && tenant.isSet() ? "tenant=" + tenant.current().slug() + " " : "";
    }
}
