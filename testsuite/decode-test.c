/* decode-test.c - checks the decoder that tools/decodegen.py generates from
 * testsuite/decode/a64-sample.decode.
 *
 * Three oracles, none of them the generator's own output:
 *
 *  1. Known words.  Each instruction word below was produced by GNU as 2.40
 *     (Debian binutils-aarch64-linux-gnu) from the assembly text shown next
 *     to it and read back with aarch64-linux-gnu-objdump -d; the ADRP words
 *     were linked with aarch64-linux-gnu-ld -Ttext=0x100000 so that their
 *     page offsets are resolved.  The expected name and field values are
 *     read off the assembly text by hand using the field definitions of the
 *     Arm ARM (DDI 0487, C6.2): e.g. "ldr w3, [sp, #16380]" is size=2
 *     (32-bit), imm12 = 16380 / 4 = 4095, Rn = 31, Rt = 3.
 *  2. Words that must not decode: encodings the sample leaves out (BIC,
 *     PRFM, LDPSW, BC.cond...), also assembled by GNU as, and 0xb2800000
 *     (move wide with opc = 01), which objdump reports as undefined.
 *  3. Random words.  A linear first-match scan over a mask/value table
 *     derived by hand from the same Arm ARM encoding diagrams must name the
 *     same instruction as the generated decision tree, for many random
 *     words (half of them forced onto some pattern's fixed bits).
 *
 * The same three kinds of checks run on a 16-bit Thumb sample,
 * decode/t16-sample.decode, assembled with arm-linux-gnueabihf-as 2.40
 * (.syntax unified, .thumb) and read back with objdump; branch offsets are
 * (target - (address + 4)) / 2 by hand, per A8.8.18 of DDI 0406.
 *
 * Plus the group rule: inside { MOV_r ORR_r } the first pattern whose trans_
 * function returns true wins, and a pattern outside a group whose trans_
 * returns false makes the decoder return false.
 *
 * Output: one "PASS: name" or "FAIL: name (details)" line per check; exit
 * status 1 if any check failed.
 */

#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef struct DisasContext {
    const char *reject;     /* trans_ functions of these names return false */
    char got[160];          /* the last call: "NAME m1=v1 m2=v2 ..." */
    char trail[160];        /* names of every trans_ called, in order */
} DisasContext;

/* Two decoders in one C file, as a T32/T16 frontend would have: they share
 * arg_branch and the times_4 transform. */
#include "decode-a64-sample.c.inc"
#include "decode-t16-sample.c.inc"

static int failures;

static void check(bool ok, const char *name, const char *fmt, ...)
{
    if (ok) {
        printf("PASS: %s\n", name);
        return;
    }
    failures++;
    printf("FAIL: %s (", name);
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf(")\n");
}

/* A name in a space-separated list. */
static bool name_in(const char *list, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = list; p && *p; ) {
        const char *end = strchr(p, ' ');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == n && memcmp(p, name, n) == 0) {
            return true;
        }
        p = end ? end + 1 : NULL;
    }
    return false;
}

static bool record(DisasContext *ctx, const char *name, const char *fmt, ...)
{
    int n = snprintf(ctx->got, sizeof(ctx->got), "%s", name);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ctx->got + n, sizeof(ctx->got) - n, fmt, ap);
    va_end(ap);
    size_t t = strlen(ctx->trail);
    snprintf(ctx->trail + t, sizeof(ctx->trail) - t, "%s%s", t ? " " : "", name);
    return !name_in(ctx->reject, name);
}

/* ---- trans_ functions: record the name and every member ---------------- */

static bool rec_addsub_imm(DisasContext *ctx, const char *name, arg_addsub_imm *a)
{
    return record(ctx, name, " sf=%d sh=%d imm=%d rn=%d rd=%d",
                  a->sf, a->sh, a->imm, a->rn, a->rd);
}
static bool trans_ADD_i(DisasContext *ctx, arg_addsub_imm *a) { return rec_addsub_imm(ctx, "ADD_i", a); }
static bool trans_ADDS_i(DisasContext *ctx, arg_addsub_imm *a) { return rec_addsub_imm(ctx, "ADDS_i", a); }
static bool trans_SUB_i(DisasContext *ctx, arg_addsub_imm *a) { return rec_addsub_imm(ctx, "SUB_i", a); }
static bool trans_SUBS_i(DisasContext *ctx, arg_addsub_imm *a) { return rec_addsub_imm(ctx, "SUBS_i", a); }

