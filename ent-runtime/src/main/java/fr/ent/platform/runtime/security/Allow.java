package fr.ent.platform.runtime.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What an endpoint needs: one of these realm roles of the collectivity ({@link Roles#ANY_USER} for any signed-in
 * user). On a method it replaces the class's rule. An endpoint with neither {@code @Allow} nor {@link Public} is
 * refused to everyone ({@link AccessControl}), so forgetting to state a rule never opens an endpoint.
 *
 * <p>Our own annotation rather than {@code jakarta.annotation.security.RolesAllowed}: Liberty's application
 * security feature (part of webProfile) enforces that one with the container's login, which is not ours.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Allow {
    String[] value();
}
