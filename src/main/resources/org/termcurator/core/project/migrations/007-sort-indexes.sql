-- The tables sort by each of their columns in the database: an index per sort
-- column (the rowid in each index breaks ties) lets a page be read without sorting every row.
CREATE INDEX IF NOT EXISTS trajectories_resolved ON trajectories(resolved);
CREATE INDEX IF NOT EXISTS trajectories_reward ON trajectories(reward);
CREATE INDEX IF NOT EXISTS trajectories_turns ON trajectories(turn_count);
CREATE INDEX IF NOT EXISTS trajectories_tokens ON trajectories(token_count);
CREATE INDEX IF NOT EXISTS trajectories_duration ON trajectories(((julianday(finished_at) - julianday(started_at)) * 86400.0));
CREATE INDEX IF NOT EXISTS trajectories_agent ON trajectories(agent);
CREATE INDEX IF NOT EXISTS trajectories_date ON trajectories(coalesce(started_at, imported_at));
CREATE INDEX IF NOT EXISTS trajectories_failure ON trajectories(failure_mode);
CREATE INDEX IF NOT EXISTS trajectories_trial ON trajectories(trial_name);
CREATE INDEX IF NOT EXISTS trajectories_format ON trajectories(format);

-- The task table's sortable numeric and date columns, for the same reason.
CREATE INDEX IF NOT EXISTS tasks_instruction_length ON tasks(instruction_length);
CREATE INDEX IF NOT EXISTS tasks_agent_timeout ON tasks(agent_timeout_sec);
CREATE INDEX IF NOT EXISTS tasks_updated ON tasks(updated_at);
