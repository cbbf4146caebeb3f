package org.termcurator.core.seeds;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * An edit of the project's seeds that can be undone. {@link #apply} makes the change and
 * returns the change that reverses it, built from what the project held at that moment; an
 * undo stack keeps those and applies them in turn.
 */
public sealed interface SeedChange {

    /** A few words for menus: "Undo Edit seed". */
    String label();

    /** Makes the change and returns its inverse. */
    SeedChange apply(SeedStore seeds) throws SQLException;

    /** Adds a new seed. */
    record Create(Seed seed) implements SeedChange {
        @Override
        public String label() {
            return "New seed";
        }

        @Override
        public SeedChange apply(SeedStore seeds) throws SQLException {
            Seed stored = seeds.insert(seed);
            return new Delete(List.of(stored.id()), label());
        }
    }

    /** Writes a seed's fields (by id). */
    record Update(Seed seed) implements SeedChange {
        @Override
        public String label() {
            return "Edit seed";
        }

        @Override
        public SeedChange apply(SeedStore seeds) throws SQLException {
            Seed before = seeds.find(seed.id()).orElseThrow(() -> new SQLException("seed " + seed.id() + " does not exist"));
            seeds.update(seed);
            return new Replace(List.of(before), label());
        }
    }

    /** Puts seeds' content back as given; the inverse of edits. */
    record Replace(List<Seed> seeds, String label) implements SeedChange {
        public Replace {
            seeds = List.copyOf(seeds);
        }

        @Override
        public SeedChange apply(SeedStore repository) throws SQLException {
            List<Long> ids = new ArrayList<>();
            seeds.forEach(seed -> ids.add(seed.id()));
            List<Seed> before = repository.findAll(ids);
            repository.replaceAll(seeds);
            return new Replace(before, label);
        }
    }

    /** Sets domain, tags or status on several seeds. */
    record Bulk(List<Long> ids, BulkEdit edit) implements SeedChange {
        public Bulk {
            ids = List.copyOf(ids);
        }

        @Override
        public String label() {
            return "Edit " + ids.size() + (ids.size() == 1 ? " seed" : " seeds");
        }

        @Override
        public SeedChange apply(SeedStore seeds) throws SQLException {
            return new Replace(seeds.bulkEdit(ids, edit), label());
        }
    }

    /** Deletes seeds. */
    record Delete(List<Long> ids, String label) implements SeedChange {
        public Delete {
            ids = List.copyOf(ids);
        }

        public static Delete of(List<Long> ids) {
            return new Delete(ids, "Delete " + ids.size() + (ids.size() == 1 ? " seed" : " seeds"));
        }

        @Override
        public SeedChange apply(SeedStore seeds) throws SQLException {
            return new Restore(seeds.deleteAll(ids), label);
        }
    }

    /** Brings deleted seeds back with their ids. */
    record Restore(List<SeedStore.Deleted> deleted, String label) implements SeedChange {
        public Restore {
            deleted = List.copyOf(deleted);
        }

        @Override
        public SeedChange apply(SeedStore seeds) throws SQLException {
            List<Long> ids = new ArrayList<>();
            for (Seed seed : seeds.restoreAll(deleted)) {
                ids.add(seed.id());
            }
            return new Delete(ids, label);
        }
    }
}
