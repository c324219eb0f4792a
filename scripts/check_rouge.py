#!/usr/bin/env python3
"""Checks that refonte's ROUGE (src/rouge.rs) agrees with Google's rouge-score package.

    python3 scripts/check_rouge.py [../shared/data/dev_abstract.jsonl]   # the agreement figure
    python3 scripts/check_rouge.py --fixtures                            # the cases tests/rouge.rs keeps

Needs the rouge-score package (pip install rouge-score; ../shared/eval/run installs it
into ~/.cache/refonte-eval/venv). rouge-score's own tokenizer drops every non-ASCII
letter ("été" -> nothing), so it is given the tokenizer of ../shared/eval/rouge.py:
Unicode NFC, lowercase, every run of letters and digits a token, no stemming.

On a data set, refonte summarizes every article in 3 sentences (`refonte batch --task
summarize`), then both implementations score two pairs per article: the summary against
the journalist's abstract, and the summary against the whole article (long texts, as
`refonte compare` scores a rewrite against its source). The script prints the largest
absolute difference over all precision, recall and F1 values, in ROUGE points (x 100),
and exits 1 if it is 0.01 point or more. Development tool: the tests do not depend on it.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

from rouge_score import rouge_scorer

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
TOKEN = re.compile(r"[^\W_]+")
TYPES = ["rouge1", "rouge2", "rougeL"]

# Small French pairs (candidate, reference) whose rouge-score values tests/rouge.rs keeps.
FIXTURES = [
    ("Le chat dort sur le tapis.", "Le chien dort sur le lit."),
    ("L’État a négocié une hausse de 3,5 % des salaires.", "Les salaires augmenteront de 3,5 %, a négocié l'État."),
    ("Élisabeth Borne a présenté la réforme des retraites mardi à l'Assemblée.",
     "La Première ministre Élisabeth Borne présente mardi la réforme des retraites."),
    ("Blinken a eu des entretiens « francs et constructifs » à Pékin avec Qin Gang.",
     "Le secrétaire d'État Antony Blinken a rencontré Qin Gang à Pékin : des entretiens francs, "
     "substantiels et constructifs."),
    ("Un texte sans aucun mot commun.", "Rien à voir ici."),
]


class FrenchTokenizer:
    """The tokenization of ../shared/eval/rouge.py, as rouge-score expects it."""

    def tokenize(self, text):
        return TOKEN.findall(unicodedata.normalize("NFC", text).lower())


def python_scores(pairs):
    scorer = rouge_scorer.RougeScorer(TYPES, use_stemmer=False, tokenizer=FrenchTokenizer())
    out = []
    for p in pairs:
        s = scorer.score(p["reference"], p["candidate"])  # score(target, prediction)
        out.append({t: [s[t].precision, s[t].recall, s[t].fmeasure] for t in TYPES})
    return out


def rust_scores(pairs):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for p in pairs:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
        path = f.name
    try:
        cmd = ["cargo", "run", "--quiet", "--release", "--example", "rouge_pairs", "--", path]
        out = subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True).stdout
    finally:
        os.unlink(path)
    return [json.loads(l) for l in out.splitlines() if l.strip()]


def fixtures():
    pairs = [{"id": i, "candidate": c, "reference": r} for i, (c, r) in enumerate(FIXTURES)]
    for (c, r), s in zip(FIXTURES, python_scores(pairs)):
        vals = ", ".join(f"{100 * s[t][k]:.4f}" for t in TYPES for k in range(3))
        print(f"// {c!r} vs {r!r}\n[{vals}],")


def main():
    if "--fixtures" in sys.argv:
        fixtures()
        return
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    data = args[0] if args else os.path.join(ROOT, "..", "shared", "data", "dev_abstract.jsonl")
    subprocess.run(["cargo", "build", "--quiet", "--release"], cwd=ROOT, check=True)
    binary = os.path.join(ROOT, "target", "release", "refonte")
    summaries = subprocess.run([binary, "batch", "--task", "summarize", "--sentences", "3", data],
                               check=True, capture_output=True, text=True).stdout
    records = {}
    for line in open(data, encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            records[r["id"]] = r
    pairs = []
    for line in summaries.splitlines():
        s = json.loads(line)
        if not s.get("ok"):
            continue
        rec = records[s["id"]]
        pairs.append({"id": f"{s['id']}/abstract", "candidate": s["summary"], "reference": rec["abstract"]})
        pairs.append({"id": f"{s['id']}/text", "candidate": s["summary"], "reference": rec["text"]})
    py = python_scores(pairs)
    rs = rust_scores(pairs)
    assert len(py) == len(rs) == len(pairs), (len(py), len(rs), len(pairs))
    worst, where, total, n = 0.0, None, 0.0, 0
    for p, a, b in zip(pairs, py, rs):
        for t in TYPES:
            for k in range(3):
                d = 100 * abs(a[t][k] - b[t][k])
                total += d
                n += 1
                if d > worst:
                    worst, where = d, (p["id"], t, ["precision", "recall", "f1"][k])
    print(f"{len(pairs)} pairs ({len(pairs) // 2} summaries, each against its abstract and its article), "
          f"{n} values compared")
    print(f"max |refonte - rouge-score| = {worst:.6f} ROUGE points (x100; {worst:.1e})"
          + (f" at {where[0]} {where[1]} {where[2]}" if where else ""))
    print(f"mean |difference| = {total / max(n, 1):.2e} points")
    sys.exit(0 if worst < 0.01 else 1)


if __name__ == "__main__":
    main()
