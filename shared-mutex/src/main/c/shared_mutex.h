/*
 * A robust, error-checking mutex, a condition variable and a create-or-attach region in memory
 * shared between processes, lock-compatible with the Java org.abilayout.mutex package: same
 * structs (shared_mutex.layout, generated into org_abilayout_mutex.h), same protocol
 * (docs/shared-mutex.md). Linux only (futex, /proc).
 *
 * Every function returns 0 or an errno value, as pthreads does; under each declaration's
 * comment, every value it can return is listed with its meaning (a test reads these lists and
 * provokes each value). Deadlines are absolute, as in pthread_mutex_timedlock and
 * pthread_mutex_clocklock, and bound the whole call: a timed condition wait that cannot relock
 * the mutex by its deadline returns ENOLCK without it.
 *
 * Owner death: the lock word names the owner by pid and start time, so a dead owner is
 * recognised also when its pid has been given to a new process, and a zombie (dead, not yet
 * reaped) is dead to every call, trylock included. All processes that use an instance must live
 * in one pid namespace; attach and lock refuse a caller from another one (ENOTSUP).
 */
#ifndef ORG_ABILAYOUT_MUTEX_SHARED_MUTEX_H
#define ORG_ABILAYOUT_MUTEX_SHARED_MUTEX_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h> /* clockid_t, also in strict ISO C mode */
#include <time.h>
/* the struct definitions and constants, generated from shared_mutex.layout */
#include "org_abilayout_mutex.h"

#if defined(__GNUC__) || defined(__clang__)
#define SHARED_MUTEX_API __attribute__((visibility("default")))
#else
#define SHARED_MUTEX_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Makes *m a fresh, unlocked, consistent mutex of the current layout version, owned by this pid
 * namespace, and publishes its magic last. Call it once, before any process attaches:
 * initialising a mutex in use breaks it (a region does this for you: shared_region_open).
 *   0                always
 */
SHARED_MUTEX_API int shared_mutex_initialize(struct shared_mutex *m);

/*
 * Checks that *m is a mutex this library can use. Reads, never writes.
 *   0                usable
 *   EINVAL           not an initialised mutex (magic), or one of the other byte order, or
 *                    feature flags this version does not know
 *   EPROTO           initialised by a newer layout version
 *   ENOTSUP          initialised in another pid namespace than the caller's
 */
SHARED_MUTEX_API int shared_mutex_attach(const struct shared_mutex *m);

/*
 * Locks *m, waiting as long as it takes.
 *   0                the caller holds the lock
 *   EOWNERDEAD       the caller holds the lock, but its previous owner died holding it: repair
 *                    the data, then shared_mutex_consistent(); unlocking without that makes the
 *                    mutex not recoverable for every process
 *   ENOTRECOVERABLE  the mutex is not recoverable; the lock is not held
 *   EDEADLK          the calling thread already holds it
 *   ENOTSUP          the caller lives in another pid namespace than the mutex; not held
 */
SHARED_MUTEX_API int shared_mutex_lock(struct shared_mutex *m);

/*
 * Locks *m if it is free or its owner is dead (a zombie owner included), without waiting. When
 * the lock is busy it reads /proc/PID/stat of the owner, so a failing trylock costs a few
 * microseconds.
 *   0                the caller holds the lock
 *   EBUSY            another live thread holds it; not held
 *   EOWNERDEAD       as shared_mutex_lock
 *   ENOTRECOVERABLE  as shared_mutex_lock
 *   EDEADLK          the calling thread already holds it
 *   ENOTSUP          as shared_mutex_lock
 */
SHARED_MUTEX_API int shared_mutex_trylock(struct shared_mutex *m);

/*
 * Locks *m, waiting until the absolute time *abstime on CLOCK_REALTIME at the latest (as
 * pthread_mutex_timedlock). A deadline already passed tries once, as trylock.
 *   0                the caller holds the lock
 *   ETIMEDOUT        the deadline passed (or had passed) with the lock busy; not held
 *   EOWNERDEAD       as shared_mutex_lock
 *   ENOTRECOVERABLE  as shared_mutex_lock
 *   EDEADLK          the calling thread already holds it
 *   EINVAL           abstime is null or its tv_nsec is outside [0, 1e9)
 *   ENOTSUP          as shared_mutex_lock
 */
SHARED_MUTEX_API int shared_mutex_timedlock(struct shared_mutex *m, const struct timespec *abstime);

