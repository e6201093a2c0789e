/*
 * helper-fp.c - the run-time helpers of the A64 scalar floating-point
 * instructions (translate-fp.c), on the fpu/ library with Arm's rules.
 *
 * FPCR (Arm ARM D17.2.50): AHP bit 26, DN 25, FZ 24, RMode 23:22.  The
 * library's flag bits are FPSR's cumulative bits (IOC 0, DZC 1, OFC 2,
 * UFC 3, IXC 4, IDC 7), so they are ORed into env->fpsr as they are.
 */
#include "config.h"

#include "fpu/fpu.h"
#include "frontend/aarch64/translate-fp.h"

void a64_fpu_status(FPUStatus *st, const AArch64Env *env)
{
    uint32_t fpcr = env->fpcr;
    fpu_status_arm(st, (int)(fpcr >> 22) & 3, fpcr >> 24 & 1, fpcr >> 25 & 1, fpcr >> 26 & 1);
    /* FPSR's cumulative bits, which the helpers OR back unchanged: a
     * set IXC lets fpu/ use the host FPU (fpu.h, FPUStatus.flags). */
    st->flags = (uint8_t)(env->fpsr & (FPU_INVALID | FPU_DIVZERO | FPU_OVERFLOW |
                                       FPU_UNDERFLOW | FPU_INEXACT | FPU_INPUT_DENORMAL));
}

const FPUFormat *a64_fpu_format(unsigned size)
{
    return size == 1 ? &fpu_f16 : size == 2 ? &fpu_f32 : &fpu_f64;
}

static int rounding_of(const FPUStatus *st, uint64_t desc)
{
    int r = (int)(desc >> 12) & 7;
    return r == FP_ROUND_FPCR ? st->rounding : r;
}

static uint64_t finish(AArch64Env *env, const FPUStatus *st, uint64_t r)
{
    env->fpsr |= st->flags;
    return r;
}

int a64_fpcr_rounding(const AArch64Env *env)
{
    return fpu_arm_rounding((int)(env->fpcr >> 22) & 3);
}

static uint64_t helper_fp2(AArch64Env *env, uint64_t desc, uint64_t a, uint64_t b)
{
    static const int8_t host_op[] = {
        [FP2_ADD] = FPU_HOST_ADD, [FP2_SUB] = FPU_HOST_SUB, [FP2_MUL] = FPU_HOST_MUL,
        [FP2_DIV] = FPU_HOST_DIV, [FP2_MAX] = -1, [FP2_MIN] = -1, [FP2_MAXNM] = -1,
        [FP2_MINNM] = -1, [FP2_NMUL] = -1,
    };
    const FPUFormat *f = a64_fpu_format(desc >> 8 & 3);
    FPUStatus st;
    uint64_t r;
    unsigned op = desc & 0xff;

    /* The common case first: the host FPU (fpu.h) before any status. */
    if (op < sizeof(host_op) && host_op[op] >= 0 &&
        fpu_host_try(f, (enum FPUHostOp)host_op[op], a, b, 0, a64_fpcr_rounding(env), env->fpsr, &r))
        return r;
    a64_fpu_status(&st, env);
    switch (desc & 0xff) {
    case FP2_ADD: r = fpu_add(f, a, b, &st); break;
    case FP2_SUB: r = fpu_sub(f, a, b, &st); break;
    case FP2_MUL: r = fpu_mul(f, a, b, &st); break;
    case FP2_DIV: r = fpu_div(f, a, b, &st); break;
    case FP2_MAX: r = fpu_max(f, a, b, &st); break;
    case FP2_MIN: r = fpu_min(f, a, b, &st); break;
    case FP2_MAXNM: r = fpu_maxnum(f, a, b, &st); break;
    case FP2_MINNM: r = fpu_minnum(f, a, b, &st); break;
    default:
        /* FNMUL: FPNeg(FPMul()), which flips a NaN's sign too. */
        r = fpu_mul(f, a, b, &st) ^ (uint64_t)1 << (f->ebits + f->mbits);
        break;
    }
    return finish(env, &st, r);
}

