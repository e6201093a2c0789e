#!/bin/sh
# summary.sh - reduce DejaGnu results to one line.
#
#   summary.sh FILE.sum
#       Print "N passed, N failed" from a DejaGnu summary file.  Passed counts
#       expected passes (PASS); failed counts everything that needs a look:
#       FAIL, XPASS, UNRESOLVED, UNTESTED and ERROR.  XFAIL, KFAIL and
#       UNSUPPORTED are neither.  Exits 1 if anything failed or the file is
#       missing or holds no result at all, else 0.

sum=${1:-remu.sum}
if [ ! -f "$sum" ]; then
    echo "0 passed, 1 failed ($sum not found: runtest did not run)"
    exit 1
fi

awk '
/^PASS: /        { pass++ }
/^(FAIL|XPASS|UNRESOLVED|UNTESTED|ERROR): / { fail++ }
END {
    if (pass + fail == 0) {
        print "0 passed, 1 failed (no test results in the summary)"
        exit 1
    }
    printf "%d passed, %d failed\n", pass, fail
    exit fail != 0
}' "$sum"
