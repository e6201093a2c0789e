/*
 * codegen.c - the x86_64 backend: set-up, one block's code, control flow,
 * exits, helper calls and guest memory.
 *
 * Layout of a block's code:
 *   entry:  cmp dword [env + exit_request], 0; jne <request exit>
 *   body:   the ops, in order (x86.h gives the register conventions)
 *   tail:   the exit-request exit, then one slow path per IR_MO_ALIGN
 *           access; everything after the body belongs to no guest insn.
 * Every exit loads rax = tb | BACKEND_EXIT_* and jumps to the epilogue,
 * except a chained goto_tb and a lookup_and_goto hit, which jump straight
 * into another block's entry (which checks exit_request again).
 *
 * Globals are written back before every exit, at basic-block ends, before
 * guest memory ops and before helpers that read or may raise (regalloc.c).
 *
 * Memory barriers: x86 is TSO (SDM Vol. 3A 9.2.2): loads are not reordered
 * with loads, stores not with stores, stores not with older loads, so only
 * an ordering of a store before a later load (IR_MB_ST_LD) needs mfence.
 *
 * FMA is detected and reported but no IR op is floating point yet, so no
 * code uses it.
 */
#include "config.h"

#include <cpuid.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend/x86_64/x86.h"

const char backend_name[] = "x86_64";
const bool backend_available = true;

unsigned x86_features;
BackendLayout x86_layout;
uintptr_t x86_epilogue_rx;
static uintptr_t prologue_rx;
static unsigned disabled_features;
static char features_text[64];

static const struct {
    const char *name;
    unsigned bit;
} feature_names[] = {
    { "bmi1", X86_FEAT_BMI1 }, { "bmi2", X86_FEAT_BMI2 }, { "lzcnt", X86_FEAT_LZCNT },
    { "popcnt", X86_FEAT_POPCNT }, { "movbe", X86_FEAT_MOVBE }, { "fma", X86_FEAT_FMA },
};
#define NB_FEATURES ((int)(sizeof(feature_names) / sizeof(feature_names[0])))

void backend_disable_features(const char *list)
{
    char buf[256];

    if (!list)
        return;
    snprintf(buf, sizeof(buf), "%s", list);
    for (char *save = NULL, *tok = strtok_r(buf, ", ", &save); tok;
         tok = strtok_r(NULL, ", ", &save)) {
        if (strcmp(tok, "all") == 0)
            disabled_features = ~0u;
        for (int i = 0; i < NB_FEATURES; i++)
            if (strcmp(tok, feature_names[i].name) == 0)
                disabled_features |= feature_names[i].bit;
    }
}

/* Written once by backend_init, so readers need no lock. */
const char *backend_features(void)
{
    return features_text;
}

static void format_features(void)
{
    size_t n = 0;

    features_text[0] = 0;
    for (int i = 0; i < NB_FEATURES; i++) {
        if (x86_features & feature_names[i].bit)
            n += (size_t)snprintf(features_text + n, sizeof(features_text) - n, "%s%s",
                                  n ? " " : "", feature_names[i].name);
    }
}

/* CPUID bits: SDM Vol. 2A, CPUID, tables 3-10 (leaf 1 ECX), 3-8 (leaf 7 EBX),
 * and leaf 80000001h ECX bit 5 (LZCNT, "ABM" on AMD). */
static unsigned detect_features(void)
{
    unsigned a, b, c, d, f = 0;

    if (__get_cpuid(1, &a, &b, &c, &d)) {
        if (c & (1u << 22))
            f |= X86_FEAT_MOVBE;
        if (c & (1u << 23))
            f |= X86_FEAT_POPCNT;
        if (c & (1u << 12))
            f |= X86_FEAT_FMA;
    }
    if (__get_cpuid_count(7, 0, &a, &b, &c, &d)) {
        if (b & (1u << 3))
            f |= X86_FEAT_BMI1;
        if (b & (1u << 8))
            f |= X86_FEAT_BMI2;
    }
    if (__get_cpuid(0x80000001, &a, &b, &c, &d) && (c & (1u << 5)))
        f |= X86_FEAT_LZCNT;
    return f;
}

