#!/usr/bin/env python3
"""Runs `refonte batch` over a JSONL corpus with Apache Spark.

The corpus is cut into N contiguous partitions; each partition is piped
through one `refonte batch --task TASK --jobs 1 -` process (Spark runs the
partitions in parallel, so refonte itself uses one thread), and the answers
are gathered in input order and written as JSONL: the same bytes that
`refonte batch --task TASK FILE` writes on one machine, one line per input
line. The exit status is refonte's: 0, or 65 when some record failed (its
error line is in the output, like any other answer).

    python3 refonte_spark.py --refonte target/release/refonte --task rewrite \\
        --partitions 8 corpus.jsonl -o out.jsonl
    python3 refonte_spark.py --refonte target/release/refonte --task summarize \\
        corpus.jsonl -- --sentences 2        # options after -- go to refonte batch

Spark runs in local mode (`--master local[*]` by default) on this machine,
bound to 127.0.0.1 and with its web UI off. On a cluster, give `--master`
and make the binary reachable at the same path on every worker (or see
README.md for shipping it). Needs pyspark (which brings Spark) and Java 17+.
"""

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time

# refonte's exit status when it answered every line but some record failed.
EX_DATAERR = 65

# What sits between an error record's id (echoed as written, so it may be any
# JSON value) and its message: `{"id":…,"ok":false,"line":N,"error":"…",…}`.
# The last match of a line is the record's own field, since the message and
# code after it are strings, in which every quotation mark is escaped.
ERROR_LINE_FIELD = re.compile(r',"ok":false,"line":(\d+),"error":')


def parse_args(argv):
    p = argparse.ArgumentParser(
        description="Run `refonte batch` over a JSONL corpus with Spark (local mode).",
        epilog="Arguments after -- are passed on to `refonte batch`.",
    )
    p.add_argument("input", help="JSONL file, or - for standard input")
    p.add_argument("--refonte", required=True, help="path to the refonte binary")
    p.add_argument("--task", required=True, choices=["rewrite", "summarize"])
    p.add_argument(
        "--partitions",
        type=int,
        default=0,
        help="partitions, each piped through its own refonte (default: 2 per core)",
    )
    p.add_argument("--master", default="local[*]", help="Spark master (default: local[*])")
    p.add_argument(
        "--jobs", type=int, default=1, help="threads of each refonte process (default: 1)"
    )
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary on standard error")
    # Everything after a bare `--` is refonte's.
    extra = []
    if "--" in argv:
        cut = argv.index("--")
        argv, extra = argv[:cut], argv[cut + 1 :]
    args = p.parse_args(argv)
    args.extra = extra
    if args.partitions < 0 or args.jobs < 1:
        p.error("--partitions must be positive and --jobs at least 1")
    return args


def read_lines(path):
    """The input's lines as refonte reads them: split at `\\n` only (a `\\r`
    stays in its line), a last line without its line end still a line."""
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        with open(path, "rb") as f:
            data = f.read()
    lines = data.split(b"\n")
    if lines[-1] == b"":
        lines.pop()
    return lines


def spark_environment():
    """Environment for a Spark that stays on this machine."""
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    # conf/log4j2.properties: Spark's warnings and errors only.
    os.environ.setdefault(
        "SPARK_CONF_DIR", os.path.join(os.path.dirname(os.path.abspath(__file__)), "conf")
    )
    # The Python workers must be this interpreter, the one that has pyspark.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    if "JAVA_HOME" not in os.environ:
        java = shutil.which("java")
        if java:
            # /usr/bin/java -> /usr/lib/jvm/java-17-openjdk-amd64/bin/java
            os.environ["JAVA_HOME"] = os.path.dirname(os.path.dirname(os.path.realpath(java)))


def mapper_command(refonte, task, jobs, extra):
    """The command each partition is piped through.

    refonte exits with 65 when a record failed, after writing that record's
    error line like any other answer. PySpark's `RDD.pipe` ignores the exit
    status unless `checkCode=True`, and then fails the task on any non-zero
    status: either way is wrong here (ignoring it would also hide a refonte
    that crashed or was killed, and failing on 65 would lose every answer of
    the partition, retried in vain). So the command runs under a small shell
    that turns 65 into 0 and passes any other status on, and the pipe checks
    it: a bad record yields its error line, a broken refonte fails the job.
    `RDD.pipe` runs the command with the variables of its `env` argument
    only (none here; refonte needs none), hence the absolute paths.
    """
    argv = [refonte, "batch", "--task", task, "--jobs", str(jobs), *extra, "-"]
    script = '"$0" "$@"; s=$?; if [ "$s" -eq %d ]; then exit 0; fi; exit "$s"' % EX_DATAERR
    return " ".join(shlex.quote(a) for a in ["/bin/sh", "-c", script, *argv])


def renumber(answer, line_no):
    """An answer whose error record names `line_no`, the line's number in the
    whole input, instead of its number within its partition."""
    matches = list(ERROR_LINE_FIELD.finditer(answer))
    if not matches:
        return answer
    record = json.loads(answer)
    if record.get("ok") is not False:
        return answer  # an answer whose id merely looks like an error record
    m = matches[-1]
    if int(m.group(1)) != record.get("line"):
        raise ValueError(f"unexpected error record from refonte: {answer}")
    return answer[: m.start(1)] + str(line_no) + answer[m.end(1) :]


