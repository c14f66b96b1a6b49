package fr.ent.platform.apps.directory.api;

import fr.ent.platform.apps.directory.aaf.AafImportReport;
import fr.ent.platform.apps.directory.aaf.AafImporter;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.ProblemException;
import fr.ent.platform.runtime.security.Allow;
import fr.ent.platform.runtime.security.Caller;
import fr.ent.platform.runtime.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * AAF import of the collectivity (the secondary schools' national directory feed): multipart/form-data, one AAF file
 * per part, the part's name (if it ends in .xml) or else its file name being the file's AAF name
 * ({@code <ENT>_Complet_<date>_Eleve_0000.xml}, {@code ..._Delta_...}). The files speak of many schools at once, so
 * only the collectivity's SUPER_ADMIN may send them, unlike BE1D (one school, its ADMIN_LOCAL too). The answer is
 * the finished import; {@code GET .../{id}} shows an import's progress and report meanwhile and afterwards.
 */
@Path("/directory/imports/aaf")
@RequestScoped
public class AafImportResource {

    /**
     * One part, read in streaming; the bound only protects the platform from an endless upload. The national
     * files come split in parts (_0000, _0001...) well under it.
     */
    static final long MAX_PART_BYTES = 1024L * 1024 * 1024;

    @Inject
    AafImporter importer;

    @Inject
    Caller caller;

    @POST
    @Allow(Roles.SUPER_ADMIN)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public AafImportReport importAaf(List<EntityPart> parts) {
        if (parts == null || parts.isEmpty()) {
            throw new InvalidInput("aaf-import-empty");
        }
        List<AafImporter.Source> sources = new ArrayList<>();
        for (EntityPart part : parts) {
            // a part named after its file (scripts), or any name with the file's own name (a browser's upload)
            String name = part.getName() != null && part.getName().endsWith(".xml") ? part.getName()
                    : part.getFileName().filter(n -> !n.isBlank()).orElse(part.getName());
            sources.add(new AafImporter.Source(name, new Bounded(part.getContent(), name)));
        }
        // who ran it, for the import's history: the account's name, else its subject (a service account)
        String who = caller.token().map(t -> t.username() != null ? t.username() : t.subject()).orElse("?");
        return importer.importFiles(sources, who);
    }

    @GET
    @Path("/{id}")
    @Allow(Roles.SUPER_ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    public AafImportReport get(@PathParam("id") String id) {
        return importer.get(id);
    }

    /** A part's content that fails with 413 past {@link #MAX_PART_BYTES}. */
    private static final class Bounded extends FilterInputStream {
        private final String name;
        private long read;

        Bounded(InputStream in, String name) {
            super(in);
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > MAX_PART_BYTES) {
                throw new ProblemException(413, "import-too-large", name, MAX_PART_BYTES / (1024 * 1024));
            }
        }
    }
}
