-- Schema 6: the part of a task's name after its last '/' ("org/fix-git" -> "fix-git"), indexed.
-- Runs name their task either way, and a trajectory named "fix-git" is linked to the task
-- "org/fix-git"; that lookup was a LIKE over every task's name, once per imported trajectory,
-- so importing runs into a project of many tasks slowed down with the number of tasks. The
-- expression is plain SQL (no function to find the last '/'): rtrim strips the trailing
-- characters that are not '/', leaving the name up to its last '/', which replace removes.
CREATE INDEX tasks_name_tail ON tasks(replace(name, rtrim(name, replace(name, '/', '')), ''));
