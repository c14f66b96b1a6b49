package fr.ent.platform.runtime.persistence;

import fr.ent.platform.runtime.tenant.Tenant;
import fr.ent.platform.runtime.tenant.TenantContext;
import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenancy.TenantState;
import java.util.Optional;
import java.util.UUID;

/** The request's collectivity, as the test sets it: an active collectivity with the given names. */
final class TestTenant extends TenantContext {

    private Tenant tenant;

    void set(TenantNames names) {
        tenant = new Tenant(UUID.nameUUIDFromBytes(names.schema().getBytes()), names.schema(), names.schema(),
                TenantState.ACTIVE, names, "1", Optional.empty());
    }

    @Override
    public Tenant current() {
        return tenant;
    }
}
