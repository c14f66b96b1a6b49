package fr.ent.platform.tenants.api;

import fr.ent.platform.problem.ProblemExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Registers the platform's one problem mapper for the admin API. */
@Provider
public class AdminProblems extends ProblemExceptionMapper {
}
