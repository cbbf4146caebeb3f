#!/usr/bin/env python3
"""Baseline for CurationBench: the plainest Python that filters a project and writes messages JSONL.

Reads the project's SQLite file, keeps the resolved trajectories, builds each conversation as
the app does (steps in order; an assistant step's reasoning as a leading <think> block, its
terminal output as the next user message; system steps stay system, the rest are user) and
writes one {"messages": [...]} line per trajectory. No token counts, no other filters, no
curriculum: the floor of what an export must do.
usage: bench-curation-baseline.py PROJECT OUT.jsonl
"""
import json
import sqlite3
import sys
import time


def main():
    project, out_path = sys.argv[1], sys.argv[2]
    start = time.perf_counter()
    connection = sqlite3.connect(f"file:{project}?mode=ro", uri=True)
    rows = connection.execute(
        "SELECT s.trajectory_id, s.role, s.message, s.reasoning, s.observation FROM steps s "
        "JOIN trajectories t ON t.id = s.trajectory_id WHERE t.resolved = 1 OR t.reward >= 1 "
        "ORDER BY s.trajectory_id, s.idx")
    written = 0
    samples = 0
    with open(out_path, "w", encoding="utf-8") as out:
        current, messages = None, []

        def flush():
            nonlocal written, samples
            if messages:
                line = json.dumps({"messages": messages}, ensure_ascii=False, separators=(",", ":")) + "\n"
                data = line.encode("utf-8")
                written += len(data)
                samples += 1
                out.write(line)

        for trajectory, role, message, reasoning, observation in rows:
            if trajectory != current:
                flush()
                current, messages = trajectory, []
            message = message or ""
            if role == "assistant":
                content = f"<think>{reasoning}</think>{message}" if reasoning is not None else message
                messages.append({"role": "assistant", "content": content})
                if observation:
                    messages.append({"role": "user", "content": observation})
            else:
                messages.append({"role": "system" if role == "system" else "user", "content": message})
        flush()
    seconds = time.perf_counter() - start
    print(f"{samples:,} samples, {written / 1e6:,.0f} MB in {seconds:.1f} s = {written / 1e6 / seconds:.0f} MB/s")


if __name__ == "__main__":
    main()
