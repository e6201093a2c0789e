/*
 * signal.c - the AArch64 Linux signal frame (arm64 rt_sigframe).
 *
 * The layout is the arm64 kernel's ABI, from its uapi headers and
 * arch/arm64/kernel/signal.c:
 *
 *   struct rt_sigframe { siginfo_t info; struct ucontext uc; }     4688 bytes
 *     info            0   128 bytes (include/uapi/asm-generic/siginfo.h)
 *     uc            128   struct ucontext (include/uapi/asm-generic/ucontext.h
 *                         as arm64 defines it, arch/arm64/include/uapi/asm/ucontext.h):
 *       uc_flags      0   8
 *       uc_link       8   8
 *       uc_stack     16   stack_t: ss_sp 8, ss_flags 4 (+4 padding), ss_size 8
 *       uc_sigmask   40   8, then 120 unused bytes (glibc's 1024-bit sigset_t)
 *       uc_mcontext 176   struct sigcontext (arch/arm64/include/uapi/asm/sigcontext.h):
 *         fault_address 0, regs[31] 8, sp 256, pc 264, pstate 272,
 *         __reserved[4096] 288 (16-byte aligned): a list of records, each
 *         { u32 magic; u32 size; ... }: here struct fpsimd_context (magic
 *         0x46508001, size 528: fpsr 8, fpcr 12, vregs[32] 16) and the
 *         terminating null record { 0, 0 }.
 *
 * get_sigframe: below the stack top (the altstack top with SA_ONSTACK),
 * round_down(top - 16, 16) holds the frame record { fp, lr } = the
 * interrupted x29/x30, and the rt_sigframe sits 16-byte aligned right below
 * it.  setup_return: x0 = signo, sp = the frame, x29 = &frame record,
 * x30 = the return trampoline, pc = the handler; with SA_SIGINFO, x1 =
 * &info and x2 = &uc (info is only written then).  The kernel's default
 * trampoline (without SA_RESTORER) lives in the vDSO; remu has no vDSO and
 * maps one page of its own with the same two instructions,
 * `mov x8, #139; svc #0` (rt_sigreturn).  pstate holds NZCV in bits 31:28
 * and is 0 otherwise at EL0t.
 *
 * rt_sigreturn: the frame is at sp, which must be 16-byte aligned; the
 * record list must hold one well-formed fpsimd_context and end with the
 * null record (an ESR record is skipped, anything else is a bad frame), and
 * pstate must be EL0t (no mode, no DAIF bits), else SIGSEGV.
 *
 * Leaving for a signal clears the exclusive monitor, as the kernel's
 * exception return does.  remu does not write the esr_context record that
 * the kernel adds after a fault (no ESR value is modelled).
 *
 * A store-exclusive to a read-only page faults inside its helper; the
 * helper publishes its return address (cpu_helper_retaddr, core/cpu.h) so
 * the host fault handler restores the guest pc precisely.
 */
#define _GNU_SOURCE
#include "config.h"

#include <string.h>
#include <sys/mman.h>

#include "frontend/aarch64/cpu.h"
#include "ir/ir.h"
#include "user/aarch64/signal.h"
#include "user/user-internal.h"

enum {
    FRAME_INFO = 0,
    FRAME_UC = 128,
    UC_FLAGS = 0, UC_LINK = 8, UC_STACK = 16, UC_SIGMASK = 40, UC_MCONTEXT = 176,
    MC_FAULT_ADDRESS = 0, MC_REGS = 8, MC_SP = 256, MC_PC = 264, MC_PSTATE = 272,
    MC_RESERVED = 288, MC_RESERVED_SIZE = 4096,
    FRAME_SIZE = FRAME_UC + UC_MCONTEXT + MC_RESERVED + MC_RESERVED_SIZE,  /* 4688 */
    MC = FRAME_UC + UC_MCONTEXT,
    FPSIMD_SIZE = 528,
};

#define FPSIMD_MAGIC 0x46508001u
#define ESR_MAGIC 0x45535201u
#define ESR_SIZE 16u
#define G_SA_SIGINFO 4u
/* pstate bits an EL0t context may not have: M[4:0] and DAIF. */
#define PSTATE_BAD 0x3dfu

static uint64_t tramp_addr;

static void wr32(uint64_t a, uint32_t v)
{
    memcpy((void *)(uintptr_t)a, &v, 4);
}

static void wr64(uint64_t a, uint64_t v)
{
    memcpy((void *)(uintptr_t)a, &v, 8);
}

static uint32_t rd32(uint64_t a)
{
    uint32_t v;

    memcpy(&v, (const void *)(uintptr_t)a, 4);
    return v;
}

static uint64_t rd64(uint64_t a)
{
    uint64_t v;

    memcpy(&v, (const void *)(uintptr_t)a, 8);
    return v;
}

