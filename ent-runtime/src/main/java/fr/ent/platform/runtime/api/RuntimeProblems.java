package fr.ent.platform.runtime.api;

import fr.ent.platform.problem.ProblemExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Registers the platform's one problem mapper for the runtime's REST API. */
@Provider
public class RuntimeProblems extends ProblemExceptionMapper {
}
