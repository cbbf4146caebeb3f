-- Schema 5: imports store steps without indexing them; the search index follows in its own
-- transactions. SQLite has one writer, and building the FTS5 index of text-dense runs took about
-- as long as writing everything else together, so an import that indexed as it went could not be
-- faster than both in a row. Now an import lists each written trajectory here, and the indexer
-- (StepsSearchIndex) adds the steps of listed trajectories to steps_fts and takes them off the
-- list in the same transaction. A trajectory is listed exactly while its steps are not in the
-- index; the projects this upgrades have every step indexed, so the list starts empty.
CREATE TABLE search_backlog (
    trajectory_id INTEGER PRIMARY KEY REFERENCES trajectories(id) ON DELETE CASCADE
);
