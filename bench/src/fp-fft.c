/* fp-fft: iterative radix-2 complex FFT and its inverse on 2^16 points.
 * The twiddle factors come from a recurrence on exactly representable
 * values (no libm, whose last bits differ between C libraries). */
#include "bench.h"

#define LOGN 16
#define N (1 << LOGN)

static double re[N], im[N], wr[N / 2], wi[N / 2];

/* cos/sin of 2*pi*k/N by repeated complex squaring-free rotation from a
 * Taylor series evaluated in plain arithmetic: deterministic everywhere. */
static void twiddles(void)
{
    double t = 2 * 3.141592653589793 / N, c = 1, s = 0, t2 = t * t;
    double ct = 1 - t2 / 2 + t2 * t2 / 24 - t2 * t2 * t2 / 720;
    double st = t - t * t2 / 6 + t * t2 * t2 / 120 - t * t2 * t2 * t2 / 5040;
    for (int k = 0; k < N / 2; k++) {
        wr[k] = c;
        wi[k] = -s;
        double nc = c * ct - s * st;
        s = s * ct + c * st;
        c = nc;
    }
}

static void fft(int inverse)
{
    for (int i = 1, j = 0; i < N; i++) {
        int bit = N >> 1;
        for (; j & bit; bit >>= 1)
            j ^= bit;
        j ^= bit;
        if (i < j) {
            double t = re[i]; re[i] = re[j]; re[j] = t;
            t = im[i]; im[i] = im[j]; im[j] = t;
        }
    }
    for (int len = 2; len <= N; len <<= 1) {
        int step = N / len;
        for (int i = 0; i < N; i += len)
            for (int k = 0; k < len / 2; k++) {
                double c = wr[k * step], s = inverse ? -wi[k * step] : wi[k * step];
                double xr = re[i + k + len / 2], xi = im[i + k + len / 2];
                double tr = xr * c - xi * s, ti = xr * s + xi * c;
                re[i + k + len / 2] = re[i + k] - tr;
                im[i + k + len / 2] = im[i + k] - ti;
                re[i + k] += tr;
                im[i + k] += ti;
            }
    }
    if (inverse)
        for (int i = 0; i < N; i++) {
            re[i] /= N;
            im[i] /= N;
        }
}

int main(int argc, char **argv)
{
    long rounds = bench_scale(argc, argv, 60);
    uint64_t seed = 3;
    double sum = 0;

    twiddles();
    for (int i = 0; i < N; i++) {
        re[i] = (double)(bench_rand(&seed) % 1000) / 100.0;
        im[i] = 0;
    }
    for (long r = 0; r < rounds; r++) {
        fft(0);
        sum += re[1] + im[7];
        fft(1);
    }
    printf("fp-fft: %.6e %.9f\n", sum, re[12345]);
    return 0;
}
