/*
 * TEMPORARY, written by hand from src/main/layout/shared_mutex.layout while the C header generator
 * (codegen/c, org.abilayout.codegen.c.CHeaderGenerator) is not merged. It is replaced by the
 * generated header, unchanged in meaning. Until then, SharedMutexLayoutTest compiles this file and
 * compares every sizeof/offsetof with the layout engine's answer for the host target, so it cannot
 * drift from the spec unnoticed.
 */
#ifndef ORG_ABILAYOUT_MUTEX_SHARED_MUTEX_LAYOUT_H
#define ORG_ABILAYOUT_MUTEX_SHARED_MUTEX_LAYOUT_H

#include <stdint.h>

#define SHARED_MUTEX_MAGIC 0x53484D58u
#define SHARED_COND_MAGIC 0x53484356u
#define SHARED_MUTEX_WAITERS 0x80000000u
#define SHARED_MUTEX_PID_MASK 0x3FFFFFFFu
#define SHARED_MUTEX_CONSISTENT 0u
#define SHARED_MUTEX_OWNER_DIED 1u
#define SHARED_MUTEX_NOT_RECOVERABLE 2u

#define SHARED_MUTEX_VERSION 1u
#define SHARED_COND_VERSION 1u

struct shared_mutex {
    uint32_t magic __attribute__((aligned(4)));
    uint32_t version __attribute__((aligned(4)));
    volatile uint32_t lock __attribute__((aligned(4)));
    volatile int32_t owner_tid __attribute__((aligned(4)));
    volatile uint32_t state __attribute__((aligned(4)));
    uint32_t flags __attribute__((aligned(4)));
    uint32_t reserved[10] __attribute__((aligned(4)));
} __attribute__((aligned(64)));

struct shared_cond {
    uint32_t magic __attribute__((aligned(4)));
    uint32_t version __attribute__((aligned(4)));
    volatile uint32_t seq __attribute__((aligned(4)));
    volatile uint32_t waiters __attribute__((aligned(4)));
    uint32_t flags __attribute__((aligned(4)));
    uint32_t reserved[11] __attribute__((aligned(4)));
} __attribute__((aligned(64)));

_Static_assert(sizeof(struct shared_mutex) == 64, "@pad_to(64)");
_Static_assert(sizeof(struct shared_cond) == 64, "@pad_to(64)");

#endif
