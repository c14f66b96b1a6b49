package fr.ent.platform.apps.directory.be1d;

import fr.ent.platform.apps.directory.Text;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A primary school's BE1D "CSVExtraction" export (élèves, enseignants, responsables), parsed into importable
 * lines and rejected lines. Pure Java, no database: what can be said from the files alone is checked here
 * (names, dates, lengths, at least one child per parent); matching children to pupils is the importer's job.
 * A file that cannot be read as a whole throws {@link Be1dFormatException}.
 */
public record Be1dExport(List<Lines.Student> students, List<Lines.Teacher> teachers,
        List<Lines.Relative> relatives, List<Rejection> rejected, java.util.Set<Be1dFile> given) {

    /** Longest name the directory stores (ent_user and school_class columns). */
    static final int MAX_NAME = 100;

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT));

    public Be1dExport {
        students = List.copyOf(students);
        teachers = List.copyOf(teachers);
        relatives = List.copyOf(relatives);
        rejected = List.copyOf(rejected);
        given = given == null ? java.util.Set.of() : java.util.Set.copyOf(given);
    }

    /** An export of which the files given are not known: none is taken as the whole of its people. */
    public Be1dExport(List<Lines.Student> students, List<Lines.Teacher> teachers, List<Lines.Relative> relatives,
            List<Rejection> rejected) {
        this(students, teachers, relatives, rejected, java.util.Set.of());
    }

    /** Parses the files given (any of the three may be absent). */
    public static Be1dExport parse(Map<Be1dFile, byte[]> files) {
        List<Rejection> rejected = new ArrayList<>();
        List<Lines.Student> students = files.containsKey(Be1dFile.ELEVES)
                ? students(CsvSheet.read(Be1dFile.ELEVES, files.get(Be1dFile.ELEVES)), rejected) : List.of();
        List<Lines.Teacher> teachers = files.containsKey(Be1dFile.ENSEIGNANTS)
                ? teachers(CsvSheet.read(Be1dFile.ENSEIGNANTS, files.get(Be1dFile.ENSEIGNANTS)), rejected) : List.of();
        List<Lines.Relative> relatives = files.containsKey(Be1dFile.RESPONSABLES)
                ? relatives(CsvSheet.read(Be1dFile.RESPONSABLES, files.get(Be1dFile.RESPONSABLES)), rejected)
                : List.of();
        return new Be1dExport(students, teachers, relatives, rejected, files.keySet());
    }

    private static List<Lines.Student> students(CsvSheet sheet, List<Rejection> rejected) {
        int family = sheet.require("Nom Elève");
        int first = sheet.require("Prénom Elève");
        int birth = sheet.require("Date naissance");
        int klass = sheet.require("Classe");
        int usage = sheet.optional("Nom d'usage Elève");
        int level = sheet.optional("Niveau");
        List<Lines.Student> lines = new ArrayList<>();
        for (CsvSheet.Row row : sheet.rows()) {
            String familyName = CsvSheet.cell(row, family);
            String firstName = CsvSheet.cell(row, first);
            String usageName = CsvSheet.cell(row, usage);
            String className = CsvSheet.cell(row, klass);
            String birthText = CsvSheet.cell(row, birth);
            String problem = nameProblem("de l'élève", familyName, usageName, firstName);
            if (problem == null) {
                problem = classProblem(className);
            }
            LocalDate birthDate = null;
            if (problem == null) {
                if (birthText == null) {
                    problem = "date de naissance manquante";
                } else {
                    birthDate = date(birthText);
                    if (birthDate == null) {
                        problem = "date de naissance invalide « " + birthText + " » (attendu AAAA-MM-JJ ou JJ/MM/AAAA)";
                    }
                }
            }
            if (problem != null) {
                rejected.add(new Rejection(Be1dFile.ELEVES.partName(), row.line(), problem));
                continue;
            }
            lines.add(new Lines.Student(row.line(), familyName, shown(usageName, familyName), firstName, birthDate,
                    className, CsvSheet.cell(row, level)));
        }
        return lines;
    }

    private static List<Lines.Teacher> teachers(CsvSheet sheet, List<Rejection> rejected) {
        int family = sheet.require("Nom");
        int first = sheet.require("Prénom");
        int klass = sheet.require("Classe");
        int usage = sheet.optional("Nom usage");
        int email = sheet.optional("Courriel");
        List<Lines.Teacher> lines = new ArrayList<>();
        for (CsvSheet.Row row : sheet.rows()) {
            String familyName = CsvSheet.cell(row, family);
            String usageName = CsvSheet.cell(row, usage);
            String firstName = CsvSheet.cell(row, first);
            String className = CsvSheet.cell(row, klass);
            String problem = nameProblem("de l'enseignant", familyName, usageName, firstName);
            if (problem == null) {
                problem = classProblem(className);
            }
            if (problem != null) {
                rejected.add(new Rejection(Be1dFile.ENSEIGNANTS.partName(), row.line(), problem));
                continue;
            }
            lines.add(new Lines.Teacher(row.line(), familyName, shown(usageName, familyName), firstName,
                    CsvSheet.cell(row, email), className));
        }
        return lines;
    }

    private static List<Lines.Relative> relatives(CsvSheet sheet, List<Rejection> rejected) {
        int family = sheet.require("Nom responsable");
        int first = sheet.require("Prénom responsable");
        List<Integer> childFamily = sheet.all("Nom de famille enfant");
        List<Integer> childFirst = sheet.all("Prénom enfant");
        if (childFamily.isEmpty()) {
            sheet.require("Nom de famille enfant");
        }
        if (childFirst.isEmpty()) {
            sheet.require("Prénom enfant");
        }
        List<Integer> childUsage = sheet.all("Nom d'usage enfant");
        List<Integer> childClass = sheet.all("Classes enfants");
        int usage = sheet.optional("Nom usage responsable");
        int email = sheet.optional("Courriel");
        int address = sheet.optional("Adresse responsable");
        int postalCode = sheet.optional("CP responsable");
        int groups = Math.max(childFamily.size(), childFirst.size());
        List<Lines.Relative> lines = new ArrayList<>();
        for (CsvSheet.Row row : sheet.rows()) {
            String familyName = CsvSheet.cell(row, family);
            String usageName = CsvSheet.cell(row, usage);
            String firstName = CsvSheet.cell(row, first);
            String problem = nameProblem("du responsable", familyName, usageName, firstName);
            List<Lines.Child> children = new ArrayList<>();
            for (int g = 0; g < groups && problem == null; g++) {
                String cFamily = CsvSheet.cell(row, at(childFamily, g));
                String cUsage = CsvSheet.cell(row, at(childUsage, g));
                String cFirst = CsvSheet.cell(row, at(childFirst, g));
                String cClass = CsvSheet.cell(row, at(childClass, g));
                if (cFamily == null && cUsage == null && cFirst == null && cClass == null) {
                    continue; // unused child slot: BE1D always writes three
                }
                if ((cFamily == null && cUsage == null) || cFirst == null) {
                    problem = "enfant n° " + (g + 1) + " incomplet : nom et prénom de l'enfant sont nécessaires";
                } else {
                    children.add(new Lines.Child(cFamily, cUsage, cFirst, cClass));
                }
            }
            if (problem == null && children.isEmpty()) {
                problem = "aucun enfant n'est indiqué pour ce responsable";
            }
            if (problem != null) {
                rejected.add(new Rejection(Be1dFile.RESPONSABLES.partName(), row.line(), problem));
                continue;
            }
            lines.add(new Lines.Relative(row.line(), familyName, shown(usageName, familyName), firstName,
                    CsvSheet.cell(row, email), CsvSheet.cell(row, address), CsvSheet.cell(row, postalCode),
                    children));
        }
        return lines;
    }

    private static int at(List<Integer> indexes, int i) {
        return i < indexes.size() ? indexes.get(i) : -1;
    }

    /** The name shown in the directory: the usage name when the export gives one, else the family name. */
    private static String shown(String usageName, String familyName) {
        return usageName != null ? usageName : familyName;
    }

    private static String nameProblem(String whose, String familyName, String usageName, String firstName) {
        if (familyName == null || firstName == null) {
            return "nom ou prénom " + whose + " manquant";
        }
        if (familyName.length() > MAX_NAME || firstName.length() > MAX_NAME
                || (usageName != null && usageName.length() > MAX_NAME)) {
            return "nom ou prénom " + whose + " trop long (" + MAX_NAME + " caractères au plus)";
        }
        return null;
    }

    private static String classProblem(String className) {
        return className != null && className.length() > MAX_NAME
                ? "nom de classe trop long (" + MAX_NAME + " caractères au plus)" : null;
    }

    /** A birth date as BE1D writes it (ISO) or as a spreadsheet re-saves it (JJ/MM/AAAA); null if neither. */
    static LocalDate date(String text) {
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException e) {
                // try the next accepted format
            }
        }
        return null;
    }

    /** Number of child references over all importable parent lines. */
    public int childReferences() {
        return relatives.stream().mapToInt(r -> r.children().size()).sum();
    }

    /** Class names the export mentions (élèves and enseignants), folded so "cp" and "CP" count once. */
    public long distinctClasses() {
        return Stream.concat(students.stream().map(Lines.Student::className),
                        teachers.stream().map(Lines.Teacher::className))
                .filter(Objects::nonNull).map(Text::fold).distinct().count();
    }
}