static const int saved_regs[] = { R_BP, R_BX, R_12, R_13, R_14, R_15 };
#define NB_SAVED ((int)(sizeof(saved_regs) / sizeof(saved_regs[0])))

/*
 * Prologue: uintptr_t prologue(void *env, uintptr_t code)
 *   push callee-saved; sub rsp, FRAME; mov rbx, rdi; jmp rsi
 * Epilogue (rax = exit value):
 *   add rsp, FRAME; pop callee-saved; ret
 */
long backend_init(const BackendLayout *layout, uint8_t *rw, uintptr_t rx, size_t avail)
{
    X86Code c = { .rw = rw, .rx = rx, .cap = avail };

    x86_layout = *layout;
    backend_disable_features(getenv("REMU_BACKEND_DISABLE"));
    x86_features = detect_features() & ~disabled_features;
    format_features();

    prologue_rx = rx;
    for (int i = 0; i < NB_SAVED; i++)
        emit_opc_reg(&c, OPC_PUSH_r, saved_regs[i]);
    emit_opc_modrm(&c, OPC_ARITH_EvIz | P_W, ARITH_SUB, R_SP);
    emit_u32(&c, X86_FRAME_SIZE);
    emit_mov_rr(&c, true, X86_REG_ENV, R_DI);
    emit_opc_modrm(&c, OPC_GRP5, GRP5_JMP, R_SI);

    x86_epilogue_rx = emit_rx_here(&c);
    emit_opc_modrm(&c, OPC_ARITH_EvIz | P_W, ARITH_ADD, R_SP);
    emit_u32(&c, X86_FRAME_SIZE);
    for (int i = NB_SAVED - 1; i >= 0; i--)
        emit_opc_reg(&c, OPC_POP_r, saved_regs[i]);
    emit_byte(&c, OPC_RET);
    return c.full ? -1 : (long)c.pos;
}

uintptr_t backend_exec(void *env, uintptr_t code_rx)
{
    uintptr_t (*enter)(void *, uintptr_t) = (uintptr_t (*)(void *, uintptr_t))prologue_rx;
    return enter(env, code_rx);
}

void backend_patch_jump(uint8_t *jmp_rw, uintptr_t jmp_rx, uintptr_t target_rx)
{
    uint32_t rel = (uint32_t)(target_rx - (jmp_rx + 5));

    /* the rel32 is 4-byte aligned (see gen_goto_tb): one atomic store */
    __atomic_store_n((uint32_t *)(void *)(jmp_rw + 1), rel, __ATOMIC_RELEASE);
}

/* ---- exits ---------------------------------------------------------------- */

static void gen_exit(X86Gen *s, unsigned code)
{
    emit_movi(&s->c, true, R_AX, (uintptr_t)s->tb | code);
    emit_jmp_to(&s->c, x86_epilogue_rx);
}

/*
 * The patchable jump: E9 rel32 with the rel32 4-byte aligned, initially
 * jumping to the exit code right after it.  The new pc is written to env
 * only there, on the way back to the core: the block a chained jump goes to
 * knows its own pc, and if it exits at entry (BACKEND_EXIT_REQUEST) the
 * core takes the pc from that block (backend.h).
 */
static void gen_goto_tb(X86Gen *s, unsigned slot)
{
    int pc_reg = ra_sync_but(s, x86_layout.env_pc);
    int pad = (int)((3 - (emit_rx_here(&s->c) & 3)) & 3);

    emit_nops(&s->c, pad);
    s->info->jmp_insn_offset[slot] = (uint32_t)s->c.pos;
    emit_byte(&s->c, OPC_JMP_long);
    emit_u32(&s->c, 0);
    s->info->jmp_reset_offset[slot] = (uint32_t)s->c.pos;
    if (pc_reg >= 0)
        emit_opc_modrm_offset(&s->c, OPC_MOV_EvGv | P_W, pc_reg, X86_REG_ENV,
                              x86_layout.env_pc);
    gen_exit(s, slot);
}