static bool rec_logic_imm(DisasContext *ctx, const char *name, arg_logic_imm *a)
{
    return record(ctx, name, " sf=%d n=%d immr=%d imms=%d rn=%d rd=%d",
                  a->sf, a->n, a->immr, a->imms, a->rn, a->rd);
}
static bool trans_AND_i(DisasContext *ctx, arg_logic_imm *a) { return rec_logic_imm(ctx, "AND_i", a); }
static bool trans_ORR_i(DisasContext *ctx, arg_logic_imm *a) { return rec_logic_imm(ctx, "ORR_i", a); }
static bool trans_EOR_i(DisasContext *ctx, arg_logic_imm *a) { return rec_logic_imm(ctx, "EOR_i", a); }
static bool trans_ANDS_i(DisasContext *ctx, arg_logic_imm *a) { return rec_logic_imm(ctx, "ANDS_i", a); }

static bool rec_movw(DisasContext *ctx, const char *name, arg_movw *a)
{
    return record(ctx, name, " sf=%d hw=%d imm=%d rd=%d", a->sf, a->hw, a->imm, a->rd);
}
static bool trans_MOVN(DisasContext *ctx, arg_movw *a) { return rec_movw(ctx, "MOVN", a); }
static bool trans_MOVZ(DisasContext *ctx, arg_movw *a) { return rec_movw(ctx, "MOVZ", a); }
static bool trans_MOVK(DisasContext *ctx, arg_movw *a) { return rec_movw(ctx, "MOVK", a); }

static bool rec_pcrel(DisasContext *ctx, const char *name, arg_pcrel *a)
{
    return record(ctx, name, " rd=%d imm=%d", a->rd, a->imm);
}
static bool trans_ADR(DisasContext *ctx, arg_pcrel *a) { return rec_pcrel(ctx, "ADR", a); }
static bool trans_ADRP(DisasContext *ctx, arg_pcrel *a) { return rec_pcrel(ctx, "ADRP", a); }

/* The !function transform of field br26: words to bytes. */
static int times_4(DisasContext *ctx, int x)
{
    return x * 4;
}

static bool trans_B(DisasContext *ctx, arg_branch *a) { return record(ctx, "B", " imm=%d", a->imm); }
static bool trans_BL(DisasContext *ctx, arg_branch *a) { return record(ctx, "BL", " imm=%d", a->imm); }

static bool trans_B_cond(DisasContext *ctx, arg_B_cond *a)
{
    return record(ctx, "B_cond", " imm=%d cond=%d", a->imm, a->cond);
}

static bool rec_cb(DisasContext *ctx, const char *name, arg_cb *a)
{
    return record(ctx, name, " sf=%d imm=%d rt=%d", a->sf, a->imm, a->rt);
}
static bool trans_CBZ(DisasContext *ctx, arg_cb *a) { return rec_cb(ctx, "CBZ", a); }
static bool trans_CBNZ(DisasContext *ctx, arg_cb *a) { return rec_cb(ctx, "CBNZ", a); }

static bool rec_ldst_ui(DisasContext *ctx, const char *name, arg_ldst_ui *a)
{
    return record(ctx, name, " size=%d imm=%d rn=%d rt=%d", a->size, a->imm, a->rn, a->rt);
}
static bool trans_STR_ui(DisasContext *ctx, arg_ldst_ui *a) { return rec_ldst_ui(ctx, "STR_ui", a); }
static bool trans_LDR_ui(DisasContext *ctx, arg_ldst_ui *a) { return rec_ldst_ui(ctx, "LDR_ui", a); }

static bool rec_ldst_pair(DisasContext *ctx, const char *name, arg_ldst_pair *a)
{
    return record(ctx, name, " sf=%d imm=%d rt2=%d rn=%d rt=%d",
                  a->sf, a->imm, a->rt2, a->rn, a->rt);
}
static bool trans_STP(DisasContext *ctx, arg_ldst_pair *a) { return rec_ldst_pair(ctx, "STP", a); }
static bool trans_LDP(DisasContext *ctx, arg_ldst_pair *a) { return rec_ldst_pair(ctx, "LDP", a); }
static bool trans_STP_pre(DisasContext *ctx, arg_ldst_pair *a) { return rec_ldst_pair(ctx, "STP_pre", a); }
static bool trans_LDP_post(DisasContext *ctx, arg_ldst_pair *a) { return rec_ldst_pair(ctx, "LDP_post", a); }

