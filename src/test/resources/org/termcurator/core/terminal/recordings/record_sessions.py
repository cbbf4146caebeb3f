#!/usr/bin/env python3
"""Records the terminal sessions RecordedSessionTest replays.

Each session runs the way Terminal-Bench records agents: a detached tmux session of 160x40
(TERM=tmux-256color) whose pane runs `asciinema rec --stdin`, so the cast holds exactly the bytes
the tmux pane received. The script types into the pane with `tmux send-keys`; at each checkpoint
it waits until the pane is idle and saves `tmux capture-pane -p` as <session>.<checkpoint>.txt and
`tmux capture-pane -p -e` (with SGR attributes) as <session>.<checkpoint>.ansi.
Afterwards it inserts a marker event named after the checkpoint into the cast, just before the
input event of the keys typed after the capture, so the test can replay to that point and compare.

The "tmux-client" session records one level further out: asciinema records a tmux *client*
attached to a second tmux server whose pane runs the shell, so the cast holds tmux's own screen
drawing (scroll regions, line insertion, cursor addressing) and the checkpoints capture the inner
pane, which the client shows in full (status lines are off).

The "apt-install" session installs and removes a real package, so it needs root and apt.

Usage: record_sessions.py OUTPUT_DIR [SESSION...]   (needs tmux, asciinema, vim, less, htop, python3-pytest)
"""
import json
import os
import re
import shutil
import subprocess
import sys
import time

SOCKET = "termcurator-rec"
INNER_SOCKET = "termcurator-rec-inner"
COLS, ROWS = 160, 40
WORK = "/tmp/termcurator-rec-work"
RCFILE = os.path.join(WORK, ".bashrc")
VIMRC = os.path.join(WORK, ".vimrc")

KEY_BYTES = {"Enter": "\r", "Escape": "\x1b", "C-d": "\x04", "Space": " ", "C-c": "\x03"}


def tmux(*args, check=True, socket=SOCKET):
    return subprocess.run(["tmux", "-L", socket, *args], check=check, capture_output=True, text=True).stdout


# The pane whose content the checkpoints capture: the recorded pane, or the inner pane in client mode.
captured = {"socket": SOCKET, "target": "rec"}


def capture(*flags):
    return tmux("capture-pane", "-p", *flags, "-t", captured["target"], socket=captured["socket"])


PROMPT = re.compile(r"agent@box:\S*# ?$")


def wait_idle(quiet=1.0, prompt=True, limit=30.0, shows=None):
    """Waits until the pane has not changed for `quiet` seconds (and shows the prompt, or the
    pattern `shows`, if asked)."""
    start = time.time()
    last, since = capture(), time.time()
    while time.time() - start < limit:
        time.sleep(0.15)
        now = capture()
        if now != last:
            last, since = now, time.time()
        elif time.time() - since >= quiet:
            lines = [line for line in now.splitlines() if line.strip()]
            if shows is not None:
                if re.search(shows, now, re.MULTILINE):
                    return
            elif not prompt or (lines and PROMPT.search(lines[-1])):
                return
    raise SystemExit("pane did not become idle")


def prepare_workdir():
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(os.path.join(WORK, "project", "src"))
    os.makedirs(os.path.join(WORK, "project", "docs"))
    with open(RCFILE, "w") as rc:
        rc.write("PS1='\\[\\e[1;32m\\]agent@box\\[\\e[0m\\]:\\[\\e[1;34m\\]\\w\\[\\e[0m\\]\\$ '\n"
                 "export LS_COLORS='di=01;34:ln=01;36:ex=01;32:*.tar.gz=01;31:*.png=01;35'\n"
                 "export LANG=C.UTF-8 LC_ALL=C.UTF-8 HOME=" + WORK + "\n"
                 # Debian's own tools (python3, pytest), not whatever the caller's PATH puts first
                 "export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n"
                 "unset PROMPT_COMMAND\ncd " + WORK + "/project\n")
    with open(VIMRC, "w") as rc:
        rc.write("set nocompatible\nsyntax on\nset number\nset ruler\nset laststatus=2\n"
                 "set noswapfile\nset nobackup\nset viminfo=\n")
    project = os.path.join(WORK, "project")
    for name, text in [("notes.txt", "notes\n"), ("README.md", "# Project\n"), ("image.png", ""),
                       ("archive.tar.gz", ""), ("src/main.py", "print('hi')\n")]:
        with open(os.path.join(project, name), "w") as f:
            f.write(text)
    with open(os.path.join(project, "run.sh"), "w") as f:
        f.write("#!/bin/sh\necho run\n")
    os.chmod(os.path.join(project, "run.sh"), 0o755)
    os.symlink("notes.txt", os.path.join(project, "link"))
    with open(os.path.join(project, "long.txt"), "w") as f:
        for i in range(1, 401):
            f.write(f"line {i} of the long file: the quick brown fox jumps over the lazy dog\n")


