/*
 * fpu.h - a portable IEEE 754 binary floating-point library for the guests
 * (f16, f32, f64), in integer arithmetic: results and flags are the same on
 * every host.  The host FPU is used only as a fast path where IEEE 754
 * fixes its answer bit for bit (fpu.c, "The host FPU as a fast path").
 *
 * Values travel as raw bit patterns (uint16_t/uint32_t/uint64_t in a
 * uint64_t).  Every operation takes an FPUStatus, which holds the guest's
 * rules (rounding mode, flush-to-zero, default-NaN mode, tininess, NaN
 * propagation, default NaN sign, Arm's alternative half precision) and
 * collects the sticky exception flags.
 *
 * The flag bits are laid out as Arm's FPSR cumulative bits (IOC bit 0 ...
 * IXC bit 4, IDC bit 7) so that the AArch64 frontend ORs them in directly;
 * other guests map them to their own layout.
 */
#ifndef REMU_FPU_H
#define REMU_FPU_H

#include <stdbool.h>
#include <stdint.h>

enum FPURounding {
    FPU_RNE,            /* to nearest, ties to even */
    FPU_RUP,            /* towards +infinity */
    FPU_RDOWN,          /* towards -infinity */
    FPU_RZERO,          /* towards zero */
    FPU_RNA,            /* to nearest, ties away from zero (FCVTA*, FRINTA) */
};

enum {
    FPU_INVALID = 1u << 0,
    FPU_DIVZERO = 1u << 1,
    FPU_OVERFLOW = 1u << 2,
    FPU_UNDERFLOW = 1u << 3,
    FPU_INEXACT = 1u << 4,
    FPU_INPUT_DENORMAL = 1u << 7,
};

/* Which NaN operand a two- or three-operand operation returns. */
enum FPUNaNRule {
    /* Arm ARM FPProcessNaNs/FPProcessNaNs3: the first signalling NaN in
     * operand order, else the first quiet NaN; fused multiply-add checks
     * the addend first and returns the default NaN for a quiet-NaN addend
     * with infinity * zero. */
    FPU_NAN_ARM,
    /* x86 SSE (Intel SDM vol. 1, 4.8.3.5): the first source operand if it
     * is a NaN, else the second; the default NaN is negative. */
    FPU_NAN_X86,
};

typedef struct FPUStatus {
    uint8_t rounding;           /* enum FPURounding */
    /* Sticky FPU_* exception flags.  A caller may start them with the
     * guest's cumulative flags instead of 0: with FPU_INEXACT already
     * raised, the library need not find out whether a result is exact,
     * which lets it take the host fast path. */
    uint8_t flags;
    bool flush_inputs;          /* denormal inputs read as zero (Arm FZ, x86 DAZ) */
    bool flush_outputs;         /* tiny results become zero (Arm FZ, x86 FTZ) */
    bool default_nan;           /* NaN results are the default NaN (Arm DN) */
    bool tininess_before_rounding;  /* Arm: before (FPRoundBase); x86: after */
    bool input_denormal_flag;   /* flushing an input sets FPU_INPUT_DENORMAL (Arm) */
    bool ahp;                   /* f16 is Arm's alternative format (FPCR.AHP) */
    uint8_t nan_rule;           /* enum FPUNaNRule */
    bool default_nan_negative;  /* the default NaN's sign (x86: 1, Arm: 0) */
} FPUStatus;

/* Arm's FPCR.RMode (0..3) as an enum FPURounding. */
int fpu_arm_rounding(int rmode);
/* The status of an Arm core with this FPCR rounding and FZ/DN/AHP, all clear. */
void fpu_status_arm(FPUStatus *st, int rmode, bool fz, bool dn, bool ahp);
/* The status of x86 SSE with MXCSR-style rounding, DAZ and FTZ. */
void fpu_status_x86(FPUStatus *st, int rounding, bool daz, bool ftz);

/* A format: exponent and fraction widths. */
typedef struct FPUFormat {
    int ebits, mbits;
} FPUFormat;

extern const FPUFormat fpu_f16, fpu_f32, fpu_f64;

/* Relations returned by fpu_compare. */
enum FPURelation { FPU_LESS, FPU_EQUAL, FPU_GREATER, FPU_UNORDERED };

/* Generic operations on format f (operands and results are raw bits). */
uint64_t fpu_add(const FPUFormat *f, uint64_t a, uint64_t b, FPUStatus *st);
uint64_t fpu_sub(const FPUFormat *f, uint64_t a, uint64_t b, FPUStatus *st);
uint64_t fpu_mul(const FPUFormat *f, uint64_t a, uint64_t b, FPUStatus *st);
uint64_t fpu_div(const FPUFormat *f, uint64_t a, uint64_t b, FPUStatus *st);
uint64_t fpu_sqrt(const FPUFormat *f, uint64_t a, FPUStatus *st);
/* addend + a * b, rounded once (negate operands by flipping their sign
 * bits before the call, as Arm's FMSUB/FNMADD/FNMSUB do). */
uint64_t fpu_muladd(const FPUFormat *f, uint64_t addend, uint64_t a, uint64_t b,
                    FPUStatus *st);
/* Quiet compares raise invalid for signalling NaNs only, signalling
 * compares for every NaN. */