static bool rec_addsub_shift(DisasContext *ctx, const char *name, arg_addsub_shift *a)
{
    return record(ctx, name, " sf=%d shift=%d rm=%d imm=%d rn=%d rd=%d",
                  a->sf, a->shift, a->rm, a->imm, a->rn, a->rd);
}
static bool trans_ADD_r(DisasContext *ctx, arg_addsub_shift *a) { return rec_addsub_shift(ctx, "ADD_r", a); }
static bool trans_ADDS_r(DisasContext *ctx, arg_addsub_shift *a) { return rec_addsub_shift(ctx, "ADDS_r", a); }
static bool trans_SUB_r(DisasContext *ctx, arg_addsub_shift *a) { return rec_addsub_shift(ctx, "SUB_r", a); }
static bool trans_SUBS_r(DisasContext *ctx, arg_addsub_shift *a) { return rec_addsub_shift(ctx, "SUBS_r", a); }

static bool rec_logic_shift(DisasContext *ctx, const char *name, arg_logic_shift *a)
{
    return record(ctx, name, " sf=%d shift=%d rm=%d imm=%d rn=%d rd=%d",
                  a->sf, a->shift, a->rm, a->imm, a->rn, a->rd);
}
static bool trans_AND_r(DisasContext *ctx, arg_logic_shift *a) { return rec_logic_shift(ctx, "AND_r", a); }
static bool trans_EOR_r(DisasContext *ctx, arg_logic_shift *a) { return rec_logic_shift(ctx, "EOR_r", a); }
static bool trans_ANDS_r(DisasContext *ctx, arg_logic_shift *a) { return rec_logic_shift(ctx, "ANDS_r", a); }
static bool trans_ORR_r(DisasContext *ctx, arg_logic_shift *a) { return rec_logic_shift(ctx, "ORR_r", a); }

static bool trans_MOV_r(DisasContext *ctx, arg_MOV_r *a)
{
    return record(ctx, "MOV_r", " sf=%d rm=%d rd=%d", a->sf, a->rm, a->rd);
}

static bool rec_dp3(DisasContext *ctx, const char *name, arg_dp3 *a)
{
    return record(ctx, name, " sf=%d rm=%d ra=%d rn=%d rd=%d",
                  a->sf, a->rm, a->ra, a->rn, a->rd);
}
static bool trans_MADD(DisasContext *ctx, arg_dp3 *a) { return rec_dp3(ctx, "MADD", a); }
static bool trans_MSUB(DisasContext *ctx, arg_dp3 *a) { return rec_dp3(ctx, "MSUB", a); }

static bool trans_BR(DisasContext *ctx, arg_branch_reg *a) { return record(ctx, "BR", " rn=%d", a->rn); }
static bool trans_BLR(DisasContext *ctx, arg_branch_reg *a) { return record(ctx, "BLR", " rn=%d", a->rn); }
static bool trans_RET(DisasContext *ctx, arg_branch_reg *a) { return record(ctx, "RET", " rn=%d", a->rn); }

static bool trans_NOP(DisasContext *ctx, arg_NOP *a) { return record(ctx, "NOP", ""); }
static bool trans_SVC(DisasContext *ctx, arg_SVC *a) { return record(ctx, "SVC", " imm=%d", a->imm); }

/* ---- the Thumb sample ---- */

static bool rec_rri3(DisasContext *ctx, const char *name, arg_rri3 *a)
{
    return record(ctx, name, " imm=%d rn=%d rd=%d", a->imm, a->rn, a->rd);
}
static bool trans_T16_ADDS_i3(DisasContext *ctx, arg_rri3 *a) { return rec_rri3(ctx, "T16_ADDS_i3", a); }
static bool trans_T16_SUBS_i3(DisasContext *ctx, arg_rri3 *a) { return rec_rri3(ctx, "T16_SUBS_i3", a); }

static bool trans_T16_ADDS_r(DisasContext *ctx, arg_T16_ADDS_r *a)
{
    return record(ctx, "T16_ADDS_r", " rm=%d rn=%d rd=%d", a->rm, a->rn, a->rd);
}

static bool trans_T16_MOVS_i(DisasContext *ctx, arg_ri8 *a) { return record(ctx, "T16_MOVS_i", " r=%d imm=%d", a->r, a->imm); }
static bool trans_T16_CMP_i(DisasContext *ctx, arg_ri8 *a) { return record(ctx, "T16_CMP_i", " r=%d imm=%d", a->r, a->imm); }

