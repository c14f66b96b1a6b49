package fr.ent.platform.apps.directory.be1d;

import fr.ent.platform.apps.directory.Profile;
import fr.ent.platform.apps.directory.Text;
import fr.ent.platform.apps.directory.be1d.Be1dImportPlan.NewClass;
import fr.ent.platform.apps.directory.be1d.Be1dImportPlan.Person;
import fr.ent.platform.apps.directory.be1d.DirectorySnapshot.ExistingUser;
import fr.ent.platform.apps.directory.be1d.DirectorySnapshot.Link;
import fr.ent.platform.apps.directory.be1d.DirectorySnapshot.Membership;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Decides what an export changes in a school's directory (pure, no database): creates the classes it names,
 * creates or refreshes pupils, teachers and parents by their BE1D identity ({@link Be1dIdentity}), makes class
 * memberships match the export, and links each parent to the pupils named on its line, found among the pupils
 * of this export or already in the school. A parent line naming a child who cannot be found is rejected whole:
 * linking a parent to the wrong child, or to none, is worse than asking the school to fix the line.
 */
public final class Be1dReconciliation {

    private final DirectorySnapshot snapshot;
    private final String uai;

    private final Map<String, UUID> classIdsByFoldedName = new HashMap<>();
    private final Map<UUID, String> classNames = new HashMap<>();
    private final Set<UUID> referencedExistingClasses = new HashSet<>();
    private final Map<String, ExistingUser> usersByExternalId = new HashMap<>();
    private final Map<UUID, Set<UUID>> classesByUser = new HashMap<>();
    /** Pupils of the school by search key ("last first", folded), each with the classes it is known in. */
    private final Map<String, Map<UUID, Set<String>>> pupils = new HashMap<>();

    private final List<NewClass> newClasses = new ArrayList<>();
    private final List<Person> newUsers = new ArrayList<>();
    private final List<Person> changedUsers = new ArrayList<>();
    private final List<Membership> membershipsToAdd = new ArrayList<>();
    private final List<Membership> membershipsToRemove = new ArrayList<>();
    private final Set<Link> linksSeen = new HashSet<>();
    private final List<Link> linksToAdd = new ArrayList<>();
    private final List<Rejection> rejected = new ArrayList<>();
    private final List<PlannedChange> changes = new ArrayList<>();
    private final Map<UUID, ExistingUser> existingById = new HashMap<>();
    private final Tally imported = new Tally();
    private final Tally updated = new Tally();
    private final Tally unchanged = new Tally();
    /** Everyone this export names (found or created): they have the right (again). */
    private final Set<UUID> present = new HashSet<>();

    private Be1dReconciliation(DirectorySnapshot snapshot) {
        this.snapshot = snapshot;
        this.uai = snapshot.uai();
        for (DirectorySnapshot.ExistingClass c : snapshot.classes()) {
            classIdsByFoldedName.putIfAbsent(Text.fold(c.name()), c.id());
            classNames.put(c.id(), c.name());
        }
        for (Membership m : snapshot.memberships()) {
            classesByUser.computeIfAbsent(m.userId(), k -> new HashSet<>()).add(m.classId());
        }
        for (ExistingUser u : snapshot.users()) {
            if (u.externalId() != null) {
                usersByExternalId.put(u.externalId(), u);
            }
            existingById.put(u.id(), u);
            if (u.profile() == Profile.Student) {
                Set<String> classes = new HashSet<>();
                classesByUser.getOrDefault(u.id(), Set.of()).forEach(c -> classes.add(Text.fold(classNames.get(c))));
                knowPupil(u.searchKey(), u.id(), classes);
            }
        }
    }