enum FPURelation fpu_compare(const FPUFormat *f, uint64_t a, uint64_t b, bool signalling,
                             FPUStatus *st);
/* Arm FPMax/FPMin (+0 > -0, NaNs propagate) and FPMaxNum/FPMinNum (IEEE
 * 754-2008 maxNum/minNum: a quiet NaN loses against a number). */
uint64_t fpu_max(const FPUFormat *f, uint64_t a, uint64_t b, FPUStatus *st);
uint64_t fpu_min(const FPUFormat *f, uint64_t a, uint64_t b, FPUStatus *st);
uint64_t fpu_maxnum(const FPUFormat *f, uint64_t a, uint64_t b, FPUStatus *st);
uint64_t fpu_minnum(const FPUFormat *f, uint64_t a, uint64_t b, FPUStatus *st);
/* Round to an integral value in the given rounding mode; exact selects
 * whether an inexact result raises FPU_INEXACT (FRINTX vs the others). */
uint64_t fpu_round_int(const FPUFormat *f, uint64_t a, int rounding, bool exact,
                       FPUStatus *st);
/* Between formats (f16 obeys st->ahp). */
uint64_t fpu_convert(const FPUFormat *to, const FPUFormat *from, uint64_t a, FPUStatus *st);
/* a * 2^fbits rounded to an integer of 32 or 64 bits, signed or unsigned,
 * saturating out-of-range values and NaNs (NaN -> 0) with FPU_INVALID.
 * The result is the integer's bits zero-extended from width. */
uint64_t fpu_to_int(const FPUFormat *f, uint64_t a, int fbits, int width, bool is_signed,
                    int rounding, FPUStatus *st);
/* The integer v (of 64 bits, signed or unsigned) times 2^-fbits, rounded. */
uint64_t fpu_from_int(const FPUFormat *f, uint64_t v, bool is_signed, int fbits,
                      FPUStatus *st);
/* a * 2^n, rounded. */
uint64_t fpu_scale(const FPUFormat *f, uint64_t a, int n, FPUStatus *st);

/*
 * The host FPU fast path (fpu.c, "The host FPU as a fast path").
 * fpu_host_try computes op on the host into *r and returns true when the
 * rules allow it (rounding to nearest, FPU_INEXACT in flags, f32 or f64,
 * the operands and the result ordinary); false leaves the work to the
 * library.  The rules themselves are here, inline, for callers that
 * compute whole vectors on the host: exp and abs are the format's exponent
 * and magnitude masks, min_normal its smallest normal number's bits.
 */
enum FPUHostOp { FPU_HOST_ADD, FPU_HOST_SUB, FPU_HOST_MUL, FPU_HOST_DIV, FPU_HOST_SQRT,
                 FPU_HOST_FMA };

bool fpu_host_try(const FPUFormat *f, enum FPUHostOp op, uint64_t a, uint64_t b, uint64_t c,
                  int rounding, unsigned flags, uint64_t *r);

/* x is zero or normal. */
static inline bool fpu_host_operand_ok(uint64_t x, uint64_t exp, uint64_t abs)
{
    return (x & exp) ? (x & exp) != exp : (x & abs) == 0;
}

/* The operands of a op b (FMA: c + a * b; SQRT: a only) may go to the host:
 * all zero or normal, and no division by zero. */
static inline bool fpu_host_operands_ok(enum FPUHostOp op, uint64_t a, uint64_t b, uint64_t c,
                                        uint64_t exp, uint64_t abs)
{
    if (!fpu_host_operand_ok(a, exp, abs))
        return false;
    if (op == FPU_HOST_SQRT)
        return true;
    if (!fpu_host_operand_ok(b, exp, abs) || (op == FPU_HOST_DIV && (b & abs) == 0))
        return false;
    return op != FPU_HOST_FMA || fpu_host_operand_ok(c, exp, abs);
}

/* The host's result r of a op b is the library's: finite and above the
 * smallest normal, or a zero the operation gives exactly (a sum; a product
 * or quotient of a zero; sqrt of a zero).  An FMA's zero could be an
 * underflow: the library decides those. */
static inline bool fpu_host_result_ok(enum FPUHostOp op, uint64_t a, uint64_t b, uint64_t r,
                                      uint64_t exp, uint64_t abs, uint64_t min_normal)
{
    r &= abs;
    if (r)
        return r > min_normal && r < exp;
    switch (op) {
    case FPU_HOST_ADD: case FPU_HOST_SUB: case FPU_HOST_SQRT: return true;
    case FPU_HOST_MUL: return (a & abs) == 0 || (b & abs) == 0;
    case FPU_HOST_DIV: return (a & abs) == 0;
    default: return false;
    }
}

/* Classification of raw bits. */
bool fpu_is_nan(const FPUFormat *f, uint64_t a);
bool fpu_is_snan(const FPUFormat *f, uint64_t a);
uint64_t fpu_default_nan(const FPUFormat *f, const FPUStatus *st);
/* The result of a one-operand operation on the NaN a (Arm FPProcessNaN):
 * a made quiet, or the default NaN; FPU_INVALID for a signalling NaN. */
uint64_t fpu_process_nan(const FPUFormat *f, uint64_t a, FPUStatus *st);

#endif