/* Inline jump-cache probe (backend.h): stays in generated code on a hit. */
static void gen_lookup_and_goto(X86Gen *s)
{
    const BackendLayout *L = &x86_layout;
    X86Code *c = &s->c;
    size_t miss[3];

    emit_opc_modrm_offset(c, OPC_MOV_GvEv | P_W, R_AX, X86_REG_ENV, L->env_pc);
    emit_mov_rr(c, true, R_CX, R_AX);
    if (L->jmp_cache_shift)
        emit_shift_ri(c, true, SHIFT_SHR, R_CX, (int)L->jmp_cache_shift);
    emit_arith_rr(c, true, ARITH_XOR, R_CX, R_AX);
    if (L->jmp_cache_mask <= INT32_MAX) {
        emit_arith_ri(c, true, ARITH_AND, R_CX, (int32_t)L->jmp_cache_mask);
    } else {
        emit_movi(c, true, R_DX, L->jmp_cache_mask);
        emit_arith_rr(c, true, ARITH_AND, R_CX, R_DX);
    }
    emit_opc_modrm_offset(c, OPC_MOV_GvEv | P_W, R_DX, X86_REG_ENV, L->env_jmp_cache);
    emit_opc_modrm_sib(c, OPC_MOV_GvEv | P_W, R_DX, R_DX, R_CX, 3, 0);
    emit_opc_modrm(c, OPC_TEST_EvGv | P_W, R_DX, R_DX);
    emit_byte(c, OPC_JCC_short + CC_E);
    emit_byte(c, 0);
    miss[0] = c->pos - 1;
    emit_opc_modrm_offset(c, (OPC_ARITH_EvGv + (ARITH_CMP << 3)) | P_W, R_AX, R_DX, L->tb_pc);
    emit_byte(c, OPC_JCC_short + CC_NE);
    emit_byte(c, 0);
    miss[1] = c->pos - 1;
    emit_opc_modrm_offset(c, OPC_MOV_GvEv, R_CX, X86_REG_ENV, L->env_tb_flags);
    emit_opc_modrm_offset(c, OPC_ARITH_EvGv + (ARITH_CMP << 3), R_CX, R_DX, L->tb_flags);
    emit_byte(c, OPC_JCC_short + CC_NE);
    emit_byte(c, 0);
    miss[2] = c->pos - 1;
    emit_opc_modrm_offset(c, OPC_GRP5, GRP5_JMP, R_DX, L->tb_code);
    for (int i = 0; i < 3; i++)
        if (miss[i] < c->cap)
            c->rw[miss[i]] = (uint8_t)(c->pos - (miss[i] + 1));
    gen_exit(s, BACKEND_EXIT_LOOKUP);
}

/* ---- labels ----------------------------------------------------------------- */

static void add_reloc(X86Gen *s, uint32_t label)
{
    if (s->nb_relocs == s->cap_relocs) {
        s->cap_relocs = s->cap_relocs ? 2 * s->cap_relocs : 32;
        s->relocs = realloc(s->relocs, s->cap_relocs * sizeof(Reloc));
        if (!s->relocs)
            abort();
    }
    s->relocs[s->nb_relocs].at = (uint32_t)s->c.pos;
    s->relocs[s->nb_relocs].label = label;
    s->nb_relocs++;
    emit_u32(&s->c, 0);
}

static void gen_jmp_label(X86Gen *s, uint32_t label)
{
    emit_byte(&s->c, OPC_JMP_long);
    add_reloc(s, label);
}

/* Side-exit labels (ir_side_exit_labels): no write-back at the branch, no
 * forgetting at the label (regalloc.c); label_state[L] is non-NULL between
 * the branch and L. */
static uint32_t branch_label(const IROp *op)
{
    return (uint32_t)op->args[op->opc == IR_OP_br ? 0 : 3];
}

static void gen_brcond(X86Gen *s, const IROp *op)
{
    IRCond cond = (IRCond)op->args[2];
    uint32_t label = (uint32_t)op->args[3];

    if (!s->side_exit[label])
        ra_sync(s, true);
    if (cond == IR_COND_NEVER)
        return;
    if (cond == IR_COND_ALWAYS) {
        gen_jmp_label(s, label);
        return;
    }
    int cc = x86_gen_compare(s, op, (IRTempIdx)op->args[0], (IRTempIdx)op->args[1], cond);
    emit_opc(&s->c, OPC_JCC_long + cc, 0, 0, -1);
    add_reloc(s, label);
}

