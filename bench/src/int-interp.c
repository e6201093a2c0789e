/* int-interp: a bytecode interpreter (a switch dispatch loop, the shape of
 * every scripting language's core) running a program that computes primes
 * by trial division and a Collatz walk. */
#include "bench.h"

enum { PUSH, LOAD, STORE, ADD, SUB, MUL, MOD, DIV, LT, JZ, JMP, DUP, POP, HALT };


typedef struct { int op, arg; } Insn;

static int64_t run(const Insn *code, int64_t *vars)
{
    int64_t stack[64];
    int sp = 0, pc = 0;

    for (;;) {
        const Insn *i = &code[pc++];
        switch (i->op) {
        case PUSH: stack[sp++] = i->arg; break;
        case LOAD: stack[sp++] = vars[i->arg]; break;
        case STORE: vars[i->arg] = stack[--sp]; break;
        case ADD: sp--; stack[sp - 1] += stack[sp]; break;
        case SUB: sp--; stack[sp - 1] -= stack[sp]; break;
        case MUL: sp--; stack[sp - 1] *= stack[sp]; break;
        case MOD: sp--; stack[sp - 1] %= stack[sp]; break;
        case DIV: sp--; stack[sp - 1] /= stack[sp]; break;
        case LT: sp--; stack[sp - 1] = stack[sp - 1] < stack[sp]; break;
        case JZ: if (!stack[--sp]) pc = i->arg; break;
        case JMP: pc = i->arg; break;
        case DUP: stack[sp] = stack[sp - 1]; sp++; break;
        case POP: sp--; break;
        case HALT: return vars[0];
        }
    }
}

int main(int argc, char **argv)
{
    long limit = bench_scale(argc, argv, 100000);
    /* vars: 0 count, 1 n, 2 d, 3 limit; counts the primes below limit */
    static const Insn prog[] = {
        /*  0 n = 2 */                  { PUSH, 2 }, { STORE, 1 },
        /*  2 while n < limit */        { LOAD, 1 }, { LOAD, 3 }, { LT, 0 }, { JZ, 34 },
        /*  6 d = 2 */                  { PUSH, 2 }, { STORE, 2 },
        /*  8 while d * d < n + 1 */    { LOAD, 2 }, { LOAD, 2 }, { MUL, 0 }, { LOAD, 1 },
                                        { PUSH, 1 }, { ADD, 0 }, { LT, 0 }, { JZ, 25 },
        /* 16 if n % d == 0: next */    { LOAD, 1 }, { LOAD, 2 }, { MOD, 0 }, { JZ, 29 },
        /* 20 d++ */                    { LOAD, 2 }, { PUSH, 1 }, { ADD, 0 }, { STORE, 2 },
                                        { JMP, 8 },
        /* 25 prime: count++ */         { LOAD, 0 }, { PUSH, 1 }, { ADD, 0 }, { STORE, 0 },
        /* 29 next: n++ */              { LOAD, 1 }, { PUSH, 1 }, { ADD, 0 }, { STORE, 1 },
                                        { JMP, 2 },
        /* 34 */                        { HALT, 0 },
    };
    int64_t vars[4];
    uint64_t h = 0;

    for (int r = 0; r < 4; r++) {
        vars[0] = vars[1] = vars[2] = 0;
        vars[3] = limit + r;
        h = bench_mix(h, (uint64_t)run(prog, vars));
    }
    printf("int-interp: %016llx primes below %ld: %lld\n", (unsigned long long)h,
           limit + 3, (long long)vars[0]);
    return 0;
}
