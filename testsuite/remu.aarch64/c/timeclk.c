/* timeclk.c - time for the differential test (cdiff.exp): monotonic and
   boottime clocks never go back, nanosleep and clock_nanosleep sleep at
   least as long as asked (TIMER_ABSTIME too), the realtime clock agrees
   with time(), clock_getres, gmtime/timegm/strftime of fixed epochs
   (leap years, the 2038 boundary, negative times), and the process CPU
   clock moving.  Only comparisons are printed, never times.  The native
   run is the oracle.  */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <sys/time.h>
#include <time.h>

static int64_t ns(const struct timespec *t)
{
    return (int64_t) t->tv_sec * 1000000000 + t->tv_nsec;
}

int main(void)
{
    struct timespec a, b;
    int back = 0;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (int i = 0; i < 20000; i++) {
        clock_gettime(CLOCK_MONOTONIC, &b);
        back += ns(&b) < ns(&a);
        a = b;
    }
    printf("monotonic: went back %d times\n", back);
    clock_gettime(CLOCK_BOOTTIME, &a);
    clock_gettime(CLOCK_BOOTTIME, &b);
    printf("boottime: ordered %d\n", ns(&b) >= ns(&a));

    struct timespec req = { 0, 20 * 1000 * 1000 }, rem;
    clock_gettime(CLOCK_MONOTONIC, &a);
    int r = nanosleep(&req, &rem);
    clock_gettime(CLOCK_MONOTONIC, &b);
    printf("nanosleep 20ms: returned %d slept enough %d\n", r, ns(&b) - ns(&a) >= 20 * 1000 * 1000);
    clock_gettime(CLOCK_MONOTONIC, &a);
    struct timespec until = a;
    until.tv_nsec += 15 * 1000 * 1000;
    if (until.tv_nsec >= 1000000000) {
        until.tv_nsec -= 1000000000;
        until.tv_sec++;
    }
    r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, NULL);
    clock_gettime(CLOCK_MONOTONIC, &b);
    printf("clock_nanosleep absolute: returned %d reached %d\n", r, ns(&b) >= ns(&until));

    struct timespec rt;
    clock_gettime(CLOCK_REALTIME, &rt);
    time_t t = time(NULL);
    struct timeval tv;
    gettimeofday(&tv, NULL);
    printf("realtime vs time(): within 2s %d; gettimeofday within 2s %d; after 2020 %d\n",
           t - rt.tv_sec <= 2 && rt.tv_sec - t <= 2, tv.tv_sec - t <= 2 && t - tv.tv_sec <= 2,
           t > 1577836800);
    struct timespec res;
    r = clock_getres(CLOCK_MONOTONIC, &res);
    printf("getres monotonic: %d positive %d\n", r, res.tv_sec > 0 || res.tv_nsec > 0);

    static const int64_t epochs[] = { 0, 1, 86399, 951782400, 951868800, 1078012800, 2147483647,
                                      2147483648LL, 4102444800LL, -1, -86400 * 366LL, 1700000000 };
    for (unsigned i = 0; i < sizeof epochs / sizeof epochs[0]; i++) {
        time_t e = (time_t) epochs[i];
        struct tm tm;
        gmtime_r(&e, &tm);
        char buf[128];
        strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S %a %b yday %j wday %w week %U %G-W%V", &tm);
        printf("%lld -> %s; timegm back %d\n", (long long) epochs[i], buf, timegm(&tm) == e);
    }

    struct timespec c0, c1;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
    volatile uint64_t x = 1;
    for (int i = 0; i < 3000000; i++)
        x = x * 6364136223846793005ull + 1;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
    printf("process cpu clock moved %d\n", ns(&c1) > ns(&c0));
    return 0;
}