/* ---- helper calls ------------------------------------------------------------- */

static const int call_arg_regs[6] = { R_DI, R_SI, R_DX, R_CX, R_8, R_9 };

static void gen_call_addr(X86Gen *s, uintptr_t fn)
{
    int64_t rel = (int64_t)(fn - (emit_rx_here(&s->c) + 5));

    if (fits_i32(rel)) {
        emit_byte(&s->c, OPC_CALL_Jz);
        emit_u32(&s->c, (uint32_t)rel);
    } else {
        emit_movi(&s->c, true, R_AX, fn);
        emit_opc_modrm(&s->c, OPC_GRP5, GRP5_CALL, R_AX);
    }
}

static void gen_call(X86Gen *s, const IROp *op)
{
    const IRHelper *h = (const IRHelper *)(uintptr_t)op->args[op->nb_oargs + op->nb_iargs];
    uint32_t fl = h->flags;

    if (!(fl & IR_CALL_PURE)
        && (fl & (IR_CALL_READS_GLOBALS | IR_CALL_WRITES_GLOBALS | IR_CALL_MAY_RAISE)))
        ra_sync(s, false);
    ra_spill_call_clobbered(s);
    for (int i = 0; i < op->nb_iargs; i++) {
        IRTempIdx t = (IRTempIdx)op->args[op->nb_oargs + i];
        bool w = h->args[i] == IR_TYPE_I64;
        if (i < 6) {
            ra_copy_to(s, t, call_arg_regs[i], w);
        } else {
            ra_copy_to(s, t, X86_REG_TMP, w);
            emit_opc_modrm_offset(&s->c, OPC_MOV_EvGv | P_W, X86_REG_TMP, R_SP, (i - 6) * 8);
        }
    }
    gen_call_addr(s, (uintptr_t)h->fn);
    s->last_ret_pos = s->c.pos;
    if (!(fl & IR_CALL_PURE) && (fl & IR_CALL_WRITES_GLOBALS))
        ra_forget_globals(s);
    if (op->nb_oargs) {
        /* SysV leaves the upper half of an int return undefined */
        if (h->ret == IR_TYPE_I32)
            emit_opc_modrm(&s->c, OPC_MOV_GvEv, R_AX, R_AX);
        ra_bind(s, (IRTempIdx)op->args[0], R_AX);
    }
}

/* ---- guest memory ----------------------------------------------------------- */

static void add_slow(X86Gen *s, SlowPath sp)
{
    if (s->nb_slow == s->cap_slow) {
        s->cap_slow = s->cap_slow ? 2 * s->cap_slow : 16;
        s->slow = realloc(s->slow, s->cap_slow * sizeof(SlowPath));
        if (!s->slow)
            abort();
    }
    s->slow[s->nb_slow++] = sp;
}

/*
 * Host address = guest_base + zero-extended guest address.  An i32 address
 * is already zero-extended in its register (regalloc.c invariant).
 */
