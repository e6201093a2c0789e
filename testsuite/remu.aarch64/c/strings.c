/* strings.c - string.h, snprintf of integers and strings, qsort and a
   hash over a generated array, for the differential test (cdiff.exp).
   Only the sign of memcmp/strcmp results is printed: its magnitude is
   not specified and differs between the libc implementations.  */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t rng = 2463534242u;
static volatile size_t three = 3;   /* a length the compiler cannot see */

static uint32_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return rng;
}

static int sign(int v)
{
    return (v > 0) - (v < 0);
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *) a, y = *(const uint32_t *) b;
    return (x > y) - (x < y);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *) a, *(char *const *) b);
}

static uint64_t fnv(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++) {
        h = (h ^ s[i]) * 0x100000001b3ULL;
    }
    return h;
}

int main(void)
{
    char buf[512], big[4096];
    static const char *words[] = {
        "alpha", "beta", "gamma", "delta", "", "a", "ab", "abc", "zeta",
        "Alpha", "\xff\x80", "hello, world", "tab\there", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab",
    };
    const int nw = sizeof words / sizeof words[0];

    for (int i = 0; i < nw; i++) {
        printf("strlen %d %zu\n", i, strlen(words[i]));
        for (int j = 0; j < nw; j++) {
            printf("strcmp %d %d %d %d %d\n", i, j, sign(strcmp(words[i], words[j])),
                   sign(strncmp(words[i], words[j], 2)),
                   sign(memcmp(words[i], words[j], 1)));
            const char *f = strstr(words[i], words[j]);
            printf("strstr %d %d %td\n", i, j, f ? f - words[i] : -1);
        }
        const char *c = strchr(words[i], 'a');
        const char *r = strrchr(words[i], 'a');
        printf("chr %d %td %td %zu %zu\n", i, c ? c - words[i] : -1, r ? r - words[i] : -1,
               strspn(words[i], "abl"), strcspn(words[i], "et"));
    }

    /* Unaligned and overlapping copies over many lengths and offsets. */
    for (int len = 0; len < 300; len += 7) {
        for (int off = 0; off < 16; off += 3) {
            for (int k = 0; k < (int) sizeof big; k++) {
                big[k] = (char) (k * 7 + len);
            }
            memcpy(big + 1000 + off, big + 17, len);
            memmove(big + 20 + off, big + 13, len);
            memmove(big + 9, big + 11 + off, len);
            memset(big + 2000 + off, len & 0xff, len);
            void *z = memchr(big + off, 0, sizeof big - off);
            printf("mem %d %d %016" PRIx64 " %td\n", len, off, fnv(big, sizeof big),
                   z ? (char *) z - big : -1);
        }
    }

    /* snprintf of integers and strings, including truncation. */
    static const long long nums[] = {0, 1, -1, 42, -42, 2147483647, -2147483648LL,
                                     9223372036854775807LL, -9223372036854775807LL - 1};
    for (unsigned i = 0; i < sizeof nums / sizeof nums[0]; i++) {
        long long v = nums[i];
        int n = snprintf(buf, sizeof buf, "[%lld|%llu|%llx|%llo|%+d|%5d|%-6d|%08x|%#x|%hhd|%hu]",
                         v, (unsigned long long) v, (unsigned long long) v,
                         (unsigned long long) v, (int) v, (int) v % 1000, (int) v % 77,
                         (unsigned) v, (unsigned) v, (signed char) v, (unsigned short) v);
        printf("fmt %u %d %s\n", i, n, buf);
        n = snprintf(buf, 10, "%s-%lld", words[i % nw], v);
        printf("trunc %u %d %s\n", i, n, buf);
        printf("str %u [%10s][%-10s][%.3s][%c]\n", i, words[i], words[i], words[i], 'A' + (int) i);
        char *end;
        snprintf(buf, sizeof buf, "%lld", v);
        long long back = strtoll(buf, &end, 10);
        printf("strtoll %u %lld %td\n", i, back, end - buf);
        printf("strtoul %u %lu\n", i, strtoul("  0x7fffABCD zz", &end, 0) + (unsigned long) i);
    }

    /* qsort and a hash over a generated array. */
    enum { N = 5000 };
    uint32_t *a = malloc(N * sizeof *a);
    for (int i = 0; i < N; i++) {
        a[i] = next() % 100000;
    }
    printf("hash before %016" PRIx64 "\n", fnv(a, N * sizeof *a));
    qsort(a, N, sizeof *a, cmp_u32);
    printf("hash after %016" PRIx64 "\n", fnv(a, N * sizeof *a));
    int sorted = 1;
    for (int i = 1; i < N; i++) {
        sorted &= a[i - 1] <= a[i];
    }
    printf("sorted %d min %u max %u median %u\n", sorted, a[0], a[N - 1], a[N / 2]);
    uint32_t key = a[1234];
    uint32_t *hit = bsearch(&key, a, N, sizeof *a, cmp_u32);
    printf("bsearch %u %d\n", key, hit != NULL && *hit == key);
    free(a);

    const char *sw[sizeof words / sizeof words[0]];
    memcpy(sw, words, sizeof sw);
    qsort(sw, nw, sizeof sw[0], cmp_str);
    for (int i = 0; i < nw; i++) {
        printf("sorted word %d '%s'\n", i, sw[i]);
    }

    /* strtok, strdup, strncpy, strcat. */
    char line[] = "one,two,,three;four five";
    int k = 0;
    for (char *t = strtok(line, ",; "); t; t = strtok(NULL, ",; ")) {
        char *d = strdup(t);
        printf("tok %d %s %zu\n", k++, d, strlen(d));
        free(d);
    }
    memset(buf, 'x', 20);
    strncpy(buf, "abc", 8);
    printf("strncpy %d %d %d\n", buf[3], buf[7], buf[8]);
    strcpy(buf, "foo");
    strcat(buf, "bar");
    strncat(buf, words[11], three);
    printf("strcat %s %zu\n", buf, strlen(buf));
    return 3;
}
