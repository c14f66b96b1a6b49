package fr.ent.platform.apps.directory.aaf;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an AAF file's name says: the ENT it was made for, complete or delta, its date, its kind and its part number
 * (big files come in parts _0000, _0001...). The name is the only place the kind is given, so a file whose name does
 * not follow the pattern is refused rather than guessed.
 */
public record AafFileName(String name, String ent, boolean delta, String date, AafKind kind, int part) {

    private static final Pattern PATTERN = Pattern.compile(
            "(?:.*/)?([A-Za-z0-9-]+(?:_[A-Za-z0-9-]+)*?)_(Complet|Delta)_(\\d{8})_([A-Za-z]+)_(\\d{4})\\.xml");

    /** The name's meaning, or {@code aaf-file-name} naming what is wrong. */
    public static AafFileName parse(String name) {
        Matcher m = PATTERN.matcher(name == null ? "" : name);
        if (!m.matches()) {
            throw new AafFormatException(String.valueOf(name), 0,
                    "nom de fichier non reconnu (attendu : <ENT>_Complet|Delta_<AAAAMMJJ>_<type>_<nnnn>.xml)");
        }
        AafKind kind = AafKind.byWord(m.group(4)).orElseThrow(() -> new AafFormatException(name, 0,
                "type de fichier AAF inconnu : " + m.group(4)));
        return new AafFileName(name.substring(name.lastIndexOf('/') + 1), m.group(1), "Delta".equals(m.group(2)),
                m.group(3), kind, Integer.parseInt(m.group(5)));
    }
}
