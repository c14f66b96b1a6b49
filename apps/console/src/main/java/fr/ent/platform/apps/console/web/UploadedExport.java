package fr.ent.platform.apps.console.web;

import fr.ent.platform.apps.directory.be1d.Be1dFile;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.ProblemException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;

/**
 * The three files of a BE1D export as the console's upload form sends them (multipart, fields {@code eleves},
 * {@code enseignants}, {@code responsables}, any of them): a field left empty is no file; a file over
 * {@value #MAX_FILE_MB} MB is refused whole ({@code import-too-large}, as the directory's REST import does) before
 * anything is read from the directory.
 */
public final class UploadedExport {

    public static final int MAX_FILE_MB = 10;
    private static final int MAX_BYTES = MAX_FILE_MB * 1024 * 1024;

    private UploadedExport() {
    }

    public static Map<Be1dFile, byte[]> read(HttpServletRequest request) throws IOException {
        Map<Be1dFile, byte[]> files = new EnumMap<>(Be1dFile.class);
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            throw new InvalidInput("import-empty");
        }
        for (Be1dFile file : Be1dFile.values()) {
            Part part;
            try {
                part = request.getPart(file.partName());
            } catch (ServletException | IllegalStateException e) {
                throw new ProblemException(413, "import-too-large", file.partName(), MAX_FILE_MB);
            }
            if (part == null || part.getSize() == 0) {
                continue;
            }
            if (part.getSize() > MAX_BYTES) {
                throw new ProblemException(413, "import-too-large", file.partName(), MAX_FILE_MB);
            }
            try (InputStream in = part.getInputStream()) {
                files.put(file, in.readNBytes(MAX_BYTES + 1));
            }
        }
        return files;
    }
}
