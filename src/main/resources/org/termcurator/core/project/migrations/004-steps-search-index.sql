-- Schema 4: steps_fts keeps only the search index, not a second copy of every step's text.
-- Schema 1 made it an ordinary FTS5 table, which stores each indexed message, command and
-- output again beside the index; writing that copy was a large part of a run import and made a
-- project about three times the size of its runs. The new table is contentless
-- (content = ''), so only the index is written, and contentless_delete = 1 lets a step's entry
-- be removed by its rowid alone, as the code that replaces a changed run does. detail stays
-- full: searches for "quoted words" and for words like foo.py are phrase queries, which need
-- token positions. Rowids stay the ids of the steps they index.
ALTER TABLE steps_fts RENAME TO steps_fts_schema3;

CREATE VIRTUAL TABLE steps_fts USING fts5(message, commands, observation, tokenize = 'unicode61',
    content = '', contentless_delete = 1);

-- the old table's stored copy is the indexed text exactly as the writer made it
INSERT INTO steps_fts(rowid, message, commands, observation)
    SELECT rowid, message, commands, observation FROM steps_fts_schema3;

DROP TABLE steps_fts_schema3;

-- Imports write this index in batches of hundreds of steps. FTS5 merges its segments as it
-- goes; merging less eagerly (16 segments of a level instead of 4, a forced merge at 64 instead
-- of 16) takes a sizeable share off the cost of indexing, and a search reads a few more
-- segments, which at a project's sizes costs milliseconds. These settings are stored with the
-- table.
INSERT INTO steps_fts(steps_fts, rank) VALUES ('automerge', 16);
INSERT INTO steps_fts(steps_fts, rank) VALUES ('crisismerge', 64);