def run_locally(refonte, task, jobs, extra, lines):
    """refonte's answers to `lines`, from one local process (for the lines that
    are not UTF-8, which Spark's text pipe cannot carry)."""
    argv = [refonte, "batch", "--task", task, "--jobs", str(jobs), *extra, "-"]
    data = b"".join(line + b"\n" for line in lines)
    p = subprocess.run(argv, input=data, capture_output=True, check=False)
    if p.returncode not in (0, EX_DATAERR):
        err = p.stderr.decode(errors="replace")
        sys.exit(f"refonte_spark: {argv[0]} failed ({p.returncode}): {err}")
    # Split at "\n" only: str.splitlines() would also cut at U+2028 and
    # other separators that JSON strings may hold unescaped.
    answers = p.stdout.split(b"\n")
    if answers[-1] == b"":
        answers.pop()
    if len(answers) != len(lines):
        sys.exit(f"refonte_spark: refonte answered {len(answers)} of {len(lines)} lines")
    return [a.decode("utf-8") for a in answers]


def main(argv):
    args = parse_args(argv)
    started = time.monotonic()
    refonte = os.path.abspath(args.refonte)
    if not os.access(refonte, os.X_OK):
        sys.exit(f"refonte_spark: {args.refonte} is not an executable file")
    lines = read_lines(args.input)

    # Spark's pipe writes text: a line that is not UTF-8 cannot go through it.
    # Those lines (refonte only answers them with an error) are answered by a
    # local refonte on the driver instead, and put back in their place.
    answers = [None] * len(lines)
    parts, startup, job = 0, 0.0, 0.0
    text, raw = [], []  # (line number, line), numbered from 1 as refonte does
    for n, line in enumerate(lines, 1):
        try:
            text.append((n, line.decode("utf-8")))
        except UnicodeDecodeError:
            raw.append((n, line))
    if raw:
        local = run_locally(refonte, args.task, args.jobs, args.extra, [b for _, b in raw])
        for (n, _), answer in zip(raw, local):
            answers[n - 1] = renumber(answer, n)

    if text:
        spark_environment()
        from pyspark import SparkConf, SparkContext

        conf = (
            SparkConf()
            .setMaster(args.master)
            .setAppName("refonte")
            .set("spark.ui.enabled", "false")
            .set("spark.driver.host", "127.0.0.1")
            .set("spark.driver.bindAddress", "127.0.0.1")
            .set("spark.ui.showConsoleProgress", "false")
        )
        t0 = time.monotonic()
        sc = SparkContext(conf=conf)
        startup = time.monotonic() - t0
        try:
            parts = args.partitions or 2 * sc.defaultParallelism
            # Contiguous slices, made here so that the driver knows which
            # input lines each partition holds. One slice per element of the
            # parallelized list gives exactly one slice per partition.
            parts = max(1, min(parts, len(text)))
            bounds = [len(text) * k // parts for k in range(parts + 1)]
            slices = [text[bounds[k] : bounds[k + 1]] for k in range(parts)]
            chunks = [[line for _, line in s] for s in slices]
            rdd = sc.parallelize(chunks, parts).flatMap(lambda chunk: chunk)
            # pipe() is a map over partitions and glom() keeps each
            # partition's answers together: collect() returns them partition
            # by partition, in partition order, each in its input order.
            command = mapper_command(refonte, args.task, args.jobs, args.extra)
            piped = rdd.pipe(command, checkCode=True)
            t0 = time.monotonic()
            try:
                per_part = piped.glom().collect()
            except Exception as e:  # Py4JJavaError: the executor's log above has the details
                summary = str(e).strip().splitlines()[0]
                sys.exit(f"refonte_spark: the Spark job failed: {summary}")
            job = time.monotonic() - t0
        finally:
            sc.stop()
        if len(per_part) != len(slices):
            sys.exit(f"refonte_spark: {len(per_part)} partitions came back, not {len(slices)}")
        for s, got in zip(slices, per_part):
            if len(got) != len(s):
                sys.exit(f"refonte_spark: a partition of {len(s)} lines got {len(got)} answers")
            # Each refonte numbered its partition's lines from 1.
            for (n, _), answer in zip(s, got):
                answers[n - 1] = renumber(answer, n)

    out = open(args.output, "wb") if args.output else sys.stdout.buffer
    try:
        for answer in answers:
            out.write(answer.encode("utf-8") + b"\n")
    finally:
        if args.output:
            out.close()
        else:
            out.flush()

    failed = sum(1 for a in answers if json.loads(a).get("ok") is False)
    if not args.quiet:
        print(
            f"refonte_spark: {len(answers)} records, {failed} failed, "
            f"{parts} partitions, {time.monotonic() - started:.1f} s "
            f"(Spark start-up {startup:.1f} s, job {job:.1f} s)",
            file=sys.stderr,
        )
    return EX_DATAERR if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