static bool rec_ldst_i(DisasContext *ctx, const char *name, arg_ldst_i *a)
{
    return record(ctx, name, " imm=%d rn=%d rt=%d", a->imm, a->rn, a->rt);
}
static bool trans_T16_STR_i(DisasContext *ctx, arg_ldst_i *a) { return rec_ldst_i(ctx, "T16_STR_i", a); }
static bool trans_T16_LDR_i(DisasContext *ctx, arg_ldst_i *a) { return rec_ldst_i(ctx, "T16_LDR_i", a); }

static bool trans_T16_UDF(DisasContext *ctx, arg_T16_UDF *a) { return record(ctx, "T16_UDF", " imm=%d", a->imm); }
static bool trans_T16_SVC(DisasContext *ctx, arg_T16_SVC *a) { return record(ctx, "T16_SVC", " imm=%d", a->imm); }
static bool trans_T16_B_cond(DisasContext *ctx, arg_T16_B_cond *a)
{
    return record(ctx, "T16_B_cond", " cond=%d imm=%d", a->cond, a->imm);
}
static bool trans_T16_B(DisasContext *ctx, arg_branch *a) { return record(ctx, "T16_B", " imm=%d", a->imm); }

/* ---- 1 and 2: known words ------------------------------------------------ */

struct known_word {
    uint32_t insn;
    const char *text;       /* what GNU as assembled into INSN */
    const char *expect;     /* NULL: must not decode */
};