    /** The plan that brings the school's directory in line with {@code export}. */
    public static Be1dImportPlan plan(DirectorySnapshot snapshot, Be1dExport export) {
        Be1dReconciliation r = new Be1dReconciliation(snapshot);
        r.rejected.addAll(export.rejected());
        r.students(export.students());
        r.teachers(export.teachers());
        r.relatives(export.relatives());
        r.rejected.sort(Comparator.comparing((Rejection x) -> Be1dFile.byPartName(x.file()).orElseThrow().ordinal())
                .thenComparingInt(Rejection::line));
        r.unchanged.classes = r.referencedExistingClasses.size();
        r.changes.sort(Comparator.comparing((PlannedChange x) -> Be1dFile.byPartName(x.file()).orElseThrow().ordinal())
                .thenComparingInt(PlannedChange::line));
        // The school's pupils, teachers and parents this export no longer names have lost the right (issue 18,
        // ADR 0032): the import is their source. Only for a file given whole (an import of the parents alone says
        // nothing of the pupils) and without a rejected line (the person may be on it). People made by hand
        // (personnel, guests) are not the export's.
        Set<Profile> whole = new HashSet<>();
        Set<String> refused = new HashSet<>();
        r.rejected.forEach(x -> refused.add(x.file()));
        Map<Be1dFile, Profile> sources = Map.of(Be1dFile.ELEVES, Profile.Student, Be1dFile.ENSEIGNANTS,
                Profile.Teacher, Be1dFile.RESPONSABLES, Profile.Relative);
        sources.forEach((file, profile) -> {
            if (export.given().contains(file) && !refused.contains(file.partName())) {
                whole.add(profile);
            }
        });
        Set<UUID> absent = new HashSet<>();
        for (ExistingUser u : snapshot.users()) {
            if (!r.present.contains(u.id()) && whole.contains(u.profile())) {
                absent.add(u.id());
            }
        }
        return new Be1dImportPlan(r.newClasses, r.newUsers, r.changedUsers, r.membershipsToAdd,
                r.membershipsToRemove, r.linksToAdd, r.imported.counts(), r.updated.counts(), r.unchanged.counts(),
                r.rejected, r.changes, Set.copyOf(r.present), Set.copyOf(absent));
    }

    private void students(List<Lines.Student> students) {
        Map<String, Integer> firstLine = new HashMap<>();
        for (Lines.Student s : students) {
            String externalId = Be1dIdentity.student(uai, s);
            Integer earlier = firstLine.putIfAbsent(externalId, s.line());
            if (earlier != null) {
                rejected.add(new Rejection(Be1dFile.ELEVES.partName(), s.line(),
                        "élève en double : même nom, prénom et date de naissance qu'à la ligne " + earlier));
                continue;
            }
            Where at = new Where(Be1dFile.ELEVES, s.line(), "élève " + s.lastName() + " " + s.firstName());
            UUID classId = s.className() == null ? null : classId(s.className(), s.level(), at);
            UUID id = upsert(externalId, Profile.Student, s.lastName(), s.firstName(), s.birthDate(), null, at);
            syncMemberships(id, classId == null ? Set.of() : Set.of(classId), at);
            Set<String> classes = s.className() == null ? Set.of() : Set.of(Text.fold(s.className()));
            knowPupil(Text.searchKey(s.lastName(), s.firstName()), id, classes);
            knowPupil(Text.searchKey(s.familyName(), s.firstName()), id, classes);
        }
    }

    private void teachers(List<Lines.Teacher> teachers) {
        // One teacher per identity, whatever the number of lines (one line per class in some exports).
        Map<String, List<Lines.Teacher>> byIdentity = new LinkedHashMap<>();
        for (Lines.Teacher t : teachers) {
            byIdentity.computeIfAbsent(Be1dIdentity.teacher(uai, t), k -> new ArrayList<>()).add(t);
        }
        byIdentity.forEach((externalId, lines) -> {
            Lines.Teacher first = lines.get(0);
            Where at = new Where(Be1dFile.ENSEIGNANTS, first.line(),
                    "enseignant(e) " + first.lastName() + " " + first.firstName());
            String email = lines.stream().map(Lines.Teacher::email).filter(Objects::nonNull).findFirst().orElse(null);
            Set<UUID> classes = new LinkedHashSet<>();
            lines.stream().map(Lines.Teacher::className).filter(Objects::nonNull)
                    .forEach(name -> classes.add(classId(name, null, at)));
            UUID id = upsert(externalId, Profile.Teacher, first.lastName(), first.firstName(), null, email, at);
            syncMemberships(id, classes, at);
        });
    }

