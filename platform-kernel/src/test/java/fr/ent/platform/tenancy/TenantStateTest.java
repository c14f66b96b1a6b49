package fr.ent.platform.tenancy;

import static fr.ent.platform.tenancy.TenantState.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TenantStateTest {

    @Test
    void followsTheDocumentedLifecycle() {
        assertThat(REQUESTED.canMoveTo(PROVISIONING)).isTrue();
        assertThat(PROVISIONING.canMoveTo(ACTIVE)).isTrue();
        assertThat(ACTIVE.canMoveTo(SUSPENDED)).isTrue();
        assertThat(SUSPENDED.canMoveTo(ACTIVE)).isTrue();
        assertThat(SUSPENDED.canMoveTo(ARCHIVED)).isTrue();
        assertThat(ARCHIVED.canMoveTo(DELETED)).isTrue();
        assertThat(FAILED.canMoveTo(PROVISIONING)).isTrue();
    }

    @Test
    void refusesShortcuts() {
        assertThat(ACTIVE.canMoveTo(DELETED)).as("an active tenant is archived before deletion").isFalse();
        assertThat(ARCHIVED.canMoveTo(ACTIVE)).isFalse();
        assertThat(DELETED.next()).isEmpty();
        assertThat(PROVISIONING.canMoveTo(SUSPENDED)).isFalse();
    }

    @Test
    void kindAcceptsFrenchNamesWithOrWithoutAccents() {
        assertThat(CollectivityKind.parse("région")).isEqualTo(CollectivityKind.REGION);
        assertThat(CollectivityKind.parse("DEPARTEMENT")).isEqualTo(CollectivityKind.DEPARTEMENT);
        assertThat(CollectivityKind.parse("département").label()).isEqualTo("département");
    }
}