static const struct known_word known_words[] = {
    { 0x91000420, "add x0, x1, #1",               "ADD_i sf=1 sh=0 imm=1 rn=1 rd=0" },
    { 0x117ffc83, "add w3, w4, #0xfff, lsl #12",  "ADD_i sf=0 sh=1 imm=4095 rn=4 rd=3" },
    { 0xb1001cc5, "adds x5, x6, #7",              "ADDS_i sf=1 sh=0 imm=7 rn=6 rd=5" },
    { 0xd10043ff, "sub sp, sp, #16",              "SUB_i sf=1 sh=0 imm=16 rn=31 rd=31" },
    { 0xf1000c5f, "cmp x2, #3",                   "SUBS_i sf=1 sh=0 imm=3 rn=2 rd=31" },
    /* Bitmask immediates: N:immr:imms by hand from the element size, the
     * run of ones and its rotation (C3.4.2). */
    { 0x92401c20, "and x0, x1, #0xff",            "AND_i sf=1 n=1 immr=0 imms=7 rn=1 rd=0" },
    { 0x32010462, "orr w2, w3, #0x80000001",      "ORR_i sf=0 n=0 immr=1 imms=1 rn=3 rd=2" },
    { 0xd200f0a4, "eor x4, x5, #0x5555555555555555", "EOR_i sf=1 n=0 immr=0 imms=60 rn=5 rd=4" },
    { 0x721c0ce6, "ands w6, w7, #0xf0",           "ANDS_i sf=0 n=0 immr=28 imms=3 rn=7 rd=6" },
    { 0x92800000, "movn x0, #0",                  "MOVN sf=1 hw=0 imm=0 rd=0" },
    { 0x52bfffe1, "movz w1, #0xffff, lsl #16",    "MOVZ sf=0 hw=1 imm=65535 rd=1" },
    { 0xf2e24682, "movk x2, #0x1234, lsl #48",    "MOVK sf=1 hw=3 imm=4660 rd=2" },
    { 0x10000803, "adr x3, . + 0x100",            "ADR rd=3 imm=256" },
    { 0x70ffffe4, "adr x4, . - 1",                "ADR rd=4 imm=-1" },
    { 0xf0000005, "adrp x5, . + 0x3000",          "ADRP rd=5 imm=3" },
    { 0xf0ffffe6, "adrp x6, . - 0x1000",          "ADRP rd=6 imm=-1" },
    { 0xf07fffe7, "adrp x7, . + 0xfffff000",      "ADRP rd=7 imm=1048575" },
    { 0x14000002, "b . + 8",                      "B imm=8" },
    { 0x17ffffff, "b . - 4",                      "B imm=-4" },
    { 0x95ffffff, "bl . + 0x7fffffc",             "BL imm=134217724" },
    { 0x96000000, "bl . - 0x8000000",             "BL imm=-134217728" },
    { 0x54000061, "b.ne . + 12",                  "B_cond imm=3 cond=1" },
    { 0x54ffffce, "b.al . - 8",                   "B_cond imm=-2 cond=14" },
    { 0xb4000089, "cbz x9, . + 16",               "CBZ sf=1 imm=4 rt=9" },
    { 0x35ffffea, "cbnz w10, . - 4",              "CBNZ sf=0 imm=-1 rt=10" },
    { 0xf9000441, "str x1, [x2, #8]",             "STR_ui size=3 imm=1 rn=2 rt=1" },
    { 0xb97fffe3, "ldr w3, [sp, #16380]",         "LDR_ui size=2 imm=4095 rn=31 rt=3" },
    { 0x390000a4, "strb w4, [x5]",                "STR_ui size=0 imm=0 rn=5 rt=4" },
    { 0x794004e6, "ldrh w6, [x7, #2]",            "LDR_ui size=1 imm=1 rn=7 rt=6" },
    { 0xa9bf7bfd, "stp x29, x30, [sp, #-16]!",    "STP_pre sf=1 imm=-2 rt2=30 rn=31 rt=29" },
    { 0xa8c17bfd, "ldp x29, x30, [sp], #16",      "LDP_post sf=1 imm=2 rt2=30 rn=31 rt=29" },
    { 0x29010861, "stp w1, w2, [x3, #8]",         "STP sf=0 imm=2 rt2=2 rn=3 rt=1" },
    { 0xa96014c4, "ldp x4, x5, [x6, #-512]",      "LDP sf=1 imm=-64 rt2=5 rn=6 rt=4" },
    { 0x8b020020, "add x0, x1, x2",               "ADD_r sf=1 shift=0 rm=2 imm=0 rn=1 rd=0" },
    { 0x0b057c83, "add w3, w4, w5, lsl #31",      "ADD_r sf=0 shift=0 rm=5 imm=31 rn=4 rd=3" },
    { 0xab88fce6, "adds x6, x7, x8, asr #63",     "ADDS_r sf=1 shift=2 rm=8 imm=63 rn=7 rd=6" },
    { 0xcb4b0549, "sub x9, x10, x11, lsr #1",     "SUB_r sf=1 shift=1 rm=11 imm=1 rn=10 rd=9" },
    { 0x6b0d019f, "cmp w12, w13",                 "SUBS_r sf=0 shift=0 rm=13 imm=0 rn=12 rd=31" },
    { 0x8ac20c20, "and x0, x1, x2, ror #3",       "AND_r sf=1 shift=3 rm=2 imm=3 rn=1 rd=0" },
    { 0x4a050083, "eor w3, w4, w5",               "EOR_r sf=0 shift=0 rm=5 imm=0 rn=4 rd=3" },
    { 0xea0800e6, "ands x6, x7, x8",              "ANDS_r sf=1 shift=0 rm=8 imm=0 rn=7 rd=6" },
    { 0xaa0103e0, "mov x0, x1",                   "MOV_r sf=1 rm=1 rd=0" },
    { 0x2a0303e2, "mov w2, w3",                   "MOV_r sf=0 rm=3 rd=2" },
    { 0xaa0600a4, "orr x4, x5, x6",               "ORR_r sf=1 shift=0 rm=6 imm=0 rn=5 rd=4" },
    { 0xaa080be7, "orr x7, xzr, x8, lsl #2",      "ORR_r sf=1 shift=0 rm=8 imm=2 rn=31 rd=7" },
    { 0x9b020c20, "madd x0, x1, x2, x3",          "MADD sf=1 rm=2 ra=3 rn=1 rd=0" },
    { 0x1b067ca4, "mul w4, w5, w6",               "MADD sf=0 rm=6 ra=31 rn=5 rd=4" },
    { 0x9b09a907, "msub x7, x8, x9, x10",         "MSUB sf=1 rm=9 ra=10 rn=8 rd=7" },
    { 0xd61f0200, "br x16",                       "BR rn=16" },
    { 0xd63f0220, "blr x17",                      "BLR rn=17" },
    { 0xd65f03c0, "ret",                          "RET rn=30" },
    { 0xd65f00a0, "ret x5",                       "RET rn=5" },
    { 0xd503201f, "nop",                          "NOP" },
    { 0xd4000001, "svc #0",                       "SVC imm=0" },
    { 0xd41fffe1, "svc #0xffff",                  "SVC imm=65535" },

    { 0x00000000, "udf #0",                       NULL },
    { 0x8a220020, "bic x0, x1, x2",               NULL },
    { 0xaa220020, "orn x0, x1, x2",               NULL },
    { 0xf9800000, "prfm pldl1keep, [x0]",         NULL },
    { 0xb9800020, "ldrsw x0, [x1]",               NULL },
    { 0x69400440, "ldpsw x0, x1, [x2]",           NULL },
    { 0xd503203f, "yield",                        NULL },
    { 0xd4000002, "hvc #0",                       NULL },
    { 0x8b220020, "add x0, x1, w2, uxtb",         NULL },
    { 0x54000050, "bc.eq . + 8 (-march=armv8.8-a)", NULL },
    { 0xb2800000, ".inst 0xb2800000 (move wide, opc=01)", NULL },
};

