package fr.ent.platform.runtime.data;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An app's tables as its collectivity transfer moves them (ADR 0033): in the order they load (parents first), each
 * with the order its rows go out in and how the import writes it; and the tables deliberately left out, each with
 * why. {@code DataContractsTest} checks that every table an app's migrations create is in one list or the other, so
 * a table added later cannot be forgotten by the export.
 */
public final class TransferTables {

    private record Table(String name, TableTransfer.Order order, TableTransfer.Mode mode) {
    }

    private final List<Table> tables = new ArrayList<>();
    private final Map<String, String> left = new LinkedHashMap<>();

    public static TransferTables of() {
        return new TransferTables();
    }

    /** A table moved whole, ids kept, in the order of its first column(s) {@code order}. */
    public TransferTables table(String name, String order) {
        return table(name, TableTransfer.Order.by(order), TableTransfer.Mode.REPLACE);
    }

    public TransferTables table(String name, TableTransfer.Order order, TableTransfer.Mode mode) {
        tables.add(new Table(name, order, mode));
        return this;
    }

    /** A table the transfer leaves out, and why (written in the docs' table of the format). */
    public TransferTables leftOut(String name, String why) {
        left.put(name, why);
        return this;
    }

    /** The tables moved, in load order. */
    public List<String> names() {
        return tables.stream().map(Table::name).toList();
    }

    /** The tables left out, and why. */
    public Map<String, String> leftOut() {
        return Map.copyOf(left);
    }

    /** Writes every table, in one read unit of work (one snapshot of the app's tables). */
    public void export(EntityManager em, CollectivityExport out) {
        for (Table t : tables) {
            out.table(em, t.name(), t.order());
        }
    }

    /** Loads every table, in one write unit of work: the app's part is all there, or none of it. */
    public void load(EntityManager em, CollectivityImport in) {
        for (Table t : tables) {
            in.table(em, t.name(), t.mode());
        }
    }
}