    private void relatives(List<Lines.Relative> relatives) {
        Map<String, UUID> planned = new HashMap<>();
        for (Lines.Relative r : relatives) {
            List<UUID> children = new ArrayList<>();
            String problem = null;
            for (Lines.Child child : r.children()) {
                Set<UUID> found = findPupil(child);
                if (found.size() == 1) {
                    children.add(found.iterator().next());
                } else {
                    problem = found.isEmpty()
                            ? "enfant introuvable parmi les élèves de l'établissement : " + child.label()
                            : "plusieurs élèves de l'établissement correspondent à l'enfant " + child.label();
                    break;
                }
            }
            if (problem != null) {
                rejected.add(new Rejection(Be1dFile.RESPONSABLES.partName(), r.line(), problem));
                continue;
            }
            // A parent listed once per child (same identity) is one person with all those children.
            String externalId = Be1dIdentity.relative(uai, r);
            Where at = new Where(Be1dFile.RESPONSABLES, r.line(), "responsable " + r.lastName() + " " + r.firstName());
            UUID id = planned.get(externalId);
            if (id == null) {
                id = upsert(externalId, Profile.Relative, r.lastName(), r.firstName(), null, r.email(), at);
                planned.put(externalId, id);
            }
            for (int i = 0; i < children.size(); i++) {
                Link link = new Link(id, children.get(i));
                if (linksSeen.add(link)) {
                    if (snapshot.links().contains(link)) {
                        unchanged.links++;
                    } else {
                        linksToAdd.add(link);
                        imported.links++;
                        if (existingById.containsKey(id)) {
                            at.change(changes, PlannedChange.Kind.CREATE,
                                    "relié(e) à l'enfant " + r.children().get(i).label());
                        }
                    }
                }
            }
        }
    }

    /**
     * The pupils a parent's line designates: by name (usage name first, then family name), narrowed by the class
     * when namesakes exist. Classes in parent lines are often stale, so a single namesake is taken whatever its
     * class.
     */
    private Set<UUID> findPupil(Lines.Child child) {
        Map<UUID, Set<String>> candidates = new LinkedHashMap<>();
        for (String name : new String[] {child.usageName(), child.familyName()}) {
            if (name != null) {
                candidates.putAll(pupils.getOrDefault(Text.searchKey(name, child.firstName()), Map.of()));
            }
        }
        if (candidates.size() > 1 && child.className() != null) {
            String wanted = Text.fold(child.className());
            Map<UUID, Set<String>> inClass = new LinkedHashMap<>();
            candidates.forEach((id, classes) -> {
                if (classes.contains(wanted)) {
                    inClass.put(id, classes);
                }
            });
            return inClass.isEmpty() ? candidates.keySet() : inClass.keySet();
        }
        return candidates.keySet();
    }

    private void knowPupil(String searchKey, UUID id, Set<String> foldedClasses) {
        pupils.computeIfAbsent(searchKey, k -> new LinkedHashMap<>())
                .merge(id, new HashSet<>(foldedClasses), (a, b) -> {
                    a.addAll(b);
                    return a;
                });
    }

    /** The class of this school named {@code name} (case and accents aside), planned for creation if new. */
    private UUID classId(String name, String level, Where at) {
        String key = Text.fold(name);
        UUID id = classIdsByFoldedName.get(key);
        if (id == null) {
            id = UUID.randomUUID();
            classIdsByFoldedName.put(key, id);
            classNames.put(id, name);
            newClasses.add(new NewClass(id, name, level));
            imported.classes++;
            changes.add(new PlannedChange(at.file().partName(), at.line(), PlannedChange.Kind.CREATE,
                    "classe « " + name + " »", "classe absente de l'établissement, créée"));
        } else if (!isPlanned(id)) {
            referencedExistingClasses.add(id);
        }
        return id;
    }

