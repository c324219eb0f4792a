#!/usr/bin/env python3
"""Checks which connectors of lexicons/fr/connectors.txt Yoast's French analysis counts as transition words.

    python3 scripts/check_connectors.py [PATH/TO/shared/judges/yoast/judge]

For each connector, a ten-sentence French text where only the first sentence opens with it is judged
with Yoast's readability analysis (fr_FR); the connector is a transition word when Yoast says the text
uses one. Prints the connectors whose `transition` mark in the lexicon disagrees with the measurement,
and exits 1 if there is any. Development tool: the tests do not depend on it.
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LEXICON = os.path.join(HERE, "..", "lexicons", "fr", "connectors.txt")
JUDGE = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "shared", "judges", "yoast", "judge")
PLAIN = [
    "Le conseil municipal vote le budget de la ville.", "La séance commence à dix-huit heures.",
    "Les élus examinent les comptes.", "Le maire présente les chiffres.", "Le public assiste au débat.",
    "Les travaux de voirie occupent une grande part.", "La piscine rouvre au printemps.",
    "Le stade reçoit une nouvelle pelouse.", "La bibliothèque garde ses horaires.",
]

entries = []
for line in open(LEXICON, encoding="utf-8"):
    if line.startswith("#") or "\t" not in line:
        continue
    cols = line.rstrip("\n").split("\t")
    entries.append((cols[1].strip(), len(cols) > 2 and cols[2].strip() == "transition"))
lines = [json.dumps({"id": c, "markdown": "# Titre\n\n" + " ".join([f"{c}, les habitants découvrent le projet."] + PLAIN) + "\n"},
                    ensure_ascii=False) for c, _ in entries]
out = subprocess.run([JUDGE, "--batch", "-"], input="\n".join(lines) + "\n", capture_output=True, text=True).stdout
measured = {}
for line in out.splitlines():
    d = json.loads(line)
    text = next(a["text"] for a in d["readability"]["assessments"] if a["identifier"] == "textTransitionWords")
    measured[d["id"]] = "not using any" not in text
wrong = [(c, marked, measured.get(c)) for c, marked in entries if measured.get(c) != marked]
for c, marked, m in wrong:
    print(f"{c}: marked {'transition' if marked else '-'}, Yoast says {'transition' if m else 'none'}")
print(f"{len(entries) - len(wrong)}/{len(entries)} connectors agree with Yoast")
sys.exit(1 if wrong else 0)