bool a64_setup_frame(CPU *cpu, const UserSigFrame *f)
{
    AArch64Env *env = (AArch64Env *)cpu->env;
    uint64_t rec = (f->frame_top - 16) & ~UINT64_C(15);
    uint64_t frame = rec - FRAME_SIZE, uc = frame + FRAME_UC, mc = frame + MC;
    uint64_t restorer = f->restorer ? f->restorer : tramp_addr;

    if (rec > f->frame_top || frame > rec || !vma_check(frame, rec + 16 - frame, PROT_WRITE))
        return false;
    wr64(rec, env->x[29]);
    wr64(rec + 8, env->x[30]);
    wr64(uc + UC_FLAGS, 0);
    wr64(uc + UC_LINK, 0);
    wr64(uc + UC_STACK, f->stack.sp);
    wr32(uc + UC_STACK + 8, f->stack.flags);
    wr64(uc + UC_STACK + 16, f->stack.size);
    wr64(uc + UC_SIGMASK, f->blocked);
    wr64(mc + MC_FAULT_ADDRESS, f->fault_addr);
    for (int i = 0; i < 31; i++)
        wr64(mc + MC_REGS + 8 * (uint64_t)i, env->x[i]);
    wr64(mc + MC_SP, env->sp);
    wr64(mc + MC_PC, env->common.pc);
    wr64(mc + MC_PSTATE, aarch64_get_nzcv(env));
    wr32(mc + MC_RESERVED, FPSIMD_MAGIC);
    wr32(mc + MC_RESERVED + 4, FPSIMD_SIZE);
    wr32(mc + MC_RESERVED + 8, env->fpsr);
    wr32(mc + MC_RESERVED + 12, env->fpcr);
    memcpy((void *)(uintptr_t)(mc + MC_RESERVED + 16), env->v, 512);
    wr32(mc + MC_RESERVED + FPSIMD_SIZE, 0);
    wr32(mc + MC_RESERVED + FPSIMD_SIZE + 4, 0);
    if (f->flags & G_SA_SIGINFO) {
        memcpy((void *)(uintptr_t)(frame + FRAME_INFO), f->info, 128);
        env->x[1] = frame + FRAME_INFO;
        env->x[2] = uc;
    }
    env->x[0] = (uint64_t)f->signo;
    env->sp = frame;
    env->x[29] = rec;
    env->x[30] = restorer;
    env->common.pc = f->handler;
    env->excl_addr = UINT64_MAX;
    return true;
}

bool a64_restore_frame(CPU *cpu, uint64_t *blocked, UserSigStack *stack)
{
    AArch64Env *env = (AArch64Env *)cpu->env;
    uint64_t frame = env->sp, uc = frame + FRAME_UC, mc = frame + MC, pstate, fpsimd = 0;
    uint32_t off = 0;

    if ((frame & 15) || frame + FRAME_SIZE < frame || !vma_check(frame, FRAME_SIZE, PROT_READ))
        return false;
    pstate = rd64(mc + MC_PSTATE);
    if (pstate & PSTATE_BAD)
        return false;
    /* The records of __reserved, up to the null one. */
    for (;;) {
        uint32_t magic, size;
        if (off > MC_RESERVED_SIZE - 8)
            return false;
        magic = rd32(mc + MC_RESERVED + off);
        size = rd32(mc + MC_RESERVED + off + 4);
        if (magic == 0) {
            if (size != 0)
                return false;
            break;
        }
        if (size < 8 || (size & 15) || size > MC_RESERVED_SIZE - off)
            return false;
        if (magic == FPSIMD_MAGIC) {
            if (size != FPSIMD_SIZE || fpsimd)
                return false;
            fpsimd = mc + MC_RESERVED + off;
        } else if (magic != ESR_MAGIC || size != ESR_SIZE) {
            return false;
        }
        off += size;
    }
    if (!fpsimd)
        return false;
    *blocked = rd64(uc + UC_SIGMASK);
    stack->sp = rd64(uc + UC_STACK);
    stack->flags = rd32(uc + UC_STACK + 8);
    stack->size = rd64(uc + UC_STACK + 16);
    for (int i = 0; i < 31; i++)
        env->x[i] = rd64(mc + MC_REGS + 8 * (uint64_t)i);
    env->sp = rd64(mc + MC_SP);
    env->common.pc = rd64(mc + MC_PC);
    aarch64_set_nzcv(env, (uint32_t)pstate & 0xf0000000u);
    env->fpsr = rd32(fpsimd + 8);
    env->fpcr = rd32(fpsimd + 12);
    memcpy(env->v, (const void *)(uintptr_t)(fpsimd + 16), 512);
    env->excl_addr = UINT64_MAX;
    return true;
}

uint64_t a64_get_sp(const CPUCommon *c)
{
    return ((const AArch64Env *)c)->sp;
}

void a64_signal_init(void)
{
    /* The sigreturn trampoline: mov x8, #139; svc #0. */
    void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

    if (p != MAP_FAILED) {
        static const uint32_t code[2] = { 0xd2801168u, 0xd4000001u };
        memcpy(p, code, sizeof(code));
        mprotect(p, 4096, PROT_READ);
        tramp_addr = (uint64_t)(uintptr_t)p;
        vma_set(tramp_addr, tramp_addr + 4096, PROT_READ | PROT_EXEC);
    }
}