static void gen_guest_mem(X86Gen *s, const IROp *op, bool load)
{
    bool w = op->type == IR_TYPE_I64;
    unsigned memop = (unsigned)op->args[2];
    int size = 1 << (memop & IR_MO_SIZE);
    bool be = (memop & IR_MO_BE) && size > 1;
    bool sign = (memop & IR_MO_SIGN) != 0;
    uintptr_t gb = x86_layout.guest_base;
    int rv = -1, rd = -1, base, index = -1;
    int32_t disp = 0;

    ra_sync(s, false);
    Opnd imm = { 0 };
    if (!load) {
        /* a constant stored little-endian becomes an immediate (a
         * big-endian one is swapped here, at translation time) */
        IRTempIdx v = (IRTempIdx)op->args[0];
        uint64_t c = s->b->temps[v].val;
        if (be && s->b->temps[v].kind == IR_TEMP_CONST) {
            uint64_t r = 0;
            for (int i = 0; i < size; i++)
                r |= ((c >> (8 * i)) & 0xff) << (8 * (size - 1 - i));
            c = r;
        }
        if (s->b->temps[v].kind == IR_TEMP_CONST && (size < 8 || fits_i32((int64_t)c))) {
            imm.is_imm = true;
            imm.imm = (int64_t)c;
        } else {
            rv = ra_in(s, v, ALLOC_ALL);
        }
    }
    int ra = ra_in(s, (IRTempIdx)op->args[1], ALLOC_ALL);
    base = ra;
    if (gb && fits_i32((int64_t)gb)) {
        disp = (int32_t)gb;
    } else if (gb) {
        base = ra_scratch(s, ALLOC_ALL);
        emit_movi(&s->c, true, base, gb);
        index = ra;
    }
    if (load)
        rd = ra_out(s, (IRTempIdx)op->args[0], ra_reuse(s, op, 1), ALLOC_ALL);

    size_t jcc_at = 0;
    if ((memop & IR_MO_ALIGN) && size > 1) {
        emit_opc_modrm(&s->c, OPC_GRP3_Ev, GRP3_TEST, ra);
        emit_u32(&s->c, (uint32_t)(size - 1));
        emit_opc(&s->c, OPC_JCC_long + CC_NE, 0, 0, -1);
        jcc_at = s->c.pos;
        emit_u32(&s->c, 0);
    }

    if (load) {
        int opc;
        switch (size) {
        case 1:
            opc = sign ? (OPC_MOVSBL | (w ? P_W : 0)) : OPC_MOVZBL;
            break;
        case 2:
            if (be)
                opc = have(X86_FEAT_MOVBE) ? (OPC_MOVBE_GyMy | P_66) : OPC_MOVZWL;
            else
                opc = sign ? (OPC_MOVSWL | (w ? P_W : 0)) : OPC_MOVZWL;
            break;
        case 4:
            if (be && have(X86_FEAT_MOVBE))
                opc = OPC_MOVBE_GyMy;
            else
                opc = sign && w && !be ? OPC_MOVSLQ : OPC_MOV_GvEv;
            break;
        default:
            opc = (be && have(X86_FEAT_MOVBE) ? OPC_MOVBE_GyMy : OPC_MOV_GvEv) | P_W;
            break;
        }
        emit_opc_modrm_sib(&s->c, opc, rd, base, index, 0, disp);
        uint32_t ret_off = (uint32_t)s->c.pos;
        if (be && size == 2) {
            if (!have(X86_FEAT_MOVBE)) {
                emit_opc_modrm(&s->c, OPC_SHIFT_EvIb | P_66, SHIFT_ROL, rd);
                emit_byte(&s->c, 8);
            }
            emit_opc_modrm(&s->c, sign ? (OPC_MOVSWL | (w ? P_W : 0)) : OPC_MOVZWL, rd, rd);
        } else if (be && size >= 4) {
            if (!have(X86_FEAT_MOVBE))
                emit_opc_reg(&s->c, OPC_BSWAP | (size == 8 ? P_W : 0), rd);
            if (size == 4 && sign && w)
                emit_opc_modrm(&s->c, OPC_MOVSLQ, rd, rd);
        }
        if (jcc_at)
            add_slow(s, (SlowPath){ (uint32_t)jcc_at, ret_off, ra, memop });
        s->last_ret_pos = ret_off;
        return;
    }

    int opc, src = rv;
    int wp = size == 8 ? P_W : size == 2 ? P_66 : 0;
    if (imm.is_imm) {
        /* C6 /0 ib, 66 C7 /0 iw, C7 /0 id, REX.W C7 /0 id (sign-extended) */
        opc = size == 1 ? OPC_MOV_EbIb : (OPC_MOV_EvIz | wp);
        emit_opc_modrm_sib(&s->c, opc, 0, base, index, 0, disp);
        if (size == 1)
            emit_byte(&s->c, (uint8_t)imm.imm);
        else if (size == 2)
            emit_u16(&s->c, (uint16_t)imm.imm);
        else
            emit_u32(&s->c, (uint32_t)imm.imm);
        uint32_t ret_off = (uint32_t)s->c.pos;
        if (jcc_at)
            add_slow(s, (SlowPath){ (uint32_t)jcc_at, ret_off, ra, memop });
        s->last_ret_pos = ret_off;
        return;
    }
    if (size == 1) {
        opc = OPC_MOV_EbGb | P_BYTE_R;
    } else if (be && have(X86_FEAT_MOVBE)) {
        opc = OPC_MOVBE_MyGy | wp;
    } else {
        opc = OPC_MOV_EvGv | wp;
        if (be) {
            src = X86_REG_TMP;
            emit_mov_rr(&s->c, true, src, rv);
            if (size == 2) {
                emit_opc_modrm(&s->c, OPC_SHIFT_EvIb | P_66, SHIFT_ROL, src);
                emit_byte(&s->c, 8);
            } else {
                emit_opc_reg(&s->c, OPC_BSWAP | (size == 8 ? P_W : 0), src);
            }
        }
    }
    emit_opc_modrm_sib(&s->c, opc, src, base, index, 0, disp);
    uint32_t ret_off = (uint32_t)s->c.pos;
    if (jcc_at)
        add_slow(s, (SlowPath){ (uint32_t)jcc_at, ret_off, ra, memop });
    s->last_ret_pos = ret_off;
}

