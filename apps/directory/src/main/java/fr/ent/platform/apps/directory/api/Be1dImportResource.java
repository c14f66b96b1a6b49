package fr.ent.platform.apps.directory.api;

import fr.ent.platform.runtime.security.Allow;
import fr.ent.platform.runtime.security.Roles;
import fr.ent.platform.runtime.security.StructureAdmins;
import fr.ent.platform.apps.directory.service.StructureService;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.ProblemException;
import fr.ent.platform.apps.directory.be1d.Be1dFile;
import fr.ent.platform.apps.directory.be1d.Be1dImporter;
import fr.ent.platform.apps.directory.be1d.ImportReport;
import fr.ent.platform.tenancy.InvalidTenantInputException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * BE1D import of a primary school: multipart/form-data with the parts {@code eleves}, {@code enseignants},
 * {@code responsables} (any of them), {@code ?dryRun=true} to see what would change without writing.
 */
@Path("/directory/structures/{id}/imports/be1d")
@RequestScoped
public class Be1dImportResource {

    /** Far above a real school's export (the sample's largest file is 44 kB), low enough to protect the heap. */
    static final int MAX_PART_BYTES = 10 * 1024 * 1024;

    @Inject
    Be1dImporter importer;

    @Inject
    StructureService structures;

    @Inject
    StructureAdmins admins;

    @POST
    @Allow({Roles.SUPER_ADMIN, Roles.ADMIN_LOCAL})
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public ImportReport importBe1d(@PathParam("id") String structureId, @QueryParam("dryRun") String dryRun,
            List<EntityPart> parts) {
        admins.requireAdminOf(structures.get(structureId).uai());
        return importer.importExport(structureId, files(parts), dryRun(dryRun));
    }

    private static boolean dryRun(String value) {
        if (value == null || value.isBlank() || "false".equalsIgnoreCase(value.strip())) {
            return false;
        }
        if ("true".equalsIgnoreCase(value.strip())) {
            return true;
        }
        // "ture" must not silently mean a real import.
        throw new InvalidTenantInputException("dryRun", "import.dryRun", value);
    }

    private static Map<Be1dFile, byte[]> files(List<EntityPart> parts) {
        Map<Be1dFile, byte[]> files = new EnumMap<>(Be1dFile.class);
        for (EntityPart part : parts == null ? List.<EntityPart>of() : parts) {
            Be1dFile file = Be1dFile.byPartName(part.getName())
                    .orElseThrow(() -> new InvalidInput("import-unknown-part", part.getName()));
            try (InputStream in = part.getContent()) {
                byte[] bytes = in.readNBytes(MAX_PART_BYTES + 1);
                if (bytes.length > MAX_PART_BYTES) {
                    throw new ProblemException(413, "import-too-large", file.partName(), MAX_PART_BYTES / (1024 * 1024));
                }
                files.put(file, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }
}
