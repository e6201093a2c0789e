# applets.sh - a busybox sh script over many applets; debian.exp runs it
# under busybox-static:arm64 in remu and under the host's amd64
# busybox-static of the same Debian version: the outputs must be equal.
# It prints nothing host-specific (no times, users, absolute paths).
set -e
w=$1
cd "$w"
echo "== builtins and control flow"
i=0
while [ $i -lt 5 ]; do i=$((i + 1)); done
echo "i=$i"
for x in one two three; do case $x in t*) echo "t-word $x";; *) echo "other $x";; esac; done
f() { echo "f got $# args: $*"; return 3; }
f a "b c" || echo "f returned $?"
echo "subshell: $(echo inner | tr a-z A-Z)"
( cd /; echo "in subshell" ) ; echo "back"
printf '%s=%d %05d %x %o %c|\n' n 42 7 255 8 z
test -d . && echo "test -d ok"; [ "a" != "b" ] && echo "test != ok"
echo "expr: $(expr 6 \* 7) $(expr length hello) $(expr substr hello 2 3)"
cat > here.txt <<END
line three
line one
line two
line one
END
echo "== text"
sort here.txt
sort here.txt | uniq -c
sort -r here.txt | uniq
wc -l < here.txt
head -n 2 here.txt; tail -n 1 here.txt
cut -d' ' -f2 here.txt | tr 'a-z' 'A-Z'
sed -e 's/line/LINE/' -e '2d' here.txt
grep -n one here.txt; grep -c two here.txt; grep -v one here.txt
echo "basename $(basename /a/b/c.txt .txt) dirname $(dirname /a/b/c.txt)"
echo "date $(date -u -d @1000000000 '+%Y-%m-%d %H:%M:%S')"
echo "== files"
mkdir -p d/e
echo data > d/e/f1; cp d/e/f1 d/f2; mv d/f2 d/f3
ls d; ls d/e
find d -type f | sort
cat d/e/f1 d/f3
md5sum d/e/f1 | cut -c1-32
sha256sum here.txt
od -An -tx1 d/f3
tar cf t.tar d; rm -r d; tar xf t.tar; ls d
gzip -c here.txt > h.gz; gunzip -c h.gz | md5sum
echo "a b c" | xargs -n 1 echo item
rm -rf d t.tar h.gz here.txt
echo "== numbers (awk computes in double precision; Debian's busybox awk has no libm)"
seq 3; seq 2 3 11 | tr '\n' ' '; echo
awk 'BEGIN { printf "%.6f %g %d %e %.3f\n", 1/3, 2/7, 7/2, 12345.678, -0.0005 }'
printf '3 4\n5 12\n8 15\n' | awk '{ s += $1 * $2 / 7 } END { print s, NR, s / NR, int(s) % 5 }'
echo "x,y,z" | awk -F, '{ for (i = NF; i > 0; i--) printf "%s ", $i; print "" }'
sleep 0.1 && echo "slept"
echo "done"
