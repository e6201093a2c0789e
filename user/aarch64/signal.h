/*
 * signal.h - the AArch64 signal frame hooks of aarch64_user (signal.c).
 */
#ifndef REMU_USER_AARCH64_SIGNAL_H
#define REMU_USER_AARCH64_SIGNAL_H

#include "user/user.h"

bool a64_setup_frame(CPU *cpu, const UserSigFrame *f);
bool a64_restore_frame(CPU *cpu, uint64_t *blocked, UserSigStack *stack);
uint64_t a64_get_sp(const CPUCommon *env);
void a64_signal_init(void);

#endif
