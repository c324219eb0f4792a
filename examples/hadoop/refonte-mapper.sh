#!/bin/sh
# Hadoop Streaming mapper: `refonte batch` over the lines of the task's input
# split on standard input, one JSON line out per line in, in order. The
# refonte binary is shipped beside this script with `-files`, so it is
# `./refonte` in the task's working directory. Arguments go to refonte batch
# (`--task rewrite`, `--task summarize --sentences 2`, ...).
#
# refonte exits with 65 when a record failed, after writing the record's
# error line: for Hadoop that is a success (a non-zero status fails the task,
# which would be retried in vain). Any other status (a crash, a missing
# binary) is passed on and fails the task. Should the binary arrive without
# its executable bit, copy it here and `chmod +x` the copy before running it.
./refonte batch --jobs 1 "$@" -
status=$?
if [ "$status" -eq 65 ]; then
  exit 0
fi
exit "$status"