/*
 * Alignment fault: ir_unaligned_hook(env, addr, memop, retaddr) with retaddr
 * just after the access in the body; the hook does not return.
 */
static void gen_slow_paths(X86Gen *s)
{
    for (uint32_t i = 0; i < s->nb_slow; i++) {
        SlowPath *sp = &s->slow[i];
        emit_patch_u32(&s->c, sp->jcc_at, (uint32_t)(s->c.pos - (sp->jcc_at + 4)));
        emit_mov_rr(&s->c, true, R_SI, sp->addr_reg);
        emit_mov_rr(&s->c, true, R_DI, X86_REG_ENV);
        emit_movi(&s->c, false, R_DX, sp->memop);
        emit_opc_modrm_rip(&s->c, OPC_LEA | P_W, R_CX, s->c.rx + sp->ret_off, 0);
        emit_movi(&s->c, true, R_AX, (uintptr_t)&ir_unaligned_hook);
        emit_opc_modrm_offset(&s->c, OPC_GRP5, GRP5_CALL, R_AX, 0);
        emit_byte(&s->c, 0x0f);     /* ud2: the hook never returns */
        emit_byte(&s->c, 0x0b);
    }
}

/* ---- the block -------------------------------------------------------------- */

static void gen_insn_start(X86Gen *s)
{
    if (s->cur_insn >= 0) {
        /* keep return addresses strictly inside their insn */
        if (s->c.pos == s->last_ret_pos)
            emit_nops(&s->c, 1);
        if (s->info->insn_end_offset && (uint32_t)s->cur_insn < s->b->nb_insns)
            s->info->insn_end_offset[s->cur_insn] = (uint32_t)s->c.pos;
    }
    s->cur_insn++;
}

static int gen_op(X86Gen *s, const IROp *op)
{
    switch (op->opc) {
    case IR_OP_nop:
        return 0;
    case IR_OP_insn_start:
        gen_insn_start(s);
        return 0;
    case IR_OP_set_label:
        if (s->label_state[op->args[0]]) {
            ra_restore(s, s->label_state[op->args[0]]);
            s->label_state[op->args[0]] = NULL;
        } else {
            ra_sync(s, true);
            ra_forget(s);
        }
        s->label_off[op->args[0]] = (uint32_t)s->c.pos;
        return 0;
    case IR_OP_br:
        if (!s->side_exit[op->args[0]])
            ra_sync(s, true);
        gen_jmp_label(s, (uint32_t)op->args[0]);
        break;
    case IR_OP_brcond:
        gen_brcond(s, op);
        break;
    case IR_OP_mb:
        if (op->args[0] & IR_MB_ST_LD) {
            emit_byte(&s->c, 0x0f);     /* mfence: 0F AE F0 */
            emit_byte(&s->c, 0xae);
            emit_byte(&s->c, 0xf0);
        }
        break;
    case IR_OP_call:
        gen_call(s, op);
        break;
    case IR_OP_guest_ld:
        gen_guest_mem(s, op, true);
        break;
    case IR_OP_guest_st:
        gen_guest_mem(s, op, false);
        break;
    case IR_OP_goto_tb:
        gen_goto_tb(s, (unsigned)op->args[0]);
        break;
    case IR_OP_exit_tb:
        ra_sync(s, false);
        gen_exit(s, BACKEND_EXIT_TB);
        break;
    case IR_OP_lookup_and_goto:
        ra_sync(s, false);
        gen_lookup_and_goto(s);
        break;
    default:
        if (!x86_gen_alu(s, op))
            return -1;
        break;
    }
    ra_op_end(s, op);
    if (ir_op_def(op)->flags & IR_OPF_BB_END)
        ra_drop_normals(s);
    if ((op->opc == IR_OP_br || op->opc == IR_OP_brcond) && s->side_exit[branch_label(op)])
        s->label_state[branch_label(op)] = ra_save(s);
    return 0;
}

