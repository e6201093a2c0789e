# py-os.py - python3.11 under remu-aarch64 using the operating system, run
# by debian.exp against the host's python3.11: threads, queues, timers,
# os.fork after a thread (the child once hung under remu), subprocess,
# signals and interval timers, socketpair, TCP and UDP on 127.0.0.1,
# selectors (epoll), mmap of a file and anonymous, flock/lockf, ctypes
# (libffi, a callback from qsort) and a multiprocessing pool.  Only what
# does not depend on the host is printed.
import os, sys, threading, subprocess, signal, select, socket, mmap, time, tempfile, decimal, fractions, fcntl, errno, queue, io, random, array, collections, itertools, functools, heapq, bisect, datetime, textwrap, string, base64, binascii, pickle, copy, operator, statistics
print("cpu", os.cpu_count() is not None, len(os.sched_getaffinity(0)) > 0)
# threads
res = []
lock = threading.Lock()
def work(n):
    s = 0
    for i in range(20000): s += i * n
    with lock: res.append(s)
ts = [threading.Thread(target=work, args=(k,)) for k in range(8)]
[t.start() for t in ts]; [t.join() for t in ts]
print("threads", sorted(res))
q = queue.Queue()
def prod():
    for i in range(100): q.put(i)
    q.put(None)
threading.Thread(target=prod).start()
tot = 0
while (x := q.get()) is not None: tot += x
print("queue", tot)
ev = threading.Event(); cv = threading.Condition()
t = threading.Timer(0.05, ev.set); t.start(); print("event", ev.wait(5))
# fork / pipes / wait
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r); os.write(w, b"child says hi"); os._exit(7)
os.close(w)
print("fork", os.read(r, 100), os.waitpid(pid, 0)[1] >> 8)
# subprocess of itself
out = subprocess.run([sys.executable, "-c", "print(6*7)"], capture_output=True)
print("subprocess", out.stdout, out.returncode)
p = subprocess.Popen([sys.executable, "-c", "import sys; sys.exit(3)"]); print("popen", p.wait())
# signals
got = []
signal.signal(signal.SIGUSR1, lambda s, f: got.append(s))
os.kill(os.getpid(), signal.SIGUSR1); print("signal", got)
signal.signal(signal.SIGALRM, lambda s, f: got.append("alarm"))
signal.setitimer(signal.ITIMER_REAL, 0.05); time.sleep(0.2); print("alarm", got)
# select / socket
a, b = socket.socketpair()
a.sendall(b"ping"); print("select", select.select([b], [], [], 1)[0] == [b], b.recv(10))
srv = socket.socket(); srv.bind(("127.0.0.1", 0)); srv.listen(1)
c = socket.create_connection(srv.getsockname()); s2, _ = srv.accept()
c.sendall(b"tcp data"); print("tcp", s2.recv(100)); c.close(); s2.close(); srv.close()
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(("127.0.0.1", 0))
u.sendto(b"udp", u.getsockname()); print("udp", u.recvfrom(10)[0])
import selectors
sel = selectors.DefaultSelector(); sel.register(b, selectors.EVENT_READ); a.send(b"x"); print("epoll", len(sel.select(1)))
# mmap, files, fcntl
with tempfile.TemporaryDirectory() as d:
    fn = os.path.join(d, "f")
    with open(fn, "wb") as f: f.write(b"0123456789" * 1000)
    with open(fn, "r+b") as f:
        m = mmap.mmap(f.fileno(), 0); m[0:5] = b"HELLO"; m.flush(); print("mmap", m[:12], len(m)); m.close()
        fcntl.lockf(f, fcntl.LOCK_EX); fcntl.flock(f, fcntl.LOCK_SH); print("lock ok")
    print("scandir", sorted(e.name for e in os.scandir(d)), os.stat(fn).st_size)
    os.symlink(fn, fn + ".l"); print("link", os.readlink(fn + ".l") == fn, os.path.realpath(fn + ".l") == os.path.realpath(fn))
    os.rename(fn, fn + "2"); os.utime(fn + "2", (1e9, 1e9)); print("utime", os.stat(fn + "2").st_mtime)
    m = mmap.mmap(-1, 1 << 20); m.write(b"anon"); print("anon", m[:4])
print("decimal", decimal.Decimal(1) / decimal.Decimal(7), decimal.getcontext().prec, fractions.Fraction(3, 4) ** 3)
random.seed(42); print("random", random.random(), random.randint(1, 1000), random.sample(range(100), 5))
print("time", time.monotonic() > 0, time.time() > 1.6e9, time.perf_counter_ns() > 0, datetime.date(2024, 3, 1) - datetime.timedelta(days=1))
print("pickle", pickle.loads(pickle.dumps({"a": [1, 2.5, (3,)]})), base64.b64encode(b"xyz"), statistics.mean([1, 2, 3, 4.5]))
print("resource", __import__("resource").getrlimit(__import__("resource").RLIMIT_NOFILE)[0] > 0)
print("uname", os.uname().sysname, os.getuid() >= 0, os.getcwd() != "")
import ctypes
libc = ctypes.CDLL(None); print("ctypes", libc.strlen(b"hello"), ctypes.sizeof(ctypes.c_long))
cb = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)
arr = (ctypes.c_int * 5)(5, 1, 4, 2, 3)
def cmp(a, b): return ctypes.cast(a, ctypes.POINTER(ctypes.c_int))[0] - ctypes.cast(b, ctypes.POINTER(ctypes.c_int))[0]
libc.qsort(arr, 5, 4, cb(cmp)); print("qsort", list(arr))
import multiprocessing as mp
with mp.Pool(2) as pool: print("pool", pool.map(abs, [-1, -2, 3]))
print("done")
