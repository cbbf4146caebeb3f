-- The tables sort by each of their columns in the database: an index per sort
-- column (the rowid in each index breaks ties) lets a page be read without sorting every row.
CREATE INDEX trajectories_resolved ON trajectories(resolved);
CREATE INDEX trajectories_reward ON trajectories(reward);
CREATE INDEX trajectories_turns ON trajectories(turn_count);
CREATE INDEX trajectories_tokens ON trajectories(token_count);
CREATE INDEX trajectories_duration ON trajectories(((julianday(finished_at) - julianday(started_at)) * 86400.0));
CREATE INDEX trajectories_agent ON trajectories(agent);
CREATE INDEX trajectories_date ON trajectories(coalesce(started_at, imported_at));
CREATE INDEX trajectories_failure ON trajectories(failure_mode);
CREATE INDEX trajectories_trial ON trajectories(trial_name);
CREATE INDEX trajectories_format ON trajectories(format);

-- The task table's sortable numeric and date columns, for the same reason.
CREATE INDEX tasks_instruction_length ON tasks(instruction_length);
CREATE INDEX tasks_agent_timeout ON tasks(agent_timeout_sec);
CREATE INDEX tasks_updated ON tasks(updated_at);