static uint64_t helper_fp1(AArch64Env *env, uint64_t desc, uint64_t a)
{
    const FPUFormat *f = a64_fpu_format(desc >> 8 & 3), *to = a64_fpu_format(desc >> 10 & 3);
    FPUStatus st;
    uint64_t r;

    a64_fpu_status(&st, env);
    switch (desc & 0xff) {
    case FP1_SQRT:
        r = fpu_sqrt(f, a, &st);
        break;
    case FP1_RINT:
        r = fpu_round_int(f, a, rounding_of(&st, desc), (desc & FP_EXACT) != 0, &st);
        break;
    case FP1_CVT:
        r = fpu_convert(to, f, a, &st);
        break;
    case FP1_TOINT:
        r = fpu_to_int(f, a, (int)(desc >> 16 & 0x7f), desc & FP_INT64 ? 64 : 32,
                       (desc & FP_SIGNED) != 0, rounding_of(&st, desc), &st);
        break;
    default:    /* FP1_FROMINT: a is the integer, sign- or zero-extended */
        r = fpu_from_int(to, a, (desc & FP_SIGNED) != 0, (int)(desc >> 16 & 0x7f), &st);
        break;
    }
    return finish(env, &st, r);
}

static uint64_t helper_fp3(AArch64Env *env, uint64_t desc, uint64_t addend, uint64_t a,
                           uint64_t b)
{
    const FPUFormat *f = a64_fpu_format(desc >> 8 & 3);
    uint64_t sign = (uint64_t)1 << (f->ebits + f->mbits);
    FPUStatus st;
    uint64_t r;

    /* FMSUB/FNMADD/FNMSUB negate operand1 and/or the addend before
     * FPMulAdd (Arm ARM C7.2.x), so a NaN operand comes out negated too. */
    if (desc & FP_NEG_ADDEND)
        addend ^= sign;
    if (desc & FP_NEG_PRODUCT)
        a ^= sign;
    if (fpu_host_try(f, FPU_HOST_FMA, a, b, addend, a64_fpcr_rounding(env), env->fpsr, &r))
        return r;
    a64_fpu_status(&st, env);
    return finish(env, &st, fpu_muladd(f, addend, a, b, &st));
}

/* FCMP/FCMPE/FCCMP/FCCMPE: NZCV in bits 31:28 (FPCompare: = 0110, < 1000,
 * > 0010, unordered 0011); with cond_ok = 0 FCCMP's nzcv, no exception. */
static uint64_t helper_fpcmp(AArch64Env *env, uint64_t desc, uint64_t a, uint64_t b,
                             uint64_t cond_ok)
{
    static const uint32_t nzcv[4] = { 0x8, 0x6, 0x2, 0x3 };
    FPUStatus st;

    if (!cond_ok)
        return (desc >> 28 & 0xf) << 28;
    a64_fpu_status(&st, env);
    enum FPURelation rel = fpu_compare(a64_fpu_format(desc >> 8 & 3), a, b, (desc & FP_SIGNALLING) != 0, &st);
    return finish(env, &st, (uint64_t)nzcv[rel] << 28);
}

IRHelper a64_helper_fp1 = {
    .name = "a64_fp1", .fn = (void *)helper_fp1, .ret = IR_TYPE_I64,
    .nb_args = 3, .args = { IR_TYPE_I64, IR_TYPE_I64, IR_TYPE_I64 },
};
IRHelper a64_helper_fp2 = {
    .name = "a64_fp2", .fn = (void *)helper_fp2, .ret = IR_TYPE_I64,
    .nb_args = 4, .args = { IR_TYPE_I64, IR_TYPE_I64, IR_TYPE_I64, IR_TYPE_I64 },
};
IRHelper a64_helper_fp3 = {
    .name = "a64_fp3", .fn = (void *)helper_fp3, .ret = IR_TYPE_I64,
    .nb_args = 5, .args = { IR_TYPE_I64, IR_TYPE_I64, IR_TYPE_I64, IR_TYPE_I64, IR_TYPE_I64 },
};
IRHelper a64_helper_fpcmp = {
    .name = "a64_fpcmp", .fn = (void *)helper_fpcmp, .ret = IR_TYPE_I64,
    .nb_args = 5, .args = { IR_TYPE_I64, IR_TYPE_I64, IR_TYPE_I64, IR_TYPE_I64, IR_TYPE_I64 },
};