CALC = '''"""Small helpers the pytest-run session tests."""


def add(a, b):
    return a + b


def divide(a, b):
    return a / b


def greeting(name):
    return f"Hello {name}"


def parse_pairs(text):
    """'a=1, b=2' -> {'a': 1, 'b': 2}"""
    return {key.strip(): value.strip() for key, value in (pair.split("=") for pair in text.split(","))}
'''

TEST_CALC = '''import pytest

from calc import add, divide, greeting, parse_pairs


def test_add():
    assert add(2, 3) == 5


@pytest.mark.parametrize("a, b, expected", [(6, 3, 2), (1, 4, 0.25), (-9, 3, -3)])
def test_divide(a, b, expected):
    assert divide(a, b) == expected


def test_divide_by_zero_raises():
    with pytest.raises(ZeroDivisionError):
        divide(1, 0)


def test_greeting():
    assert greeting("World") == "Hello, World!"


def test_parse_pairs():
    assert parse_pairs("a=1, b=2, c=3") == {"a": 1, "b": 2, "c": 3}


@pytest.fixture
def settings(tmp_path):
    with open(tmp_path / "settings.toml") as f:
        return f.read()


def test_reads_settings(settings):
    assert "debug" in settings


@pytest.mark.skip(reason="needs a network connection")
def test_download():
    pass


@pytest.mark.xfail(reason="rounding not handled yet")
def test_rounding():
    assert divide(1, 3) == 0.33
'''


def prepare_pytest_project():
    project = os.path.join(WORK, "project")
    os.makedirs(os.path.join(project, "tests"))
    for name, text in [("calc.py", CALC), ("tests/test_calc.py", TEST_CALC),
                       ("pytest.ini", "[pytest]\npythonpath = .\n")]:
        with open(os.path.join(project, name), "w") as f:
            f.write(text)


APT_PACKAGE = "sl"


def prepare_apt_install():
    """The package must not be installed; fetching it beforehand keeps the recording off the network."""
    subprocess.run(["apt-get", "remove", "-y", "-q", "-o", "DPkg::Lock::Timeout=600", APT_PACKAGE],
                   check=True, capture_output=True)
    subprocess.run(["apt-get", "install", "-y", "-q", "--download-only", "-o", "DPkg::Lock::Timeout=600",
                    APT_PACKAGE], check=True, capture_output=True)
    # Source lists renamed out of use (foo.list.off) would each add a notice that depends on the machine.
    apt_conf = os.path.join(WORK, "apt.conf")
    with open(apt_conf, "w") as conf:
        conf.write('Dir::Ignore-Files-Silently:: "\\.(list|sources)\\..+$";\n')
    with open(RCFILE, "a") as rc:
        # needrestart's scan after dpkg reports on the machine's services, not on the terminal
        rc.write(f"export APT_CONFIG={apt_conf} NEEDRESTART_SUSPEND=1\n")


PYTEST = ("printf '\\e[1m============================= test session starts ==============================\\e[0m\\n"
          "platform linux -- Python 3.12.3, pytest-8.2.0, pluggy-1.5.0\\n"
          "collected 4 items\\n\\n"
          "tests/test_outputs.py \\e[32m.\\e[0m\\e[32m.\\e[0m\\e[31mF\\e[0m\\e[32m.\\e[0m"
          "\\e[31m                                         [100%%]\\e[0m\\n\\n"
          "\\e[31m\\e[1m___________________________ test_file_contents ___________________________\\e[0m\\n"
          "\\e[1m\\e[31mE       AssertionError: assert \"hello\" == \"world\"\\e[0m\\n"
          "\\e[31m\\e[1m========================= \\e[0m\\e[31m\\e[1m1 failed\\e[0m, \\e[32m3 passed\\e[0m"
          "\\e[31m in 0.12s\\e[0m\\e[31m\\e[1m =========================\\e[0m\\n'")