/*
 * As shared_mutex_timedlock, on `clock`: CLOCK_MONOTONIC or CLOCK_REALTIME (as
 * pthread_mutex_clocklock).
 *   0                the caller holds the lock
 *   ETIMEDOUT        as shared_mutex_timedlock
 *   EOWNERDEAD       as shared_mutex_lock
 *   ENOTRECOVERABLE  as shared_mutex_lock
 *   EDEADLK          the calling thread already holds it
 *   EINVAL           another clock, or abstime is null or malformed
 *   ENOTSUP          as shared_mutex_lock
 */
SHARED_MUTEX_API int shared_mutex_clocklock(struct shared_mutex *m, clockid_t clock, const struct timespec *abstime);

/*
 * Releases *m and wakes one waiter. After EOWNERDEAD without shared_mutex_consistent(), it
 * makes the mutex not recoverable instead and wakes every waiter to tell them.
 *   0                released
 *   EPERM            the calling thread does not hold it
 */
SHARED_MUTEX_API int shared_mutex_unlock(struct shared_mutex *m);

/*
 * Declares the data repaired after EOWNERDEAD: the mutex is consistent again.
 *   0                consistent
 *   EPERM            the calling thread does not hold it
 *   EINVAL           no owner died: there is nothing to mark
 */
SHARED_MUTEX_API int shared_mutex_consistent(struct shared_mutex *m);

/*
 * Makes *m a fresh condition variable; once, before any process attaches.
 *   0                always
 */
SHARED_MUTEX_API int shared_cond_initialize(struct shared_cond *c);

/*
 * Checks that *c is a condition this library can use. Reads, never writes.
 *   0                usable
 *   EINVAL           not an initialised condition, or of the other byte order, or unknown flags
 *   EPROTO           initialised by a newer layout version
 */
SHARED_MUTEX_API int shared_cond_attach(const struct shared_cond *c);

/*
 * Releases *m, sleeps until signalled (or spuriously woken), and locks *m again, as long as
 * that takes. Waiting on a mutex whose owner died, before shared_mutex_consistent(), gives it
 * up (as unlocking does): do not.
 *   0                woken; the caller holds the mutex
 *   EPERM            the calling thread does not hold *m; nothing happened
 *   EOWNERDEAD       relocking found that an owner died holding it; the caller holds it
 *   ENOTRECOVERABLE  the mutex became not recoverable meanwhile; not held
 *   ENOTSUP          as shared_mutex_lock; not held
 */
SHARED_MUTEX_API int shared_cond_wait(struct shared_cond *c, struct shared_mutex *m);

/*
 * As shared_cond_wait, but the whole call, relocking included, ends by the absolute time
 * *abstime on CLOCK_REALTIME (as pthread_cond_timedwait with the default clock).
 *   0                woken; the caller holds the mutex
 *   ETIMEDOUT        the deadline passed before a wake-up; the caller holds the mutex
 *   ENOLCK           the deadline passed while relocking: the caller does NOT hold the mutex
 *   EPERM            as shared_cond_wait
 *   EOWNERDEAD       as shared_cond_wait
 *   ENOTRECOVERABLE  as shared_cond_wait
 *   EINVAL           abstime is null or malformed; nothing happened
 *   ENOTSUP          as shared_cond_wait
 */
SHARED_MUTEX_API int shared_cond_timedwait(struct shared_cond *c, struct shared_mutex *m, const struct timespec *abstime);

/*
 * As shared_cond_timedwait, on `clock`: CLOCK_MONOTONIC or CLOCK_REALTIME (as
 * pthread_cond_clockwait).
 *   0                woken; the caller holds the mutex
 *   ETIMEDOUT        as shared_cond_timedwait
 *   ENOLCK           as shared_cond_timedwait
 *   EPERM            as shared_cond_wait
 *   EOWNERDEAD       as shared_cond_wait
 *   ENOTRECOVERABLE  as shared_cond_wait
 *   EINVAL           another clock, or abstime is null or malformed; nothing happened
 *   ENOTSUP          as shared_cond_wait
 */
SHARED_MUTEX_API int shared_cond_clockwait(struct shared_cond *c, struct shared_mutex *m, clockid_t clock,
                                           const struct timespec *abstime);

/*
 * Wakes one waiter, if any.
 *   0                always
 */
SHARED_MUTEX_API int shared_cond_signal(struct shared_cond *c);

/*
 * Wakes every waiter.
 *   0                always
 */
SHARED_MUTEX_API int shared_cond_broadcast(struct shared_cond *c);

/* ---- regions: create-or-attach a file or shared-memory object of mutexes, conditions and data ---- */

/* What a region holds. */
struct shared_region_params {
    uint32_t mutexes;    /* struct shared_mutex, each initialised */
    uint32_t conditions; /* struct shared_cond, each initialised */
    uint64_t data_size;  /* bytes of user data */
    uint64_t data_align; /* alignment of the user data: a power of two up to 4096; 0 means 64 */
};

