package fr.ent.platform.operator.collectivity;

import fr.ent.platform.adminapi.CollectivityRequest;
import fr.ent.platform.adminapi.CollectivityView;
import fr.ent.platform.tenancy.TenantState;
import static fr.ent.platform.operator.support.Collectivities.NAMESPACE;
import static fr.ent.platform.operator.support.Collectivities.collectivity;
import static fr.ent.platform.operator.support.Collectivities.condition;
import static fr.ent.platform.operator.support.Collectivities.isTrue;
import static fr.ent.platform.operator.support.Collectivities.phase;
import static fr.ent.platform.operator.support.Collectivities.read;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.operator.status.ConditionType;
import fr.ent.platform.operator.support.Eventually;
import fr.ent.platform.operator.support.RealPlatform;
import fr.ent.platform.operator.support.RunningOperator;
import fr.ent.platform.operator.tenantmanager.TenantManagerClient;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Collectivity's whole life through the operator: Kubernetes API from the fabric8 mock server (CRUD mode), the
 * real tenant-manager on a real PostgreSQL.
 */
@EnableKubernetesMockClient(crud = true)
class CollectivityLifecycleIT {

    static KubernetesClient client;
    static RealPlatform platform;
    static RunningOperator operator;
    static TenantManagerClient tenantManager;
    // a collectivity's Keycloak realm alone took 56 s on a build machine shared by several builds
    static final Duration TIMEOUT = Duration.ofSeconds(180);

    @BeforeAll
    static void start() {
        platform = RealPlatform.get();
        tenantManager = new TenantManagerClient(platform.adminApi(), Duration.ofSeconds(10),
                platform.operatorCredentials()::authorization);
        operator = RunningOperator.start(client, platform.adminApi());
    }

    @AfterAll
    static void stop() {
        operator.close();
    }

    @Test
    void anAppliedCollectivityBecomesReadyWithItsSchemaAndItsObjects() {
        client.resource(collectivity("alpha", "ops-alpha", "alpha.ent.example.fr", "www.alpha.ent.example.fr"))
                .create();

        Collectivity c = awaitPhase("alpha", "Ready");
        assertThat(isTrue(c, ConditionType.Ready)).isTrue();
        assertThat(isTrue(c, ConditionType.Provisioned)).isTrue();
        assertThat(isTrue(c, ConditionType.HasErrors)).isFalse();
        assertThat(c.getStatus().getObservedGeneration()).isEqualTo(c.getMetadata().getGeneration());
        assertThat(condition(c, ConditionType.Ready).getObservedGeneration()).isEqualTo(c.getMetadata().getGeneration());
        assertThat(c.getStatus().getTenantState()).isEqualTo("ACTIVE");
        assertThat(c.getStatus().getSchema()).isEqualTo("t_ops_alpha");
        assertThat(c.getMetadata().getFinalizers()).contains(CollectivityReconciler.FINALIZER);
        assertThat(platform.schemaExists("t_ops_alpha")).isTrue();

        Ingress ingress = client.network().v1().ingresses().inNamespace(NAMESPACE).withName("alpha-portal").get();
        assertThat(ingress.getSpec().getRules()).extracting(r -> r.getHost())
                .containsExactlyInAnyOrder("alpha.ent.example.fr", "www.alpha.ent.example.fr");
        assertThat(ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService().getName())
                .isEqualTo("ent-runtime");
        assertThat(ingress.getSpec().getTls().get(0).getSecretName()).isEqualTo("alpha-tls");
        assertThat(ingress.getSpec().getTls().get(0).getHosts()).hasSize(2);
        assertThat(ingress.getMetadata().getAnnotations()).containsEntry(TenantObjects.CERT_MANAGER_ISSUER, "ent-issuer");
        ConfigMap settings = client.configMaps().inNamespace(NAMESPACE).withName("alpha-settings").get();
        assertThat(settings.getData()).containsEntry("slug", "ops-alpha").containsEntry("schema", "t_ops_alpha")
                .containsEntry("dataResidency", "FR").containsEntry("enabledApps", "directory,notifications");
        // spec.enabledApps reached tenant-manager: the runtime offers exactly these apps there
        assertThat(tenantManager.apps("ops-alpha").enabled()).containsExactly("directory", "notifications");
        NetworkPolicy policy = client.network().v1().networkPolicies().inNamespace(NAMESPACE)
                .withName("alpha-workloads").get();
        assertThat(policy.getSpec().getPodSelector().getMatchLabels())
                .containsEntry(TenantObjects.LABEL_COLLECTIVITY, "ops-alpha");
        for (var owned : List.of(ingress, settings, policy)) {
            assertThat(owned.getMetadata().getLabels()).containsEntry(TenantObjects.LABEL_COLLECTIVITY, "ops-alpha")
                    .containsEntry(TenantObjects.LABEL_MANAGED_BY, "ent-operator");
            assertThat(owned.getMetadata().getOwnerReferences()).singleElement()
                    .satisfies(o -> assertThat(o.getUid()).isEqualTo(c.getMetadata().getUid()));
        }
        assertThat(events("alpha")).extracting(Event::getReason).contains("Provisioning", "Ready");
    }