static const struct known_word t16_words[] = {
    { 0x1cd1, "adds r1, r2, #3",                  "T16_ADDS_i3 imm=3 rn=2 rd=1" },
    { 0x1fc7, "subs r7, r0, #7",                  "T16_SUBS_i3 imm=7 rn=0 rd=7" },
    { 0x1963, "adds r3, r4, r5",                  "T16_ADDS_r rm=5 rn=4 rd=3" },
    { 0x26ff, "movs r6, #255",                    "T16_MOVS_i r=6 imm=255" },
    { 0x2a00, "cmp r2, #0",                       "T16_CMP_i r=2 imm=0" },
    { 0x6fc8, "ldr r0, [r1, #124]",               "T16_LDR_i imm=124 rn=1 rt=0" },
    { 0x6075, "str r5, [r6, #4]",                 "T16_STR_i imm=4 rn=6 rt=5" },
    { 0xd002, "beq . + 8",                        "T16_B_cond cond=0 imm=2" },
    { 0xdc80, "bgt . - 252",                      "T16_B_cond cond=12 imm=-128" },
    { 0xe3ff, "b . + 2050",                       "T16_B imm=1023" },
    { 0xe400, "b . - 2044",                       "T16_B imm=-1024" },
    { 0xdeab, "udf #171",                         "T16_UDF imm=171" },
    { 0xdf01, "svc 1",                            "T16_SVC imm=1" },
    /* The decoder of a 16-bit ISA ignores the upper half of the word. */
    { 0xffff1cd1, "adds r1, r2, #3 (upper half set)", "T16_ADDS_i3 imm=3 rn=2 rd=1" },
    { 0xbe00, "bkpt 0x0000",                      NULL },
    { 0x46c0, "nop (mov r8, r8)",                 NULL },
};

typedef bool decode_fn(DisasContext *ctx, uint32_t insn);

static bool run_with(decode_fn *decode, DisasContext *ctx, uint32_t insn,
                     const char *reject)
{
    memset(ctx, 0, sizeof(*ctx));
    ctx->reject = reject;
    return decode(ctx, insn);
}

static bool run_decode(DisasContext *ctx, uint32_t insn, const char *reject)
{
    return run_with(decode_a64_sample, ctx, insn, reject);
}

static void test_words(decode_fn *decode, const char *isa,
                       const struct known_word *words, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const struct known_word *k = &words[i];
        DisasContext ctx;
        bool ok = run_with(decode, &ctx, k->insn, NULL);
        char name[140];
        snprintf(name, sizeof(name), "%s 0x%08" PRIx32 " %s", isa, k->insn, k->text);
        if (k->expect) {
            check(ok && strcmp(ctx.got, k->expect) == 0, name,
                  "decoded %s as \"%s\", expected \"%s\"",
                  ok ? "true" : "false", ctx.got, k->expect);
        } else {
            check(!ok && ctx.trail[0] == 0, name,
                  "must not decode, but trans_ calls were \"%s\"", ctx.trail);
        }
    }
}

/* ---- groups and trans_ returning false ------------------------------------ */