    private boolean isPlanned(UUID classId) {
        return newClasses.stream().anyMatch(c -> c.id().equals(classId));
    }

    /**
     * Creates the person or refreshes its details. A detail the export does not give (no e-mail column, no birth
     * date for adults) keeps the value the directory has: the export is not saying it changed.
     */
    private UUID upsert(String externalId, Profile profile, String lastName, String firstName, LocalDate birthDate,
            String email, Where at) {
        ExistingUser existing = usersByExternalId.get(externalId);
        if (existing != null) {
            present.add(existing.id());
        }
        if (existing == null) {
            UUID id = UUID.randomUUID();
            newUsers.add(new Person(id, externalId, profile, lastName, firstName, birthDate, email));
            imported.add(profile);
            at.change(changes, PlannedChange.Kind.CREATE, "absent(e) de l'annuaire : créé(e)");
            return id;
        }
        LocalDate birth = birthDate != null ? birthDate : existing.birthDate();
        String mail = email != null ? email : existing.email();
        if (Objects.equals(existing.lastName(), lastName) && Objects.equals(existing.firstName(), firstName)
                && Objects.equals(existing.birthDate(), birth) && Objects.equals(existing.email(), mail)) {
            unchanged.add(profile);
        } else {
            changedUsers.add(new Person(existing.id(), externalId, profile, lastName, firstName, birth, mail));
            updated.add(profile);
            List<String> what = new ArrayList<>();
            difference(what, "nom", existing.lastName(), lastName);
            difference(what, "prénom", existing.firstName(), firstName);
            difference(what, "date de naissance", existing.birthDate(), birth);
            difference(what, "courriel", existing.email(), mail);
            at.change(changes, PlannedChange.Kind.UPDATE, String.join(" ; ", what));
        }
        return existing.id();
    }

    /** Makes the user's classes in this school exactly {@code wanted}: the export is the source of classes. */
    private void syncMemberships(UUID userId, Set<UUID> wanted, Where at) {
        Set<UUID> current = classesByUser.getOrDefault(userId, Set.of());
        for (UUID classId : wanted) {
            if (current.contains(classId)) {
                unchanged.memberships++;
            } else {
                membershipsToAdd.add(new Membership(classId, userId));
                imported.memberships++;
                if (existingById.containsKey(userId)) {
                    at.change(changes, PlannedChange.Kind.CREATE, "inscrit(e) en classe « " + classNames.get(classId)
                            + " »");
                }
            }
        }
        for (UUID classId : current) {
            if (!wanted.contains(classId)) {
                membershipsToRemove.add(new Membership(classId, userId));
                at.change(changes, PlannedChange.Kind.REMOVE, "retiré(e) de la classe « " + classNames.get(classId)
                        + " » : l'export ne l'y place plus");
            }
        }
    }

    private static void difference(List<String> what, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            what.add(field + " : « " + (before == null ? "" : before) + " » → « " + (after == null ? "" : after)
                    + " »");
        }
    }

    /** The line being reconciled and whom it is about, for the plan's lines. */
    private record Where(Be1dFile file, int line, String subject) {

        void change(List<PlannedChange> changes, PlannedChange.Kind kind, String reason) {
            changes.add(new PlannedChange(file.partName(), line, kind, subject, reason));
        }
    }

    /** Mutable counters behind an {@link ImportCounts}. */
    private static final class Tally {
        int classes;
        int students;
        int teachers;
        int relatives;
        int links;
        int memberships;

        void add(Profile profile) {
            switch (profile) {
                case Student -> students++;
                case Teacher -> teachers++;
                case Relative -> relatives++;
                default -> throw new IllegalArgumentException("BE1D does not import " + profile);
            }
        }

        ImportCounts counts() {
            return new ImportCounts(classes, students, teachers, relatives, links, memberships);
        }
    }
}