/*
 * Where each part of a region goes, in bytes from its start: the header (struct shared_region)
 * at 0, mutex i at mutex_offset + i * sizeof(struct shared_mutex), condition i at cond_offset +
 * i * sizeof(struct shared_cond), the data at data_offset; size is the region's length. Every
 * part starts on a boundary of its own alignment (64 for the structs, data_align for the data),
 * and the numbers are the same on every target, since the structs are.
 */
struct shared_region_layout {
    uint64_t mutex_offset;
    uint64_t cond_offset;
    uint64_t data_offset;
    uint64_t size;
};

/*
 * Computes where the parts of a region with these parameters go.
 *   0                *out is filled in
 *   EINVAL           data_align is not a power of two up to 4096
 *   EOVERFLOW        the region would not fit in 2^63 bytes
 */
SHARED_MUTEX_API int shared_region_layout(const struct shared_region_params *p, struct shared_region_layout *out);

/* A mapped region: shared_region_open fills it in, shared_region_close unmaps it. */
struct shared_region_map {
    void *base;                        /* the mapping; the header is at base */
    struct shared_region_layout layout;
    int created;                       /* 1 when this call initialised the region */
};

/*
 * Fills the user data of a region being created (size bytes, zeroed); runs in exactly one
 * process, holding the region's initialisation lock. Return 0, or a positive errno value to
 * abandon the initialisation (shared_region_open returns it; the next caller starts afresh).
 */
typedef int (*shared_region_init_fn)(void *data, size_t size, void *arg);

/*
 * Creates or attaches the region in file `path` (created with mode 0600 if missing): any number
 * of processes may call it at once. Exactly one initialises: it zeroes the region, initialises
 * each mutex and condition, calls init (if not null), and publishes the header last; the others
 * wait for that, until the absolute time *abstime on CLOCK_MONOTONIC (null: as long as it
 * takes), and then check the header as shared_mutex_attach does. A creator that dies half-way
 * leaves the region to the next caller, who initialises it again; a half-initialised region is
 * never used. A region is never shrunk.
 *   0                *out maps the region; out->created says whether this call initialised it
 *   ETIMEDOUT        another live process is still initialising it at the deadline
 *   EINVAL           the file holds something else (no region magic, other byte order, unknown
 *                    flags), or a region with other parameters, or p is invalid
 *   EPROTO           the region was initialised by a newer layout version
 *   ENOTSUP          the region was initialised in another pid namespace
 *   EOVERFLOW        as shared_region_layout
 *   ENOENT           a directory of path does not exist (and so for the other errno values of
 *                    open, fstat, pwrite and mmap: the file cannot be opened or mapped)
 *   ECANCELED        init returned a value that is not a positive errno value
 * (and any positive errno value init returned)
 */
SHARED_MUTEX_API int shared_region_open(struct shared_region_map *out, const char *path,
                                        const struct shared_region_params *p, const struct timespec *abstime,
                                        shared_region_init_fn init, void *arg);

/*
 * As shared_region_open, on the POSIX shared-memory object `name` ("/name", see shm_open(3)).
 *   0                as shared_region_open
 *   ETIMEDOUT        as shared_region_open
 *   EINVAL           as shared_region_open, or an invalid name
 *   EPROTO           as shared_region_open
 *   ENOTSUP          as shared_region_open
 *   EOVERFLOW        as shared_region_open
 *   ENOENT           as shared_region_open
 *   ECANCELED        as shared_region_open
 */
SHARED_MUTEX_API int shared_region_open_shm(struct shared_region_map *out, const char *name,
                                            const struct shared_region_params *p, const struct timespec *abstime,
                                            shared_region_init_fn init, void *arg);

/*
 * Unmaps the region (its file stays: remove it with unlink or shm_unlink when no process needs it).
 *   0                unmapped
 *   EINVAL           *r is not a mapped region
 */
SHARED_MUTEX_API int shared_region_close(struct shared_region_map *r);

static inline struct shared_mutex *shared_region_mutex(const struct shared_region_map *r, uint32_t i) {
    return (struct shared_mutex *)((char *)r->base + r->layout.mutex_offset + (uint64_t)i * sizeof(struct shared_mutex));
}

static inline struct shared_cond *shared_region_cond(const struct shared_region_map *r, uint32_t i) {
    return (struct shared_cond *)((char *)r->base + r->layout.cond_offset + (uint64_t)i * sizeof(struct shared_cond));
}

static inline void *shared_region_data(const struct shared_region_map *r) {
    return (char *)r->base + r->layout.data_offset;
}

#ifdef __cplusplus
}
#endif
#endif
