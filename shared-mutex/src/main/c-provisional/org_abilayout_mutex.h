/*
 * TEMPORARY, written by hand from src/main/layout/shared_mutex.layout while the C header generator
 * (codegen/c, org.abilayout.codegen.c.CHeaderGenerator) is not merged. It has the generated
 * header's name and the subset of its API that shared_mutex.c uses (struct definitions, constants,
 * SHARED_*_VERSION, shared_*_init), so that the generated header replaces it without a change to
 * the C code. Until then, SharedMutexLayoutTest compiles this file and compares every sizeof,
 * _Alignof and offsetof with the layout engine's answer for the host target, so it cannot drift
 * from the spec unnoticed.
 */
#ifndef ORG_ABILAYOUT_MUTEX_H
#define ORG_ABILAYOUT_MUTEX_H

#include <stddef.h>
#include <stdint.h>

#define SHARED_MUTEX_MAGIC 0x53484D58u
#define SHARED_COND_MAGIC 0x53484356u
#define SHARED_MUTEX_WAITERS 0x80000000u
#define SHARED_MUTEX_PID_MASK 0x3FFFFFFFu
#define SHARED_MUTEX_CONSISTENT 0u
#define SHARED_MUTEX_OWNER_DIED 1u
#define SHARED_MUTEX_NOT_RECOVERABLE 2u


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

#define SHARED_MUTEX_VERSION 1
#define SHARED_COND_VERSION 1

/* Zeroes *p and sets version, as the generated header's initialisers do. */
static inline void shared_mutex_init(struct shared_mutex *p) {
    unsigned char *bytes = (unsigned char *)p;
    for (size_t i = 0; i < sizeof *p; i++) bytes[i] = 0;
    p->version = SHARED_MUTEX_VERSION;
}

static inline void shared_cond_init(struct shared_cond *p) {
    unsigned char *bytes = (unsigned char *)p;
    for (size_t i = 0; i < sizeof *p; i++) bytes[i] = 0;
    p->version = SHARED_COND_VERSION;
}

_Static_assert(sizeof(struct shared_mutex) == 64, "@pad_to(64)");
_Static_assert(sizeof(struct shared_cond) == 64, "@pad_to(64)");

#endif