COLOURS = ("printf '\\e[1;31mbold red\\e[0m \\e[2mdim\\e[0m \\e[3mitalic\\e[0m \\e[4munderline\\e[0m "
           "\\e[9mstrike\\e[0m \\e[7minverse\\e[0m \\e[38;5;208morange-256\\e[0m \\e[48;5;22mgreen-bg\\e[0m "
           "\\e[38;2;0;200;255mtruecolor\\e[0m \\e[97;104mbright\\e[0m\\n'")

SESSIONS = {
    "shell-session": [
        ("type", "ls -la --color=auto --time-style=+%Y"), ("key", "Enter"), ("idle",),
        ("type", COLOURS), ("key", "Enter"), ("idle",),
        ("type", "seq 1 300"), ("key", "Enter"), ("idle",),
        ("capture", "after-seq"),
        ("type", PYTEST), ("key", "Enter"), ("idle",),
        ("type", "apt-cache policy bash 2>/dev/null"), ("key", "Enter"), ("idle",),
        ("type", "echo '日本語テキスト 😀 wide, combining: e\u0301 a\u0308'"), ("key", "Enter"), ("idle",),
        ("type", "printf 'x%.0s' {1..200}; echo"), ("key", "Enter"), ("idle",),
        ("capture", "final"),
    ],
    "vim-edit": [
        ("type", "vim -u ~/.vimrc greet.py"), ("key", "Enter"), ("idle", 1.0, False),
        ("type", "idef greet(name):"), ("key", "Enter"),
        ("type", "    return f\"hello {name}\""), ("key", "Enter"), ("key", "Enter"),
        ("type", "print(greet('world'))"), ("key", "Escape"), ("idle", 1.0, False),
        ("capture", "editing"),
        ("type", ":wq"), ("key", "Enter"), ("idle",),
        ("type", "cat greet.py"), ("key", "Enter"), ("idle",),
        ("capture", "after-exit"),
    ],
    "less-pager": [
        ("type", "less long.txt"), ("key", "Enter"), ("idle", 1.0, False),
        ("capture", "first-page"),
        ("type", "/line 12"), ("key", "Enter"), ("idle", 1.0, False),
        ("capture", "searched"),
        ("type", "q"), ("idle",),
        ("capture", "after-quit"),
    ],
    "htop": [
        ("type", "htop -d 100 --no-mouse -p $$"), ("key", "Enter"), ("idle", 2.5, False),
        ("capture", "running"),
        ("type", "q"), ("idle",),
        ("capture", "after-quit"),
    ],
    "tmux-client": [
        ("type", "ls --color=auto"), ("key", "Enter"), ("idle",),
        ("type", "seq 1 120"), ("key", "Enter"), ("idle",),
        ("capture", "after-seq"),
        ("type", COLOURS), ("key", "Enter"), ("idle",),
        ("type", "vim -u ~/.vimrc greet.py"), ("key", "Enter"), ("idle", 1.0, False),
        ("type", "idef greet(name):"), ("key", "Enter"),
        ("type", "    return name.upper()"), ("key", "Escape"), ("idle", 1.0, False),
        ("capture", "in-vim"),
        ("type", ":wq"), ("key", "Enter"), ("idle",),
        ("type", "less long.txt"), ("key", "Enter"), ("idle", 1.0, False),
        ("type", "/line 30"), ("key", "Enter"), ("idle", 1.0, False),
        ("capture", "in-less"),
        ("type", "q"), ("idle",),
        ("type", "seq 1 45; echo done"), ("key", "Enter"), ("idle",),
        ("capture", "final"),
    ],
    "pytest-run": [
        ("type", "python3 -m pytest -rA --color=yes"), ("key", "Enter"), ("idle", 1.5),
        ("capture", "full-run"),
        ("type", "python3 -m pytest -q -x --color=yes"), ("key", "Enter"), ("idle", 1.5),
        ("capture", "final"),
    ],
    # dpkg's --post-invoke hook waits for Enter after unpacking and after configuring, so the
    # progress bar apt draws on the bottom row (under a scroll region) stays still for a capture.
    # seq fills the screen first, so apt's output scrolls inside that region.
    "apt-install": [
        ("type", "seq 1 30"), ("key", "Enter"), ("idle",),
        ("type", f"apt install -y -o Dpkg::Options::=--post-invoke='read line' {APT_PACKAGE}"), ("key", "Enter"),
        ("idle", 1.5, False, 120, r"^Progress: \[ *\d+%\]"),
        ("capture", "unpacked"),
        ("key", "Enter"), ("idle", 1.5, False, 120, r"^Setting up "),
        ("key", "Enter"), ("idle", 2.0, True, 120),
        ("capture", "after-install"),
        ("type", f"apt remove -y {APT_PACKAGE}"), ("key", "Enter"), ("idle", 2.0, True, 120),
        ("capture", "after-remove"),
    ],
}


