# pl-test.pl - perl (perl-base) under remu-aarch64, compared with the host's
# perl by debian.exp.  Only core features and modules of perl-base; nothing
# that depends on the host (hash order is sorted away).
use strict;
use warnings;

# Regular expressions.
my $log = "2024-01-15 error id=42; 2023-12-31 warn id=7; 1999-06-01 error id=1001";
my @m = $log =~ /(\d{4})-(\d\d)-(\d\d) (\w+) id=(\d+)/g;
print "re: @m\n";
(my $t = $log) =~ s/id=(\d+)/"id<" . ($1 * 2) . ">"/ge;
print "re2: $t\n";
print "re3: ", join("|", split /;\s*/, $log), "\n";
my $n = () = $log =~ /error/g;
print "re4: $n ", ($log =~ /(?<y>\d+)-(?<m>\d+)/ ? "$+{y}/$+{m}" : "none"), "\n";
my $s = "aaa bbb ccc";
(my $u = $s) =~ tr/a-c/A-C/;
print "tr: $u ", ($s =~ tr/a//), "\n";
print "case: ", ("Hello World" =~ /^hello\s+WORLD$/i ? "yes" : "no"), " ",
    join(",", "a1b22c333" =~ /(\d+)/g), "\n";

# Hashes, sorted keys.
my %count;
$count{lc $_}++ for split //, "The quick brown fox jumps over the lazy dog";
delete $count{" "};
print "hash: ", join(" ", map { "$_=$count{$_}" } sort keys %count), "\n";
my %age = (bob => 25, alice => 30, carol => 25, dave => 35, eve => 30);
print "byval: ", join(" ", sort { $age{$a} <=> $age{$b} or $a cmp $b } keys %age), "\n";
my %inv;
push @{ $inv{$age{$_}} }, $_ for sort keys %age;
print "inv: ", join("; ", map { "$_: @{$inv{$_}}" } sort { $a <=> $b } keys %inv), "\n";
print "exists: ", (exists $age{bob} ? 1 : 0), (exists $age{zed} ? 1 : 0),
    " scalar: ", scalar(keys %age), "\n";

# sprintf of floats and integers.
printf "fmt: %.17g %e %10.3f %-8.2f| %g %g %g\n", atan2(1, 1) * 4, 6.02e23, -1.5, 2.25,
    1e100, 0.0001, 1 / 3;
printf "fmt2: %x %o %b %08.3f %+d %s %.0f %.0f\n", 255, 8, 10, 3.14159, 5, 1e21,
    0.5, 1.5;
printf "math: %.15g %.15g %.15g %.15g %.15g\n", sqrt(2), sin(1), cos(0.5), exp(1), log(10);
print "num: ", 0.1 + 0.2, " ", 1e16 + 1, " ", 2**53, " ", -7 % 3, " ", int(-7 / 2),
    " ", 9**20, " ", 18446744073709551615, "\n";
print "int: ", 0xffffffff * 0xffffffff, " ", 1 << 40, " ", ~0, " ", 7 <=> 3, "\n";

# pack/unpack.
my $p = pack("n N V v C A4 Z* H4 q< d<", 258, 0xdeadbeef, 0x01020304, 513, 200,
    "ab", "zstr", "beef", -2, 1.5);
print "pack: ", unpack("H*", $p), " ", length $p, "\n";
my @f = unpack("n N V v C A4 Z* H4 q< d<", $p);
print "unpack: @f\n";
print "w: ", join(",", unpack("w*", pack("w*", 1, 300, 70000, 2**40))), " ",
    unpack("%32C*", "checksum me"), "\n";

# sort.
my @nums = map { ($_ * 7919) % 1009 } 0 .. 499;
my @sorted = sort { $a <=> $b } @nums;
my $sum = 0;
$sum += $_ for @nums;
print "sort: @sorted[0..4] @sorted[-5..-1] $sum\n";
print "sort2: ", join(" ", sort { length($a) <=> length($b) or $b cmp $a }
    qw(pear fig apple kiwi banana date plum)), "\n";
print "rev: ", join(",", reverse 1 .. 5), " ", scalar reverse("hello"), "\n";

# local and closures.
our $level = "top";
sub show { return "level=$level" }
sub inner { local $level = "inner"; return show() }
print "local: ", inner(), " ", show(), "\n";
sub make_counter {
    my $c = shift;
    return { inc => sub { $c++ }, get => sub { $c } };
}
my $c1 = make_counter(10);
my $c2 = make_counter(100);
$c1->{inc}->() for 1 .. 3;
$c2->{inc}->();
print "closure: ", $c1->{get}->(), " ", $c2->{get}->(), "\n";
my @subs = map { my $k = $_; sub { $k * $_[0] } } 1 .. 4;
print "closures: ", join(",", map { $_->(10) } @subs), "\n";

# Strings.
my $str = "The quick brown fox";
print "str: ", uc $str, " ", lc $str, " ", ucfirst(lc "hELLO"), " ", length $str, " ",
    index($str, "quick"), " ", rindex($str, "o"), " ", substr($str, 4, 5), "\n";
print "str2: ", join("-", split //, "abc"), " ", "ab" x 3, " ", join(",", ("x") x 3),
    " ", sprintf("%5s|%-5s|", "r", "l"), " ", ord("A"), chr(66), "\n";
my $word = "hello";
substr($word, 0, 1) = "J";
print "str3: $word ", lcfirst("ABC"), " ", join(" ", map { sprintf "%03d", $_ } 1 .. 3), "\n";

# Arrays, references, wantarray, eval/die.
my @stack = (1 .. 5);
push @stack, 6;
unshift @stack, 0;
my $popped = pop @stack;
my @spliced = splice(@stack, 2, 2, "a", "b", "c");
print "array: @stack | @spliced | $popped | $#stack\n";
my $data = { list => [1, [2, 3]], h => { k => "v" } };
print "ref: $data->{list}[1][1] $data->{h}{k} ", ref($data), " ", ref($data->{list}), "\n";
my $r = eval { die "boom\n"; 1 };
print "eval: ", (defined $r ? "ok" : "died: $@");
eval { my $z = 0; my $q = 1 / $z };
print "div: ", ($@ =~ /^Illegal division by zero/ ? "caught" : "no"), "\n";

# Big loop for the translator.
my ($a1, $b1) = (0, 1);
($a1, $b1) = ($b1, ($a1 + $b1) % 1000000007) for 1 .. 20000;
my %seen;
$seen{ ($_ * $_) % 1000 }++ for 1 .. 20000;
print "loop: $a1 ", scalar(keys %seen), "\n";