int backend_gen_block(IRBlock *b, const void *tb, uint8_t *rw, uintptr_t rx,
                      size_t avail, BackendBlockInfo *info)
{
    X86Gen s;
    size_t req_at;
    int ret = BACKEND_OK;

    memset(&s, 0, sizeof(s));
    s.c = (X86Code){ .rw = rw, .rx = rx, .cap = avail };
    s.b = b;
    s.tb = tb;
    s.info = info;
    s.cur_insn = -1;
    s.last_ret_pos = SIZE_MAX;
    for (int i = 0; i < IR_TB_SLOTS; i++)
        info->jmp_insn_offset[i] = info->jmp_reset_offset[i] = UINT32_MAX;

    ir_liveness(b);
    ra_init(&s);
    s.label_off = malloc((b->nb_labels + 1) * sizeof(uint32_t));
    if (!s.label_off)
        abort();
    for (uint32_t i = 0; i <= b->nb_labels; i++)
        s.label_off[i] = UINT32_MAX;
    s.side_exit = ir_side_exit_labels(b);
    s.label_state = calloc(b->nb_labels + 1, sizeof(RAState *));
    if (!s.label_state)
        abort();

    /* entry: cmp dword [env + exit_request], 0; jne request exit */
    emit_opc_modrm_offset(&s.c, OPC_ARITH_EvIb, ARITH_CMP, X86_REG_ENV,
                          x86_layout.env_exit_request);
    emit_byte(&s.c, 0);
    emit_opc(&s.c, OPC_JCC_long + CC_NE, 0, 0, -1);
    req_at = s.c.pos;
    emit_u32(&s.c, 0);

    for (uint32_t i = 0; i < b->nb_ops && ret == BACKEND_OK; i++) {
        if (gen_op(&s, &b->ops[i]) < 0)
            ret = BACKEND_ERR_TOO_BIG;
        if (s.c.full)
            break;
    }
    if (s.cur_insn >= 0 && info->insn_end_offset && (uint32_t)s.cur_insn < b->nb_insns)
        info->insn_end_offset[s.cur_insn] = (uint32_t)s.c.pos;

    emit_patch_u32(&s.c, req_at, (uint32_t)(s.c.pos - (req_at + 4)));
    gen_exit(&s, BACKEND_EXIT_REQUEST);
    gen_slow_paths(&s);
    for (uint32_t i = 0; i < s.nb_relocs; i++) {
        uint32_t target = s.label_off[s.relocs[i].label];
        if (target == UINT32_MAX)
            ret = BACKEND_ERR_TOO_BIG;
        else
            emit_patch_u32(&s.c, s.relocs[i].at, target - (s.relocs[i].at + 4));
    }
    info->code_size = s.c.pos;
    if (s.c.full)
        ret = BACKEND_ERR_FULL;
    else if (s.too_big && ret == BACKEND_OK)
        ret = BACKEND_ERR_TOO_BIG;
    ra_free(&s);
    for (uint32_t i = 0; i <= b->nb_labels; i++)
        free(s.label_state[i]);
    free(s.label_state);
    free(s.side_exit);
    free(s.label_off);
    free(s.relocs);
    free(s.slow);
    return ret;
}
