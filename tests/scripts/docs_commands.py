#!/usr/bin/env python3
"""Runs every brief-search command written in the code blocks of the given Markdown files
against a database of corpus/, so that no example in the README or the guides finds
nothing on the sample corpus.

A command is a line of a fenced code block whose first word (after an optional "$ "
prompt) is brief-search or a path ending in /brief-search. It runs from the repository
root with --db (a fresh database of corpus/) and --now 2025-07-15 put first; a pipe and
what follows it are left out, and so is a trailing comment. A synopsis line (its first
argument in [brackets]) is not run.

Each command must exit 0, which brief-search does only when a brief matched, unless its
trailing comment begins "exit N" (`brief-search 'houthi)'   # exit 2: unbalanced`):
then it must exit with N, 1 for an example meant to find nothing, 2 for one meant to fail.

Usage: docs_commands.py BRIEF_INDEX BRIEF_SEARCH REPOSITORY FILE.md... Prints each
failure as FILE:LINE: problem, and exits 1 when there is one.
"""
import os
import pathlib
import re
import shlex
import subprocess
import sys
import tempfile

EXPECTED = re.compile(r"^exit (\d+)\b")
# At least this many commands are expected per file: an extraction that finds none fails.
MINIMUM_COMMANDS = 3


def split_command(line):
    """(the command before any unquoted '|' or comment, the comment or '')."""
    quote = None
    for i, c in enumerate(line):
        if quote:
            if c == quote:
                quote = None
            elif c == "\\" and quote == '"':
                continue
        elif c in "'\"":
            quote = c
        elif c == "|":
            return line[:i], ""
        elif c == "#" and (i == 0 or line[i - 1].isspace()):
            return line[:i], line[i + 1:].strip()
    return line, ""


def commands_in(path):
    """(line number, argv after the program, expected exit code) of each command."""
    found = []
    in_block = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("```"):
            in_block = not in_block
            continue
        if not in_block:
            continue
        if stripped.startswith("$ "):
            stripped = stripped[2:]
        program = stripped.split(" ", 1)[0]
        if not (program == "brief-search" or program.endswith("/brief-search")):
            continue
        command, comment = split_command(stripped)
        words = shlex.split(command)  # a quote left open is a ValueError naming the line
        if len(words) > 1 and words[1].startswith("["):
            continue  # a synopsis
        expected = EXPECTED.match(comment)
        found.append((number, words[1:], int(expected.group(1)) if expected else 0))
    return found


def main():
    index, search, repository = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3])
    files = [pathlib.Path(name) for name in sys.argv[4:]]
    problems = []
    with tempfile.TemporaryDirectory() as work:
        environment = dict(os.environ, HOME=work, NO_COLOR="1")
        for name in ("BRIEF_DB", "XDG_DATA_HOME"):
            environment.pop(name, None)
        database = os.path.join(work, "db")
        indexed = subprocess.run([index, "--db", database, "corpus"], cwd=repository,
                                 env=environment, capture_output=True, text=True)
        if indexed.returncode != 0:
            print(f"brief-index failed ({indexed.returncode}): {indexed.stderr}")
            return 1
        for path in files:
            commands = commands_in(path)
            if len(commands) < MINIMUM_COMMANDS:
                problems.append(f"{path}:1: only {len(commands)} brief-search commands found")
            for number, arguments, expected in commands:
                argv = [search, "--db", database, "--now", "2025-07-15"] + arguments
                ran = subprocess.run(argv, cwd=repository, env=environment,
                                     capture_output=True, text=True)
                shown = shlex.join(["brief-search"] + arguments)
                if ran.returncode != expected:
                    what = {0: "finds briefs", 1: "finds nothing", 2: "fails"}.get(
                        expected, f"exits {expected}")
                    problems.append(f"{path}:{number}: `{shown}` exited {ran.returncode}, but "
                                    f"the example {what}; stderr: {ran.stderr.strip()}")
                else:
                    print(f"ok {path.name}:{number}: {shown} (exit {expected})")
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
