package fr.ent.platform.operator.tenantmanager;

import java.util.List;

/**
 * tenant-manager refused a request (a 4xx RFC 9457 problem document): the caller's input or the tenant's state is
 * at fault, so retrying the same request will not help. {@code code} is the last segment of the problem type
 * ({@code slug-taken}, {@code domain-taken}, {@code invalid-input}, {@code illegal-transition}...).
 */
public class TenantManagerProblem extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final int status;
    private final String code;
    private final String detail;
    private final List<FieldError> errors;

    public TenantManagerProblem(int status, String code, String detail, List<FieldError> errors) {
        super(status + " " + code + ": " + detail);
        this.status = status;
        this.code = code;
        this.detail = detail;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
