/*
 * A robust, error-checking mutex and a condition variable in memory shared between processes,
 * lock-compatible with the Java org.abilayout.mutex.SharedMutex / SharedCondition: same struct
 * (shared_mutex.layout), same protocol (docs/shared-mutex.md). Linux only (futex).
 *
 * Every function returns 0 or an errno value, as pthreads does:
 *   EOWNERDEAD       the lock is held, but its previous owner died holding it: repair, then
 *                    shared_mutex_consistent(); unlocking without that makes it not recoverable
 *   ENOTRECOVERABLE  the mutex is not recoverable; the lock is not held
 *   EBUSY/ETIMEDOUT  trylock/timedlock did not get the lock
 *   EDEADLK          the calling thread already holds it
 *   EPERM            unlock/consistent/wait by a thread that does not hold it
 *   EINVAL           attach: not an initialised instance (magic) / other byte order / bad flags
 *   EPROTO           attach: a layout version this library does not know
 */
#ifndef ORG_ABILAYOUT_MUTEX_SHARED_MUTEX_H
#define ORG_ABILAYOUT_MUTEX_SHARED_MUTEX_H

#include <stdint.h>
/* the struct definitions and constants, generated from shared_mutex.layout */
#include "org_abilayout_mutex.h"

#ifdef __cplusplus
extern "C" {
#endif

/* shared_mutex_init (from the generated header) zeroes; this also publishes the magic */
int shared_mutex_initialize(struct shared_mutex *m);
int shared_mutex_attach(struct shared_mutex *m);
int shared_mutex_lock(struct shared_mutex *m);
int shared_mutex_trylock(struct shared_mutex *m);
/* timeout_ns is relative; 0 or negative tries once, like trylock (but returns ETIMEDOUT) */
int shared_mutex_timedlock(struct shared_mutex *m, int64_t timeout_ns);
int shared_mutex_unlock(struct shared_mutex *m);
int shared_mutex_consistent(struct shared_mutex *m);

int shared_cond_initialize(struct shared_cond *c);
int shared_cond_attach(struct shared_cond *c);
int shared_cond_wait(struct shared_cond *c, struct shared_mutex *m);
/* ETIMEDOUT when the time ran out (0 or negative: at once); the mutex is held again in every case
   but EPERM and ENOTRECOVERABLE */
int shared_cond_timedwait(struct shared_cond *c, struct shared_mutex *m, int64_t timeout_ns);
int shared_cond_signal(struct shared_cond *c);
int shared_cond_broadcast(struct shared_cond *c);

#ifdef __cplusplus
}
#endif
#endif
