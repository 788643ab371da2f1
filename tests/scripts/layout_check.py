#!/usr/bin/env python3
"""Checks the shape of the code that docs/architecture.md describes.

- Stages: a file in common/<stage>/ includes headers only from its own stage and from
  stages below it (STAGES below); the data walks one way.
- Private libraries: no header in common/ includes a header of a library that
  common/CMakeLists.txt links to briefsearch_common PRIVATE (PRIVATE_LIBRARIES below), since
  a target that includes that header does not get the library's include path and flags.
- Size: no .cpp in common/ over 400 lines; indexer/main.cpp and searcher/main.cpp under
  150 lines; no function body in common/ or the mains over 60 lines.

Usage: layout_check.py [REPOSITORY]. Prints each breach as FILE:LINE: problem and exits 1
when there is one.
"""
import pathlib
import re
import sys

# Lower numbers are lower stages. Stages of equal rank may not include each other.
STAGES = {
    "base": 0,
    "brief": 1,
    "store": 2, "parse": 2,
    "analysis": 3,
    "index": 4, "query": 4,
    "search": 5,
    "output": 6,
}
MAX_CPP_LINES = 400
MAX_MAIN_LINES = 149
MAX_FUNCTION_LINES = 60
INCLUDE = re.compile(r'^\s*#\s*include\s+"common/([^/"]+)/[^"]+"')
# Include folder -> the library briefsearch_common links PRIVATE (common/CMakeLists.txt).
PRIVATE_LIBRARIES = {"unicode": "ICU", "nlohmann": "nlohmann-json", "CLI": "CLI11"}
LIBRARY_INCLUDE = re.compile(r'^\s*#\s*include\s+[<"]([^/>"]+)/')


def code_only(text):
    """text with comments, string and character literals blanked; line breaks are kept."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif text.startswith('R"', i) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            open_paren = text.find("(", i)
            delimiter = ")" + text[i + 2:open_paren] + '"'
            j = text.find(delimiter, open_paren)
            j = n if j < 0 else j + len(delimiter)
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c in "\"'":
            if c == "'" and i > 0 and text[i - 1].isalnum() and i + 1 < n and text[i + 1].isalnum():
                out.append(" ")  # a digit separator: 1'000
                i += 1
                continue
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            out.append(" " * (j - i))
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def long_functions(path, text):
    """(line, length) of each function body longer than MAX_FUNCTION_LINES.

    A body is a brace block whose opening brace follows ')' (perhaps with const, noexcept,
    override, a trailing return type or a member initialiser list); lambdas count too."""
    code = code_only(text)
    stack = []  # (line of '{', is a function body)
    line = 1
    found = []
    for i, c in enumerate(code):
        if c == "\n":
            line += 1
        elif c == "{":
            before = code[:i].rstrip()
            head = re.sub(r"\s+", " ", before[-200:])
            is_body = bool(re.search(
                r"\)\s*(const|noexcept|override|final|mutable|->\s*[\w:<>,\s&*]+)*\s*$", head)
                or re.search(r"\)\s*:\s*[\w:]+[({].*[)}]\s*$", head))
            stack.append((line, is_body))
        elif c == "}" and stack:
            start, is_body = stack.pop()
            enclosing_body = any(b for _, b in stack)
            if is_body and not enclosing_body and line - start + 1 > MAX_FUNCTION_LINES:
                found.append((start, line - start + 1))
    return found


def main():
    top = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
    problems = []
    common = top / "common"
    for path in sorted(common.rglob("*")):
        if path.suffix not in (".h", ".cpp"):
            continue
        relative = path.relative_to(top)
        parts = path.relative_to(common).parts
        if len(parts) != 2 or parts[0] not in STAGES:
            problems.append(f"{relative}:1: not in a stage folder ({', '.join(STAGES)})")
            continue
        stage = parts[0]
        text = path.read_text(encoding="utf-8")
        for number, content in enumerate(text.splitlines(), 1):
            library = LIBRARY_INCLUDE.match(content)
            if path.suffix == ".h" and library and library.group(1) in PRIVATE_LIBRARIES:
                problems.append(f"{relative}:{number}: a header includes "
                                f"{PRIVATE_LIBRARIES[library.group(1)]}, which "
                                f"briefsearch_common links privately")
            match = INCLUDE.match(content)
            if not match:
                continue
            other = match.group(1)
            if other not in STAGES:
                problems.append(f"{relative}:{number}: includes common/{other}/, not a stage")
            elif other != stage and STAGES[other] >= STAGES[stage]:
                problems.append(f"{relative}:{number}: the {stage} stage includes the {other} "
                                f"stage, which is not below it")
        lines = text.count("\n")
        if path.suffix == ".cpp" and lines > MAX_CPP_LINES:
            problems.append(f"{relative}:1: {lines} lines, over {MAX_CPP_LINES}")
        for start, length in long_functions(path, text):
            problems.append(f"{relative}:{start}: a function of {length} lines, over {MAX_FUNCTION_LINES}")
    for main_file in ("indexer/main.cpp", "searcher/main.cpp"):
        path = top / main_file
        text = path.read_text(encoding="utf-8")
        lines = text.count("\n")
        if lines > MAX_MAIN_LINES:
            problems.append(f"{main_file}:1: {lines} lines, over {MAX_MAIN_LINES}")
        for start, length in long_functions(path, text):
            problems.append(f"{main_file}:{start}: a function of {length} lines, over {MAX_FUNCTION_LINES}")
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
