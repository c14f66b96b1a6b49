package fr.ent.platform.tenants.identity;

import fr.ent.platform.identity.RealmRoles;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * A Keycloak authentication flow of ours, described once as a tree of steps, that reaches a realm in one of two
 * ways (ADR 0013): inside the request that creates the realm ({@link #describe}), or call by call in a realm made
 * before the flow existed ({@link #ensure}). The same description gives the completeness check
 * ({@link #expected}), so the two paths cannot drift apart. A new structure gets a new alias (…-v2).
 */
final class LoginFlow {

    private static final Logger LOG = Logger.getLogger(LoginFlow.class.getName());

    /** A step of a flow: an authenticator (with its configuration, if any) or a sub-flow. */
    sealed interface Node permits Execution, SubFlow {
        String requirement();
    }

    record Execution(String provider, String requirement, Map<String, String> config) implements Node {
    }

    record SubFlow(String alias, String requirement, List<Node> steps) implements Node {
    }

    private final String alias;
    private final String description;
    private final List<Node> steps;

    LoginFlow(String alias, String description, List<Node> steps) {
        this.alias = alias;
        this.description = description;
        this.steps = List.copyOf(steps);
    }

    /** "Condition - user role": the user has (or, negated, has not) the realm role. */
    static Execution hasRole(String role, boolean negate) {
        return new Execution("conditional-user-role", "REQUIRED", Map.of("condUserRole", role,
                "negate", String.valueOf(negate)));
    }

    /**
     * One conditional sub-flow per administrator role ({@link RealmRoles#SECOND_FACTOR}) asking for the OTP form,
     * each excluding the roles before it so that the form is shown once at most: conditions inside one sub-flow
     * are ANDed and "Condition - user role" takes one role. An administrator without an OTP credential gets
     * Keycloak's CONFIGURE_TOTP required action (the form is REQUIRED for them).
     */
    static void administratorsOtp(String prefix, List<Node> into) {
        List<String> before = new ArrayList<>();
        for (String role : RealmRoles.SECOND_FACTOR) {
            List<Node> otp = new ArrayList<>();
            otp.add(hasRole(role, false));
            before.forEach(other -> otp.add(hasRole(other, true)));
            otp.add(new Execution("auth-otp-form", "REQUIRED", null));
            into.add(new SubFlow(prefix + "-otp-" + role, "CONDITIONAL", otp));
            before.add(role);
        }
    }

    // ---- a new realm: the flow inside the creation request

    /** Adds one flow representation per (sub-)flow and the configurations, referring to each other by alias. */
    void describe(JsonArrayBuilder flows, JsonArrayBuilder configs) {
        describe(alias, description, true, steps, flows, configs, new int[1]);
    }

    private static void describe(String alias, String description, boolean topLevel, List<Node> steps,
            JsonArrayBuilder flows, JsonArrayBuilder configs, int[] configCount) {
        JsonArrayBuilder executions = Json.createArrayBuilder();
        int priority = 0;
        for (Node node : steps) {
            priority += 10;
            JsonObjectBuilder e = Json.createObjectBuilder().add("requirement", node.requirement())
                    .add("priority", priority).add("userSetupAllowed", false);
            if (node instanceof SubFlow sub) {
                e.add("authenticatorFlow", true).add("flowAlias", sub.alias());
                describe(sub.alias(), sub.alias(), false, sub.steps(), flows, configs, configCount);
            } else if (node instanceof Execution x) {
                e.add("authenticatorFlow", false).add("authenticator", x.provider());
                if (x.config() != null) {
                    // Same alias as the call-by-call path gives it: parent flow, provider, running number.
                    String configAlias = alias + "-" + x.provider() + "-" + ++configCount[0];
                    JsonObjectBuilder values = Json.createObjectBuilder();
                    x.config().forEach(values::add);
                    configs.add(Json.createObjectBuilder().add("alias", configAlias).add("config", values));
                    e.add("authenticatorConfig", configAlias);
                }
            }
            executions.add(e);
        }
        flows.add(Json.createObjectBuilder().add("alias", alias).add("description", description)
                .add("providerId", "basic-flow").add("topLevel", topLevel).add("builtIn", false)
                .add("authenticationExecutions", executions));
    }

    // ---- an existing realm: checked, and built call by call when missing

    /**
     * Builds the flow in the realm if it is missing, or incomplete and not in use (a creation interrupted
     * half-way: deleted and rebuilt). A flow in use that differs was changed by hand in the console: an operator's
     * decision, left as is with a warning. Returns false only in that case.
     */
    boolean ensure(KeycloakAdmin admin, String realm, BooleanSupplier inUse) {
        var existing = admin.find(realm + "/authentication/flows/" + alias + "/executions");
        if (existing.isPresent() && complete(existing.get().array())) {
            return true;
        }
        if (existing.isPresent()) {
            if (inUse.getAsBoolean()) {
                LOG.warning(() -> "realm " + realm + ": flow " + alias + " differs from ours; left as is");
                return false;
            }
            LOG.warning(() -> "realm " + realm + ": flow " + alias + " incomplete (interrupted creation), rebuilt");
            delete(admin, realm);
        }
        new Builder(admin, realm).build();
        return true;
    }

    /** What the executions list of a complete flow contains, in order: (level, provider or sub-flow alias). */
    List<String> expected() {
        List<String> into = new ArrayList<>();
        expected(steps, 0, into);
        return into;
    }

    private static void expected(List<Node> nodes, int level, List<String> into) {
        for (Node node : nodes) {
            if (node instanceof SubFlow sub) {
                into.add(level + " " + sub.alias());
                expected(sub.steps(), level + 1, into);
            } else if (node instanceof Execution x) {
                into.add(level + " " + x.provider());
            }
        }
    }

    private boolean complete(JsonArray executions) {
        List<String> actual = new ArrayList<>();
        for (JsonValue v : executions) {
            JsonObject e = v.asJsonObject();
            String what = e.getBoolean("authenticationFlow", false) ? e.getString("displayName")
                    : e.getString("providerId", "?");
            actual.add(e.getInt("level") + " " + what);
        }
        return actual.equals(expected());
    }

    private void delete(KeycloakAdmin admin, String realm) {
        for (JsonValue v : admin.get(realm + "/authentication/flows").array()) {
            if (alias.equals(v.asJsonObject().getString("alias"))) {
                admin.delete(realm + "/authentication/flows/" + v.asJsonObject().getString("id"));
            }
        }
    }

    /** The call-by-call construction: executions are created DISABLED, their requirements set at the end. */
    private final class Builder {

        private record Requirement(String parent, String requirement) {
        }

        private final KeycloakAdmin admin;
        private final String realm;
        /** Key: execution id or sub-flow alias. */
        private final Map<String, Requirement> requirements = new LinkedHashMap<>();
        private int configs;

        Builder(KeycloakAdmin admin, String realm) {
            this.admin = admin;
            this.realm = realm;
        }

        void build() {
            long started = System.nanoTime();
            KeycloakAdmin.Response created = admin.send("POST", realm + "/authentication/flows",
                    Json.createObjectBuilder().add("alias", alias).add("description", description)
                            .add("providerId", "basic-flow").add("topLevel", true).add("builtIn", false).build());
            if (created.status() != 201) {
                throw new KeycloakException("flow " + alias + " not created in " + realm + ": " + created.body(),
                        created.status());
            }
            build(alias, steps);
            requireAll();
            long millis = (System.nanoTime() - started) / 1_000_000;
            LOG.info(() -> "realm " + realm + ": flow " + alias + " created in " + millis + " ms");
        }

        private void build(String flow, List<Node> nodes) {
            for (Node node : nodes) {
                if (node instanceof SubFlow sub) {
                    admin.post(realm + "/authentication/flows/" + flow + "/executions/flow",
                            Json.createObjectBuilder().add("alias", sub.alias()).add("type", "basic-flow")
                                    .add("provider", "registration-page-form").add("description", sub.alias())
                                    .build());
                    requirements.put(sub.alias(), new Requirement(flow, sub.requirement()));
                    build(sub.alias(), sub.steps());
                } else if (node instanceof Execution x) {
                    execution(flow, x);
                }
            }
        }

        private void execution(String flow, Execution x) {
            KeycloakAdmin.Response r = admin.post(realm + "/authentication/flows/" + flow
                    + "/executions/execution", Json.createObjectBuilder().add("provider", x.provider()).build());
            String id = r.createdId();
            requirements.put(id, new Requirement(flow, x.requirement()));
            if (x.config() != null) {
                var values = Json.createObjectBuilder();
                x.config().forEach(values::add);
                admin.post(realm + "/authentication/executions/" + id + "/config", Json.createObjectBuilder()
                        .add("alias", flow + "-" + x.provider() + "-" + ++configs)
                        .add("config", values).build());
            }
        }

        /** One read of the whole flow (every level), then one update per execution whose requirement differs. */
        private void requireAll() {
            for (JsonValue v : admin.get(realm + "/authentication/flows/" + alias + "/executions")
                    .array()) {
                JsonObject e = v.asJsonObject();
                Requirement wanted = requirements.get(e.getBoolean("authenticationFlow", false)
                        ? e.getString("displayName") : e.getString("id"));
                if (wanted != null && !wanted.requirement().equals(e.getString("requirement", ""))) {
                    admin.put(realm + "/authentication/flows/" + wanted.parent() + "/executions",
                            Json.createObjectBuilder(e).add("requirement", wanted.requirement()).build());
                }
            }
        }
    }
}