static void test_groups(void)
{
    DisasContext ctx;
    bool ok;

    ok = run_decode(&ctx, 0xaa0103e0, "MOV_r");
    check(ok && strcmp(ctx.trail, "MOV_r ORR_r") == 0
          && strcmp(ctx.got, "ORR_r sf=1 shift=0 rm=1 imm=0 rn=31 rd=0") == 0,
          "group: MOV_r declines mov x0, x1, ORR_r takes it",
          "ok=%d trail \"%s\" got \"%s\"", ok, ctx.trail, ctx.got);

    ok = run_decode(&ctx, 0xaa0103e0, "MOV_r ORR_r");
    check(!ok && strcmp(ctx.trail, "MOV_r ORR_r") == 0,
          "group: both decline, decode returns false",
          "ok=%d trail \"%s\"", ok, ctx.trail);

    ok = run_decode(&ctx, 0xaa0103e0, NULL);
    check(ok && strcmp(ctx.trail, "MOV_r") == 0,
          "group: MOV_r accepts, ORR_r is not called",
          "ok=%d trail \"%s\"", ok, ctx.trail);

    ok = run_decode(&ctx, 0xaa0600a4, NULL);
    check(ok && strcmp(ctx.trail, "ORR_r") == 0,
          "group: orr x4, x5, x6 does not call MOV_r",
          "ok=%d trail \"%s\"", ok, ctx.trail);

    ok = run_with(decode_t16_sample, &ctx, 0xdeab, "T16_UDF");
    check(ok && strcmp(ctx.trail, "T16_UDF T16_B_cond") == 0
          && strcmp(ctx.got, "T16_B_cond cond=14 imm=-85") == 0,
          "group: T16_UDF declines 0xdeab, T16_B_cond takes it",
          "ok=%d trail \"%s\" got \"%s\"", ok, ctx.trail, ctx.got);

    ok = run_decode(&ctx, 0x91000420, "ADD_i");
    check(!ok && strcmp(ctx.trail, "ADD_i") == 0,
          "ungrouped trans_ADD_i returning false makes decode return false",
          "ok=%d trail \"%s\"", ok, ctx.trail);
}

/* ---- 3: random words against a linear scan ------------------------------- */

struct ref_pattern {
    uint32_t mask, value;
    const char *name;
};

/* Fixed bits of each pattern, derived by hand from the encoding diagrams in
 * the Arm ARM (C4.1), in the priority order of a first-match scan. */
static const struct ref_pattern a64_ref[] = {
    { 0x7f800000, 0x11000000, "ADD_i" },    /* sf op=0 S=0 100010 */
    { 0x7f800000, 0x31000000, "ADDS_i" },
    { 0x7f800000, 0x51000000, "SUB_i" },
    { 0x7f800000, 0x71000000, "SUBS_i" },
    { 0x7f800000, 0x12000000, "AND_i" },    /* sf opc 100100 */
    { 0x7f800000, 0x32000000, "ORR_i" },
    { 0x7f800000, 0x52000000, "EOR_i" },
    { 0x7f800000, 0x72000000, "ANDS_i" },
    { 0x7f800000, 0x12800000, "MOVN" },     /* sf opc 100101 */
    { 0x7f800000, 0x52800000, "MOVZ" },
    { 0x7f800000, 0x72800000, "MOVK" },
    { 0x9f000000, 0x10000000, "ADR" },      /* op immlo 10000 */
    { 0x9f000000, 0x90000000, "ADRP" },
    { 0xfc000000, 0x14000000, "B" },        /* op 00101 */
    { 0xfc000000, 0x94000000, "BL" },
    { 0xff000010, 0x54000000, "B_cond" },   /* 0101010 0 ... 0 cond */
    { 0x7f000000, 0x34000000, "CBZ" },      /* sf 011010 op */
    { 0x7f000000, 0x35000000, "CBNZ" },
    { 0x3fc00000, 0x39000000, "STR_ui" },   /* size 111 0 01 opc */
    { 0x3fc00000, 0x39400000, "LDR_ui" },
    { 0x7fc00000, 0x29000000, "STP" },      /* sf 0 101 0 mode L */
    { 0x7fc00000, 0x29400000, "LDP" },
    { 0x7fc00000, 0x29800000, "STP_pre" },
    { 0x7fc00000, 0x28c00000, "LDP_post" },
    { 0x7f200000, 0x0b000000, "ADD_r" },    /* sf op S 01011 shift 0 */
    { 0x7f200000, 0x2b000000, "ADDS_r" },
    { 0x7f200000, 0x4b000000, "SUB_r" },
    { 0x7f200000, 0x6b000000, "SUBS_r" },
    { 0x7f200000, 0x0a000000, "AND_r" },    /* sf opc 01010 shift N=0 */
    { 0x7f200000, 0x4a000000, "EOR_r" },
    { 0x7f200000, 0x6a000000, "ANDS_r" },
    { 0x7fe0ffe0, 0x2a0003e0, "MOV_r" },    /* ORR, LSL #0, Rn = 31 */
    { 0x7f200000, 0x2a000000, "ORR_r" },
    { 0x7fe08000, 0x1b000000, "MADD" },     /* sf 00 11011 000 Rm o0 */
    { 0x7fe08000, 0x1b008000, "MSUB" },
    { 0xfffffc1f, 0xd61f0000, "BR" },       /* 1101011 opc 11111 000000 Rn 00000 */
    { 0xfffffc1f, 0xd63f0000, "BLR" },
    { 0xfffffc1f, 0xd65f0000, "RET" },
    { 0xffffffff, 0xd503201f, "NOP" },
    { 0xffe0001f, 0xd4000001, "SVC" },
};