    @Test
    void specChangesAreAppliedOrClearlyReported() {
        client.resource(collectivity("beta", "ops-beta", "beta.ent.example.fr")).create();
        awaitPhase("beta", "Ready");

        edit("beta", c -> c.getSpec().setSuspended(true));
        Collectivity suspended = awaitPhase("beta", "Suspended");
        assertThat(tenant("ops-beta").state()).isEqualTo(TenantState.SUSPENDED);
        assertThat(isTrue(suspended, ConditionType.Ready)).as("suspended as asked").isTrue();

        edit("beta", c -> c.getSpec().setSuspended(false));
        awaitPhase("beta", "Ready");
        assertThat(tenant("ops-beta").state()).isEqualTo(TenantState.ACTIVE);

        edit("beta", c -> {
            c.getSpec().setDisplayName("Ville de Bêta");
            c.getSpec().setDomains(List.of("beta.ent.example.fr", "ent.beta.example.fr"));
        });
        Eventually.await(TIMEOUT, "renamed in tenant-manager", () -> tenant("ops-beta"),
                t -> t.displayName().equals("Ville de Bêta"));
        assertThat(tenant("ops-beta").domains()).containsExactlyInAnyOrder("beta.ent.example.fr", "ent.beta.example.fr");
        Collectivity changed = Eventually.await(TIMEOUT, "Ready at the new generation", () -> read(client, "beta"),
                c -> c.getStatus().getObservedGeneration().equals(c.getMetadata().getGeneration())
                        && "Ready".equals(c.getStatus().getPhase()));
        assertThat(isTrue(changed, ConditionType.HasErrors)).isFalse();
        Ingress ingress = client.network().v1().ingresses().inNamespace(NAMESPACE).withName("beta-portal").get();
        assertThat(ingress.getSpec().getRules()).extracting(r -> r.getHost())
                .containsExactlyInAnyOrder("beta.ent.example.fr", "ent.beta.example.fr");

        edit("beta", c -> c.getSpec().setArchived(true));
        awaitPhase("beta", "Archived");
        assertThat(tenant("ops-beta").state()).isEqualTo(TenantState.ARCHIVED);

        edit("beta", c -> c.getSpec().setArchived(false));
        Collectivity reported = Eventually.await(TIMEOUT, "HasErrors SpecNotApplied", () -> read(client, "beta"),
                c -> isTrue(c, ConditionType.HasErrors));
        assertThat(condition(reported, ConditionType.HasErrors).getReason()).isEqualTo("SpecNotApplied");
        assertThat(reported.getStatus().getMessage()).contains("archiving is final");
        assertThat(reported.getStatus().getObservedGeneration()).isEqualTo(reported.getMetadata().getGeneration());
    }