def start_server(socket, session, command):
    tmux("kill-server", check=False, socket=socket)
    tmux("-f", "/dev/null", "new-session", "-d", "-s", session, "-x", str(COLS), "-y", str(ROWS),
         "-e", "TERM=tmux-256color", command, socket=socket)
    tmux("set-option", "-g", "status", "off", socket=socket)
    tmux("set-option", "-g", "default-terminal", "tmux-256color", socket=socket)
    tmux("resize-window", "-t", session, "-x", str(COLS), "-y", str(ROWS), socket=socket)


# Extra preparation a session needs after the work folder is laid out.
PREPARE = {"pytest-run": prepare_pytest_project, "apt-install": prepare_apt_install}


def record(name, steps, out_dir):
    cast = os.path.join(out_dir, name + ".cast")
    prepare_workdir()
    if name in PREPARE:
        PREPARE[name]()
    shell = f"bash --noprofile --rcfile {RCFILE}"
    client = name == "tmux-client"
    if client:
        start_server(INNER_SOCKET, "work", shell)
        recorded = f"env -u TMUX tmux -L {INNER_SOCKET} attach -t work"
        captured.update(socket=INNER_SOCKET, target="work")
    else:
        recorded = shell
        captured.update(socket=SOCKET, target="rec")
    start_server(SOCKET, "rec", f"asciinema rec --stdin -q --overwrite -c '{recorded}' {cast}")
    wait_idle()
    typed = []
    captures = []
    for step in steps:
        kind = step[0]
        if kind == "type":
            tmux("send-keys", "-t", "rec", "-l", step[1])
            typed.append(step[1])
        elif kind == "key":
            tmux("send-keys", "-t", "rec", step[1])
            typed.append(KEY_BYTES[step[1]])
        elif kind == "idle":
            wait_idle(*step[1:])
        elif kind == "capture":
            with open(os.path.join(out_dir, f"{name}.{step[1]}.txt"), "w") as f:
                f.write(capture())
            with open(os.path.join(out_dir, f"{name}.{step[1]}.ansi"), "w") as f:
                f.write(capture("-e"))
            captures.append((len(typed), step[1]))
    if client:
        tmux("send-keys", "-t", "rec", "C-b", "d")
        typed.append("\x02d")
    else:
        tmux("send-keys", "-t", "rec", "C-d")
        typed.append("\x04")
    for _ in range(100):
        if subprocess.run(["tmux", "-L", SOCKET, "has-session", "-t", "rec"], capture_output=True).returncode:
            break
        time.sleep(0.1)
    tmux("kill-server", check=False, socket=INNER_SOCKET)
    insert_markers(cast, typed, captures)


def insert_markers(cast, typed, captures):
    """Puts a marker before the input event carrying the first keys typed after each capture."""
    with open(cast) as f:
        lines = f.read().splitlines()
    header, events = lines[0], [json.loads(line) for line in lines[1:]]
    stream, owners = "", []
    for index, event in enumerate(events):
        if event[1] == "i":
            owners.extend([index] * len(event[2]))
            stream += event[2]
    markers, cursor = {}, 0
    for step_index, text in enumerate(typed):
        found = stream.find(text, cursor)
        if found < 0:
            raise SystemExit(f"typed text {text!r} not found in the recorded input")
        for count, label in captures:
            if count == step_index:
                markers[owners[found]] = label
        cursor = found + len(text)
    with open(cast, "w") as f:
        f.write(header + "\n")
        for index, event in enumerate(events):
            if index in markers:
                f.write(json.dumps([event[0], "m", markers[index]]) + "\n")
            f.write(json.dumps(event, ensure_ascii=False) + "\n")


def main():
    out_dir = os.path.abspath(sys.argv[1])
    names = sys.argv[2:] or list(SESSIONS)
    for name in names:
        record(name, SESSIONS[name], out_dir)
        print("recorded", name, os.path.getsize(os.path.join(out_dir, name + ".cast")), "bytes")
    tmux("kill-server", check=False)
    tmux("kill-server", check=False, socket=INNER_SOCKET)


if __name__ == "__main__":
    main()
