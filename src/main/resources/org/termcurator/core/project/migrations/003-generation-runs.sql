-- Schema 3: generation runs and the answers that did not become tasks. Generated tasks
-- themselves are tasks rows (origin 'generated', lineage, seed_id, task_skills); a model
-- answer that could not be used is kept here with its reason and full lineage, raw answer
-- included, so that it can be read and the template or model fixed.

CREATE TABLE generation_runs (
    id          TEXT PRIMARY KEY,                -- the run id written into every task's lineage
    mode        TEXT NOT NULL,                   -- seed | skill
    domain      TEXT,
    seed_query  TEXT,
    requested   INTEGER NOT NULL,
    random_seed INTEGER NOT NULL,
    model       TEXT NOT NULL,
    endpoint    TEXT NOT NULL,                   -- the base URL only, never a key
    out_dir     TEXT NOT NULL,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    generated   INTEGER NOT NULL DEFAULT 0,
    failed      INTEGER NOT NULL DEFAULT 0,
    cancelled   INTEGER NOT NULL DEFAULT 0,
    usage       TEXT NOT NULL DEFAULT '{}'       -- tokens and requests as JSON
);

CREATE TABLE generation_failures (
    id          INTEGER PRIMARY KEY,
    run_id      TEXT NOT NULL REFERENCES generation_runs(id) ON DELETE CASCADE,
    task_number INTEGER NOT NULL,
    reason      TEXT NOT NULL,
    seed_id     INTEGER REFERENCES seeds(id) ON DELETE SET NULL,
    lineage     TEXT NOT NULL,                   -- as tasks.lineage: prompt, raw answer (null when none came)
    created_at  TEXT NOT NULL
);
CREATE INDEX generation_failures_run ON generation_failures(run_id, task_number);