    @Test
    void thePlanGoesToTenantManagerAndAnUnknownOneIsInvalid() {
        Collectivity premium = collectivity("plan-p", "ops-plan-p", "plan-p.ent.example.fr");
        premium.getSpec().setPlan("premium");
        client.resource(premium).create();
        awaitPhase("plan-p", "Ready");
        assertThat(tenant("ops-plan-p").plan()).isEqualTo("premium");

        edit("plan-p", c -> c.getSpec().setPlan("essentiel"));
        Eventually.await(TIMEOUT, "plan changed in tenant-manager", () -> tenant("ops-plan-p"),
                t -> "essentiel".equals(t.plan()));

        // The mock API server does not apply the CRD schema (a real one refuses it at admission): the operator's
        // own check stops it, and tenant-manager's plan stays.
        Collectivity gold = collectivity("plan-g", "ops-plan-g", "plan-g.ent.example.fr");
        gold.getSpec().setPlan("gold");
        client.resource(gold).create();
        Collectivity invalid = awaitPhase("plan-g", "Invalid");
        assertThat(invalid.getStatus().getMessage()).contains("gold");
        assertThat(tenantManager.find("ops-plan-g")).isEmpty();
        edit("plan-p", c -> c.getSpec().setPlan("gold"));
        Eventually.await(TIMEOUT, "Invalid", () -> read(client, "plan-p"), c -> "Invalid".equals(c.getStatus().getPhase()));
        assertThat(tenant("ops-plan-p").plan()).isEqualTo("essentiel");
    }

    /**
     * spec.accounts reaches tenant-manager: keycloak is where this platform's collectivities already make their
     * accounts (no directory provider on the test platform), and directory is refused by tenant-manager and
     * reported, with the collectivity otherwise served as before.
     */
    @Test
    void accountsInADirectoryThePlatformCannotReadAreReportedAndNothingElseChanges() {
        Collectivity accounts = collectivity("acc", "ops-acc", "acc.ent.example.fr");
        accounts.getSpec().setAccounts("keycloak");
        client.resource(accounts).create();
        awaitPhase("acc", "Ready");
        assertThat(tenantManager.accountStorage("ops-acc").storage()).isEqualTo("keycloak");

        edit("acc", c -> c.getSpec().setAccounts("directory"));
        Collectivity refused = Eventually.await(TIMEOUT, "Invalid", () -> read(client, "acc"),
                c -> "Invalid".equals(c.getStatus().getPhase()));
        assertThat(condition(refused, ConditionType.Ready).getReason()).isEqualTo("AccountsNotSwitched");
        assertThat(refused.getStatus().getMessage()).contains("ENT_IDENTITY_FEDERATION_JDBC_URL");
        assertThat(tenantManager.accountStorage("ops-acc").storage()).isEqualTo("keycloak");
        assertThat(tenant("ops-acc").state()).isEqualTo(TenantState.ACTIVE);

        edit("acc", c -> c.getSpec().setAccounts(null));
        awaitPhase("acc", "Ready");
    }

    @Test
    void deletionFollowsTheReclaimPolicy() {
        Collectivity dropped = collectivity("gamma", "ops-gamma", "gamma.ent.example.fr");
        dropped.getSpec().setReclaimPolicy("delete");
        Collectivity kept = collectivity("delta", "ops-delta", "delta.ent.example.fr");
        kept.getSpec().setReclaimPolicy("retain");
        client.resource(dropped).create();
        client.resource(kept).create();
        awaitPhase("gamma", "Ready");
        awaitPhase("delta", "Ready");

        client.resource(read(client, "gamma")).delete();
        client.resource(read(client, "delta")).delete();

        Eventually.await(TIMEOUT, "gamma and delta gone", () -> List.of(read(client, "gamma") == null,
                read(client, "delta") == null), l -> l.get(0) && l.get(1));
        assertThat(tenant("ops-gamma").state()).isEqualTo(TenantState.DELETED);
        assertThat(tenant("ops-gamma").dataRetained()).isFalse();
        assertThat(platform.schemaExists("t_ops_gamma")).isFalse();
        assertThat(tenant("ops-delta").state()).isEqualTo(TenantState.DELETED);
        assertThat(tenant("ops-delta").dataRetained()).isTrue();
        assertThat(platform.schemaExists("t_ops_delta")).isTrue();
        assertThat(client.configMaps().inNamespace(NAMESPACE).withName("gamma-settings").get()).isNull();
        assertThat(client.network().v1().ingresses().inNamespace(NAMESPACE).withName("delta-portal").get()).isNull();
    }

