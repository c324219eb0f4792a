#!/usr/bin/env python3
"""List the French word lists written in code under src/ (outside test modules).

    python3 scripts/check_word_lists.py [-v]

A word list is three or more string literals of letters in a row, joined by `,`
or `|` (an array, a slice or a `matches!` pattern): French words belong in
`lexicons/fr/`, loaded by `src/fr/lexicon/`. Lists that are not French words are
allowed by file and reason below. Exit status 1 when a list is found.
"""
import re
import sys
from pathlib import Path

LITERAL = r'"[A-Za-zÀ-ÿœŒ’\'\-. ]{1,40}"'
LIST = re.compile(LITERAL + r'(?:\s*[,|]\s*' + LITERAL + r'){2,}')
# Lists of names that are not French words: markup, formats, fields.
ALLOWED = {
    "src/input.rs": "HTML element names and the request's English/French keywords are read in input",
    "src/render/html.rs": "HTML attribute names",
    "src/main.rs": "file extensions and option values",
    "src/fr/lexicon/mod.rs": "the section names of the data files it reads",
}


def lists_in(path):
    text = path.read_text(encoding="utf-8")
    cut = text.find("#[cfg(test)]\nmod tests")
    if cut >= 0:
        text = text[:cut]
    text = re.sub(r"//[^\n]*", "", text)
    for m in LIST.finditer(text):
        yield text[: m.start()].count("\n") + 1, re.sub(r"\s+", " ", m.group(0))


def main():
    verbose = "-v" in sys.argv
    root = Path(__file__).resolve().parent.parent
    found = 0
    for path in sorted((root / "src").rglob("*.rs")):
        rel = path.relative_to(root).as_posix()
        if rel in ALLOWED:
            continue
        for line, lst in lists_in(path):
            found += 1
            print(f"{rel}:{line}: {lst[:100]}" if verbose else f"{rel}:{line}")
    print(f"{found} French word list(s) in src/" + ("" if found else " (allowed: " + "; ".join(f"{k}: {v}" for k, v in ALLOWED.items()) + ")"))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
