package fr.ent.platform.runtime.data;

/**
 * What an app does with the personal data it keeps, stated to the platform (issue 18, ADR 0030): every app module
 * that has tables gives one, as a CDI bean ({@code DataContractsTest}, runtime-war, fails the build otherwise). It
 * answers three duties, each with a {@link Statement}: export one person's data (rights of access and portability),
 * erase or anonymise one person's data (right to erasure, end of rights), export and import the app's part of a
 * collectivity (reversibility). A duty not built yet says so ({@link Statement#notYet}) and docs/data-protection.md
 * lists it: never a silent no-op. The methods of a duty stated {@link Support#DONE} are overridden (the same test
 * checks it); the others throw, so that nothing is called by mistake.
 *
 * <p>The methods run inside the current collectivity (a request, or {@code TenantJobs.as}): the app reads its own
 * tables through {@code TenantData} as always, never another app's.
 */
public interface DataContract {

    /** The app's id (its descriptor's). */
    String app();

    /** Whether and how this app exports one person's data ({@link #exportPerson}). */
    Statement personExport();

    /** Whether and how this app erases or anonymises one person's data ({@link #erasePerson}). */
    Statement personErasure();

    /** Whether this app exports and imports its part of a whole collectivity (reversibility, issue 18 item 5). */
    Statement collectivityTransfer();

    /**
     * Writes what this app keeps about {@code person} into {@code into}: its sections (rows as column → value) and
     * its files. Only called when {@link #personExport()} is {@link Support#DONE}.
     */
    default void exportPerson(Person person, PersonalExport into) {
        throw new IllegalStateException(app() + " states " + personExport() + " for a person's export");
    }

    /**
     * Erases or anonymises what this app keeps about {@code person}, in one transaction of the app's; idempotent (a
     * second call finds nothing more to do). Only called when {@link #personErasure()} is {@link Support#DONE}.
     *
     * @return the number of rows removed or anonymised, for the job's report
     */
    default long erasePerson(Person person) {
        throw new IllegalStateException(app() + " states " + personErasure() + " for a person's erasure");
    }

    /**
     * Writes the app's part of the whole collectivity (every row of its tables, the files they name) into {@code out}
     * (reversibility, ADR 0033). Only called when {@link #collectivityTransfer()} is {@link Support#DONE}; the app's
     * tables are written parents first, the order {@link #importCollectivity} loads them in.
     */
    default void exportCollectivity(CollectivityExport out) {
        throw new IllegalStateException(app() + " states " + collectivityTransfer() + " for a collectivity's export");
    }

    /**
     * Fills the app's tables (and files) of a new, empty collectivity from {@code in}, the verified archive of another
     * one. Only called when {@link #collectivityTransfer()} is {@link Support#DONE}.
     */
    default void importCollectivity(CollectivityImport in) {
        throw new IllegalStateException(app() + " states " + collectivityTransfer() + " for a collectivity's import");
    }
}
