/* fp-matmul: dense double matrix multiply, blocked i-k-j order (FP
 * multiply-add throughput; contraction is disabled by bench/run's flags so
 * every target rounds each product and sum separately). */
#include "bench.h"

#define N 200

static double a[N][N], b[N][N], c[N][N];

int main(int argc, char **argv)
{
    long rounds = bench_scale(argc, argv, 60);
    uint64_t seed = 5;
    double tr = 0;

    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            a[i][j] = (double)(bench_rand(&seed) % 2001) / 1000.0 - 1.0;
            b[i][j] = (double)(bench_rand(&seed) % 2001) / 1000.0 - 1.0;
        }
    for (long r = 0; r < rounds; r++) {
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++)
                c[i][j] = 0;
        for (int i = 0; i < N; i++)
            for (int k = 0; k < N; k++) {
                double x = a[i][k];
                for (int j = 0; j < N; j++)
                    c[i][j] += x * b[k][j];
            }
        for (int i = 0; i < N; i++)
            tr += c[i][i];
        a[r % N][(r * 7) % N] += 0.5;
    }
    printf("fp-matmul: %.10e\n", tr);
    return 0;
}