    @Test
    void aBadSlugIsReportedAndNothingIsProvisioned() {
        client.resource(collectivity("bad-slug", "Bad_Slug", "bad.ent.example.fr")).create();

        Collectivity c = awaitPhase("bad-slug", "Invalid");
        assertThat(condition(c, ConditionType.Ready).getReason()).isEqualTo("InvalidSpec");
        assertThat(isTrue(c, ConditionType.HasErrors)).isTrue();
        assertThat(c.getStatus().getMessage()).contains("The slug \"Bad_Slug\" is invalid");
        assertThat(tenantManager.find("Bad_Slug")).isEmpty();
        assertThat(client.configMaps().inNamespace(NAMESPACE).withName("bad-slug-settings").get()).isNull();
        assertThat(events("bad-slug")).extracting(Event::getType).contains("Warning");
    }

    @Test
    void aDomainOwnedByAnotherCollectivityIsReportedAndNothingIsProvisioned() {
        client.resource(collectivity("owner", "ops-owner", "shared.ent.example.fr")).create();
        awaitPhase("owner", "Ready");

        client.resource(collectivity("intruder", "ops-intruder", "shared.ent.example.fr")).create();
        Collectivity c = awaitPhase("intruder", "Invalid");
        assertThat(c.getStatus().getMessage())
                .contains("domain \"shared.ent.example.fr\" is already owned by Collectivity ent/owner");
        assertThat(tenantManager.find("ops-intruder")).isEmpty();
        assertThat(read(client, "owner").getStatus().getPhase()).isEqualTo("Ready");
    }

    @Test
    void aSecondResourceForTheSameSlugIsRefusedAndItsDeletionLeavesTheTenantAlone() {
        client.resource(collectivity("first", "ops-dup", "dup.ent.example.fr")).create();
        awaitPhase("first", "Ready");

        client.resource(collectivity("second", "ops-dup", "dup2.ent.example.fr")).create();
        Collectivity second = awaitPhase("second", "Invalid");
        assertThat(second.getStatus().getMessage())
                .isEqualTo("slug \"ops-dup\" is already managed by Collectivity ent/first.");

        client.resource(second).delete();
        Eventually.await(TIMEOUT, "second gone", () -> read(client, "second") == null, gone -> gone);
        assertThat(tenant("ops-dup").state()).isEqualTo(TenantState.ACTIVE);
        assertThat(read(client, "first").getStatus().getPhase()).isEqualTo("Ready");
    }

    @Test
    void aDomainTenantManagerGaveToAnotherCollectivityIsReportedAndNothingIsProvisioned() {
        tenantManager.create(new CollectivityRequest("ops-direct", "commune", "Created through the API",
                List.of("direct.ent.example.fr"), null));

        client.resource(collectivity("copycat", "ops-copycat", "direct.ent.example.fr")).create();
        Collectivity c = awaitPhase("copycat", "Invalid");
        assertThat(condition(c, ConditionType.Ready).getReason()).isEqualTo("DomainTaken");
        assertThat(c.getStatus().getMessage()).startsWith("tenant-manager refused the collectivity")
                .contains("direct.ent.example.fr");
        assertThat(tenantManager.find("ops-copycat")).isEmpty();
    }

    private static Collectivity awaitPhase(String name, String phase) {
        return Eventually.await(TIMEOUT, name + " in phase " + phase, () -> read(client, name),
                c -> phase.equals(phase(c)) && c.getStatus().getObservedGeneration() != null
                        && c.getStatus().getObservedGeneration().equals(c.getMetadata().getGeneration()));
    }

    private static void edit(String name, java.util.function.Consumer<Collectivity> change) {
        client.resources(Collectivity.class).inNamespace(NAMESPACE).withName(name).edit(c -> {
            change.accept(c);
            return c;
        });
    }

    private static CollectivityView tenant(String slug) {
        return tenantManager.find(slug).orElseThrow();
    }

    private static List<Event> events(String name) {
        return client.v1().events().inNamespace(NAMESPACE).list().getItems().stream()
                .filter(e -> name.equals(e.getInvolvedObject().getName())).toList();
    }
}