/* The same for the Thumb sample (DDI 0406, A6.2); upper halves ignored. */
static const struct ref_pattern t16_ref[] = {
    { 0xfe00, 0x1800, "T16_ADDS_r" },      /* 0001100 Rm Rn Rd */
    { 0xfe00, 0x1c00, "T16_ADDS_i3" },     /* 0001110 imm3 Rn Rd */
    { 0xfe00, 0x1e00, "T16_SUBS_i3" },     /* 0001111 imm3 Rn Rd */
    { 0xf800, 0x2000, "T16_MOVS_i" },      /* 00100 Rd imm8 */
    { 0xf800, 0x2800, "T16_CMP_i" },       /* 00101 Rn imm8 */
    { 0xf800, 0x6000, "T16_STR_i" },       /* 01100 imm5 Rn Rt */
    { 0xf800, 0x6800, "T16_LDR_i" },       /* 01101 imm5 Rn Rt */
    { 0xff00, 0xde00, "T16_UDF" },         /* 1101 1110 imm8 */
    { 0xff00, 0xdf00, "T16_SVC" },         /* 1101 1111 imm8 */
    { 0xf000, 0xd000, "T16_B_cond" },      /* 1101 cond imm8 */
    { 0xf800, 0xe000, "T16_B" },           /* 11100 imm11 */
};

static const char *ref_decode(const struct ref_pattern *ref, size_t n,
                              uint32_t insn)
{
    for (size_t i = 0; i < n; i++) {
        if ((insn & ref[i].mask) == ref[i].value) {
            return ref[i].name;
        }
    }
    return "(none)";
}

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint32_t rng_next(void)
{
    /* xorshift64*: any fixed, well-mixed sequence will do. */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 0x2545f4914f6cdd1dull) >> 32);
}

static void test_random_words(decode_fn *decode, const char *isa,
                              const struct ref_pattern *ref, size_t nref,
                              uint32_t width_mask)
{
    enum { N = 1000000 };
    char name[120];
    unsigned mismatches = 0, hits = 0;
    char got_name[64];

    for (unsigned i = 0; i < N; i++) {
        uint32_t insn = rng_next();
        if (i & 1) {
            const struct ref_pattern *r = &ref[rng_next() % nref];
            insn = (insn & ~r->mask) | r->value;
        }
        DisasContext ctx;
        bool ok = run_with(decode, &ctx, insn, NULL);
        const char *want = ref_decode(ref, nref, insn & width_mask);
        const char *got = "(none)";
        if (ok) {
            size_t n = strcspn(ctx.got, " ");
            snprintf(got_name, sizeof(got_name), "%.*s", (int)n, ctx.got);
            got = got_name;
            hits++;
        }
        if (strcmp(want, got) != 0 && mismatches++ == 0) {
            snprintf(name, sizeof(name), "%s random words: first mismatch", isa);
            check(false, name, "0x%08" PRIx32 ": reference %s, decoder %s",
                  insn, want, got);
        }
    }
    snprintf(name, sizeof(name),
             "%s random words agree with a linear scan of the hand-made table", isa);
    check(mismatches == 0 && hits > N / 3, name,
          "%u mismatches, %u decoded of %u", mismatches, hits, (unsigned)N);
}

int main(void)
{
    test_words(decode_a64_sample, "a64", known_words,
               sizeof(known_words) / sizeof(known_words[0]));
    test_words(decode_t16_sample, "t16", t16_words,
               sizeof(t16_words) / sizeof(t16_words[0]));
    test_groups();
    test_random_words(decode_a64_sample, "a64", a64_ref,
                      sizeof(a64_ref) / sizeof(a64_ref[0]), 0xffffffff);
    test_random_words(decode_t16_sample, "t16", t16_ref,
                      sizeof(t16_ref) / sizeof(t16_ref[0]), 0xffff);
    printf("decode-test: %d failure%s\n", failures, failures == 1 ? "" : "s");
    return failures ? 1 : 0;
}
