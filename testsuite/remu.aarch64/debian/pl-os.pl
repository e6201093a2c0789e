# pl-os.pl - perl (perl-base) under remu-aarch64 using the operating system,
# run by debian.exp against the host's perl: open "-|", backticks and
# system (through the sysroot's /bin/sh), fork and pipes, socketpair,
# alarm and kill, flock, directories, POSIX, select.  ARGV[0] is a
# directory of its own to work in.
use strict; use warnings; use POSIX (); use Socket; use IO::Handle; use Fcntl qw(:flock SEEK_SET); use List::Util qw(sum max first);
my $pid = open(my $fh, "-|") // die; if (!$pid) { print "from child\n"; exit 3 } my $l = <$fh>; close $fh; print "pipe-open: $l status ", $? >> 8, "\n";
my $out = `echo backtick`; print "bt: $out";
pipe(my $r, my $w); my $p = fork; if ($p == 0) { close $r; print $w "hi\n"; exit 5 } close $w; print "fork: ", scalar <$r>; waitpid($p, 0); print "st ", $? >> 8, "\n";
socketpair(my $a, my $b, AF_UNIX, SOCK_STREAM, PF_UNSPEC) or die; $a->autoflush(1); print $a "sock\n"; print "sp: ", scalar <$b>;
local $SIG{ALRM} = sub { print "alarm\n" }; alarm 1; select(undef, undef, undef, 1.3);
local $SIG{USR1} = sub { print "usr1\n" }; kill 'USR1', $$;
my $dir = $ARGV[0]; open(my $f, '+>', "$dir/x") or die; flock($f, LOCK_EX) or die; print $f "abc" x 100; seek($f, 0, SEEK_SET); read($f, my $buf, 6); print "file: $buf ", -s "$dir/x", "\n";
opendir(my $dh, $dir); print "dir: ", join(",", sort grep !/^\./, readdir $dh), "\n";
print "posix: ", POSIX::floor(-2.5), " ", POSIX::strftime("%Y-%m-%d", gmtime(86400*365)), " ", POSIX::fmod(7, 3), "\n";
my @s = stat("$dir/x"); print "stat: $s[7]\n"; print "list: ", sum(1..100), " ", max(3, 9, 2), "\n";
my $rin = ''; vec($rin, fileno($b), 1) = 1; print $a "x\n"; print "select: ", scalar select(my $rout = $rin, undef, undef, 1), "\n";
system("true") == 0 and print "system ok\n"; print "exec: ", `$^X -e 'print 6*7'`, "\n";
