#!/usr/bin/env bash
# Runs examples/spark/refonte_spark.py in its own Python environment, made on
# first use: a venv with pyspark (which brings Spark; it runs on the Java 17+
# found as `java` or in JAVA_HOME). Arguments go to the script:
#
#   examples/spark/run.sh --refonte target/release/refonte --task rewrite \
#       --partitions 8 corpus.jsonl -o out.jsonl
#
# REFONTE_SPARK_VENV: where the venv lives (default ~/.cache/refonte-spark/venv).
# REFONTE_SPARK_PYSPARK: what pip installs (default "pyspark>=4,<5").
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="${REFONTE_SPARK_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/refonte-spark/venv}"

if ! "$venv/bin/python" -c 'import pyspark' >/dev/null 2>&1; then
  if ! command -v java >/dev/null 2>&1 && [ -z "${JAVA_HOME:-}" ]; then
    echo "run.sh: Spark needs Java 17 or later (Debian: apt-get install openjdk-17-jre-headless)" >&2
    exit 1
  fi
  echo "run.sh: installing pyspark into $venv (once; about 500 MB)" >&2
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet "${REFONTE_SPARK_PYSPARK:-pyspark>=4,<5}" >&2
fi

exec "$venv/bin/python" "$here/refonte_spark.py" "$@"
