package fr.ent.platform.tenants.operator;

import fr.ent.platform.tenants.access.SignInRequired;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * An operator page opened without a valid token ({@link SignInRequired}, from the access filter) answers the
 * sign-in form, 401, in the reader's language: a browser shows a page to act on, not a problem document.
 */
@Provider
public class SignInProblems implements ExceptionMapper<SignInRequired> {

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(SignInRequired e) {
        return OperatorPagesResource.signInPage(headers, uri, 401, e.messageKey());
    }
}
