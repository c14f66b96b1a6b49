package fr.ent.platform.tenants.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import fr.ent.platform.adminapi.KeycloakShardRequest;
import fr.ent.platform.adminapi.KeycloakShardView;
import fr.ent.platform.problem.Conflict;
import fr.ent.platform.problem.DomainException;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.problem.Problem;
import fr.ent.platform.problem.ProblemStatuses;
import fr.ent.platform.tenants.access.AdminCaller;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.registry.CollectivityRepository;
import fr.ent.platform.tenants.registry.NewCollectivity;
import fr.ent.platform.tenants.shards.ShardRegistry;
import fr.ent.platform.testing.database.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shard API's resource (ADR 0050) on a registry of its own (an open shard it registers would otherwise take the
 * collectivities other tests create): listing with fill, registering and replacing, the refusals a registry decides
 * (capacity under the realms held, closing the last open shard, removing a used or the default shard) and the
 * problems they answer. Who may call it is {@code KeycloakShardAccessTest}'s.
 */
class KeycloakShardResourceTest {

    private DataSource db;
    private KeycloakShardResource resource;
    private CollectivityRepository registry;

    @BeforeEach
    void registry() {
        db = TestDatabase.shared().newDatabase("shardapi_"
                + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36));
        Flyway.configure().dataSource(db).schemas("platform").locations("classpath:db/platform").load().migrate();
        resource = new KeycloakShardResource();
        resource.dataSource = db;
        resource.caller = new AdminCaller();
        registry = new CollectivityRepository(db);
    }

    @Test
    void theConfiguredKeycloakIsListedAndANewShardIsRegisteredThenReplaced() {
        assertThat(resource.list()).containsExactly(new KeycloakShardView("default", true, null, null, 300, true, 0,
                0.0));

        KeycloakShardResource.Registration created = resource.registration("kc-2", new KeycloakShardRequest("http://kc-2:8080/",
                "https://auth2.example.fr", 2, null));
        assertThat(created.created()).isTrue();
        assertThat(created.view()).isEqualTo(new KeycloakShardView("kc-2", false, "http://kc-2:8080",
                "https://auth2.example.fr", 2, true, 0, 0.0));

        // the configured Keycloak closed (another shard is open): the next collectivity goes to kc-2
        assertThat(resource.registration("default", new KeycloakShardRequest(null, null, 300, false)).created())
                .isFalse();
        assertThat(place("alpha")).isEqualTo("kc-2");
        assertThat(resource.one("kc-2")).extracting(KeycloakShardView::realms, KeycloakShardView::fill)
                .containsExactly(1, 0.5);

        // the default shard's capacity and open flag change; its addresses stay the configuration's
        resource.registration("default", new KeycloakShardRequest(null, null, 500, true));
        assertThat(resource.one("default")).isEqualTo(new KeycloakShardView("default", true, null, null, 500, true,
                0, 0.0));

        KeycloakShardResource.Registration replaced = resource.registration("kc-2", new KeycloakShardRequest("http://kc-2.other:8080",
                "https://auth2.example.fr", 1, false));
        assertThat(replaced.created()).isFalse();
        assertThat(replaced.view()).isEqualTo(new KeycloakShardView("kc-2", false, "http://kc-2.other:8080",
                "https://auth2.example.fr", 1, false, 1, 1.0));
        // closed: the next one goes to the default shard
        assertThat(place("beta")).isEqualTo("default");
        assertThat(resource.list()).extracting(KeycloakShardView::name).containsExactly("default", "kc-2");
    }

    @Test
    void aCapacityUnderTheRealmsHeldAndClosingTheLastOpenShardAreRefused() throws Exception {
        resource.registration("kc-2", new KeycloakShardRequest("http://kc-2:8080", "https://auth2.example.fr", 5, true));
        resource.registration("default", new KeycloakShardRequest(null, null, 300, false));
        assertThat(place("alpha")).isEqualTo("kc-2");
        assertThat(place("beta")).isEqualTo("kc-2");

        Problem below = problem(() -> resource.registration("kc-2",
                new KeycloakShardRequest("http://kc-2:8080", "https://auth2.example.fr", 1, true)));
        assertThat(below.status()).isEqualTo(400);
        assertThat(below.detail()).isEqualTo("Le shard « kc-2 » porte déjà 2 royaume(s) : sa capacité ne peut pas"
                + " descendre à 1. Fermez-le (open: false) pour qu'il n'en reçoive plus.");
        assertThat(below.extensions().toString()).contains("capacity");
        assertThat(resource.one("kc-2").capacity()).isEqualTo(5);
        // its exact number of realms is still a capacity (full)
        resource.registration("kc-2", new KeycloakShardRequest("http://kc-2:8080", "https://auth2.example.fr", 2, true));

        // a deleted collectivity frees its place
        sql("UPDATE platform.collectivity SET state = 'DELETED' WHERE slug = 'alpha'");
        resource.registration("kc-2", new KeycloakShardRequest("http://kc-2:8080", "https://auth2.example.fr", 1, true));

        Problem last = problem(() -> resource.registration("kc-2",
                new KeycloakShardRequest("http://kc-2:8080", "https://auth2.example.fr", 1, false)));
        assertThat(last.status()).isEqualTo(400);
        assertThat(last.detail()).startsWith("Le shard « kc-2 » est le dernier ouvert");
        assertThat(resource.one("kc-2").open()).isTrue();
    }

    @Test
    void onlyAShardNoCollectivityWasPlacedOnIsRemoved() throws Exception {
        resource.registration("kc-2", new KeycloakShardRequest("http://kc-2:8080", "https://auth2.example.fr", 5, true));
        resource.registration("kc-3", new KeycloakShardRequest("http://kc-3:8080", "https://auth3.example.fr", 5, false));
        resource.registration("default", new KeycloakShardRequest(null, null, 300, false));
        assertThat(place("alpha")).isEqualTo("kc-2");

        assertThatThrownBy(() -> resource.removal("default")).isInstanceOf(Conflict.class);
        assertThat(problem(() -> resource.removal("kc-2")).detail()).startsWith(
                "Le shard « kc-2 » porte encore les royaumes de 1 collectivité(s)");
        // even deleted: its realm may be retained there
        sql("UPDATE platform.collectivity SET state = 'DELETED' WHERE slug = 'alpha'");
        assertThat(problem(() -> resource.removal("kc-2")).status()).isEqualTo(409);
        assertThatThrownBy(() -> resource.removal("kc-9")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> resource.one("kc-9")).isInstanceOf(NotFound.class);

        resource.removal("kc-3");
        assertThat(resource.list()).extracting(KeycloakShardView::name).containsExactly("default", "kc-2");
    }

    @Test
    void badInputIsRefusedBeforeTheRegistry() {
        assertThatThrownBy(() -> resource.registration("kc-2", null)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> resource.registration("Kc 2", new KeycloakShardRequest("http://kc", "http://kc", 1,
                true))).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> resource.registration("default", new KeycloakShardRequest("http://kc", null, 1, true)))
                .isInstanceOf(InvalidInput.class);
        assertThat(resource.list()).hasSize(1);
    }

    /** A new collectivity placed as its REALM step would place it; the name of its shard. */
    private String place(String slug) {
        Collectivity c = registry.insert(NewCollectivity.of(slug, "commune", "Commune " + slug,
                List.of(slug + ".localhost")));
        return new ShardRegistry(db).place(c).name();
    }

    private static Problem problem(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Throwable e = catchThrowable(call);
        assertThat(e).isInstanceOf(DomainException.class);
        return ProblemStatuses.answer(e, Locale.FRENCH).orElseThrow().problem();
    }

    private void sql(String statement) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
