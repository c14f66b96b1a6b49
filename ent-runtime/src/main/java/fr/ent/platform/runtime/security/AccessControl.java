package fr.ent.platform.runtime.security;

import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.problem.ProblemException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Enforces what each endpoint states with {@link Allow} or {@link Public}, after {@link AuthenticationFilter}
 * established the caller: no caller where one is needed → 401, a caller without any of the roles → 403,
 * an endpoint with no rule at all → 403 for everyone.
 */
@Provider
public class AccessControl implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        context.register(new Check(ruleOf(resource.getResourceMethod(), resource.getResourceClass())),
                Priorities.AUTHORIZATION);
    }

    /** The roles a method needs: empty list = public; {@code Optional.empty()} = no rule stated (deny). */
    static Optional<List<String>> ruleOf(Method method, Class<?> type) {
        if (method.isAnnotationPresent(Public.class)) {
            return Optional.of(List.of());
        }
        if (method.isAnnotationPresent(Allow.class)) {
            return Optional.of(Arrays.asList(method.getAnnotation(Allow.class).value()));
        }
        if (type.isAnnotationPresent(Public.class)) {
            return Optional.of(List.of());
        }
        if (type.isAnnotationPresent(Allow.class)) {
            return Optional.of(Arrays.asList(type.getAnnotation(Allow.class).value()));
        }
        return Optional.empty();
    }

    private record Check(Optional<List<String>> rule) implements ContainerRequestFilter {

        @Override
        public void filter(ContainerRequestContext request) {
            if (rule.isPresent() && rule.get().isEmpty()) {
                return;
            }
            if (request.getSecurityContext().getUserPrincipal() == null) {
                throw ProblemException.unauthorized("unauthenticated");
            }
            if (rule.isEmpty() || rule.get().stream().noneMatch(request.getSecurityContext()::isUserInRole)) {
                throw new NotAllowed("forbidden");
            }
        }
    }
}
