/*
 * The shared mutex and condition protocol in C; the Java twin is org.abilayout.mutex
 * (LowLevelMutex, SharedCondition), and docs/shared-mutex.md describes both. Keep them in step.
 */
#define _GNU_SOURCE
#include "shared_mutex.h"

#include <errno.h>
#include <limits.h>

#include "shared_mutex_sys.h"

#define OWNER_BITS (~SHARED_MUTEX_WAITERS)

static const struct sm_deadline FOREVER = {SM_FOREVER, CLOCK_MONOTONIC, 0};
static const struct sm_deadline NOW = {SM_TRY, CLOCK_MONOTONIC, 0};

static int check_header(uint32_t magic, uint32_t version, uint32_t flags, uint32_t want_magic, uint32_t known) {
    if (magic != want_magic) return EINVAL;
    if (version > known) return EPROTO;
    if (version < 1 || flags != 0) return EINVAL;
    return 0;
}

/* both known and different: the instance belongs to another pid namespace */
static inline int foreign_namespace(uint32_t ns) {
    return ns != 0 && ns != sm_self.pid_ns && sm_self.pid_ns != 0;
}

int shared_mutex_initialize(struct shared_mutex *m) {
    shared_mutex_init(m);
    m->pid_ns = sm_self.pid_ns;
    /* magic last: a racing attach sees no magic rather than half a struct */
    __atomic_store_n(&m->magic, SHARED_MUTEX_MAGIC, __ATOMIC_SEQ_CST);
    return 0;
}

int shared_mutex_attach(const struct shared_mutex *m) {
    int r = check_header(__atomic_load_n(&m->magic, __ATOMIC_SEQ_CST), m->layout_version, m->flags,
                         SHARED_MUTEX_MAGIC, SHARED_MUTEX_VERSION);
    if (r == 0 && m->layout_version >= 2 && foreign_namespace(m->pid_ns)) r = ENOTSUP;
    return r;
}

/* Releases a lock the caller holds: clears the owner, then the word; wakes `wake` sleepers. */
static void release(struct shared_mutex *m, uint32_t me, int wake) {
    __atomic_store_n(&m->owner_tid, 0, __ATOMIC_RELAXED);
    if (me != sm_self.pid) __atomic_store_n(&m->owner_start, 0, __ATOMIC_RELAXED);
    uint32_t was = __atomic_exchange_n(&m->lock, 0, __ATOMIC_SEQ_CST);
    if (was & SHARED_MUTEX_WAITERS) sm_futex_wake(&m->lock, wake);
}

/* The caller's CAS named it in the lock word: finish taking the lock. */
static int acquired(struct shared_mutex *m, uint32_t me, int took_over) {
    __atomic_store_n(&m->owner_tid, sm_tid(), __ATOMIC_RELAXED);
    /* a waiter that reads 0 here while the word names us falls back to the tag */
    if (me != sm_self.pid) __atomic_store_n(&m->owner_start, sm_self.start, __ATOMIC_RELAXED);
    uint32_t s = SHARED_MUTEX_CONSISTENT;
    if (took_over) {
        /* a dead owner leaves the data suspect, unless an earlier heir already gave up on it */
        if (__atomic_compare_exchange_n(&m->state, &s, SHARED_MUTEX_OWNER_DIED, 0, __ATOMIC_SEQ_CST,
                                        __ATOMIC_SEQ_CST))
            s = SHARED_MUTEX_OWNER_DIED;
    } else {
        s = __atomic_load_n(&m->state, __ATOMIC_ACQUIRE);
    }
    if (s == SHARED_MUTEX_CONSISTENT) return 0;
    if (s == SHARED_MUTEX_OWNER_DIED) return EOWNERDEAD; /* this heir, or an earlier one that died too */
    release(m, me, INT_MAX);
    return ENOTRECOVERABLE;
}

/*
 * The contended path: c is the lock word the fast CAS found. A waiter asks whether the owner
 * lives before sleeping, sleeps at most SM_LIVENESS_INTERVAL_NS, and asks again; the thorough
 * question (zombie, start time) is asked when a sleep made no progress and before giving up, so
 * trylock asks it at once.
 */
static int acquire_contended(struct shared_mutex *m, uint32_t me, uint32_t c, const struct sm_deadline *d) {
    if ((c & OWNER_BITS) == me && __atomic_load_n(&m->owner_tid, __ATOMIC_RELAXED) == sm_tid()) return EDEADLK;
    int stalled = 0;
    for (;;) {
        if (c == 0) {
            /* Drepper: after sleeping, take the lock as contended, since others may still sleep */
            if (__atomic_compare_exchange_n(&m->lock, &c, me | SHARED_MUTEX_WAITERS, 0, __ATOMIC_SEQ_CST,
                                            __ATOMIC_SEQ_CST))
                return acquired(m, me, 0);
            continue;
        }
        int64_t left = sm_left_ns(d);
        /* owner_start of a version-1 instance is a reserved word: zero */
        uint32_t start = me != sm_self.pid ? __atomic_load_n(&m->owner_start, __ATOMIC_SEQ_CST) : 0;
        uint32_t again = __atomic_load_n(&m->lock, __ATOMIC_SEQ_CST);
        if (again != c) { /* owner_start may belong to another owner: look again */
            c = again;
            continue;
        }
        if (!sm_owner_alive(c, start, stalled || left <= 0)) {
            /* CAS on the exact word inspected: if it changed, look again */
            if (__atomic_compare_exchange_n(&m->lock, &c, me | SHARED_MUTEX_WAITERS, 0, __ATOMIC_SEQ_CST,
                                            __ATOMIC_SEQ_CST))
                return acquired(m, me, 1);
            continue;
        }
        if (left <= 0) return d->kind == SM_TRY ? EBUSY : ETIMEDOUT;
        if (!(c & SHARED_MUTEX_WAITERS)) {
            if (!__atomic_compare_exchange_n(&m->lock, &c, c | SHARED_MUTEX_WAITERS, 0, __ATOMIC_SEQ_CST,
                                             __ATOMIC_SEQ_CST))
                continue;
            c |= SHARED_MUTEX_WAITERS;
        }
        stalled = !sm_futex_wait(&m->lock, c, left < SM_LIVENESS_INTERVAL_NS ? left : SM_LIVENESS_INTERVAL_NS);
        c = __atomic_load_n(&m->lock, __ATOMIC_SEQ_CST);
    }
}

static inline int acquire(struct shared_mutex *m, const struct sm_deadline *d) {
    if (__builtin_expect(foreign_namespace(m->pid_ns), 0)) return ENOTSUP;
    uint32_t me = sm_owner_word(m->layout_version);
    uint32_t c = 0;
    if (__atomic_compare_exchange_n(&m->lock, &c, me, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
        return acquired(m, me, 0);
    return acquire_contended(m, me, c, d);
}

/* For shared_region.c: the region's init_lock, zero bytes, never initialised (no magic). Whoever
   takes it first writes the layout version it locks by (every caller writes the same value). */
SM_HIDDEN int sm_init_lock(struct shared_mutex *m, const struct sm_deadline *d) {
    if (m->layout_version == 0) m->layout_version = SHARED_MUTEX_VERSION;
    return acquire(m, d);
}

SM_HIDDEN void sm_init_unlock(struct shared_mutex *m) {
    __atomic_store_n(&m->state, SHARED_MUTEX_CONSISTENT, __ATOMIC_SEQ_CST);
    release(m, sm_owner_word(m->layout_version), 1);
}

int shared_mutex_lock(struct shared_mutex *m) { return acquire(m, &FOREVER); }

int shared_mutex_trylock(struct shared_mutex *m) { return acquire(m, &NOW); }

int shared_mutex_clocklock(struct shared_mutex *m, clockid_t clock, const struct timespec *abstime) {
    struct sm_deadline d;
    int r = sm_deadline_at(&d, clock, abstime);
    return r != 0 ? r : acquire(m, &d);
}

int shared_mutex_timedlock(struct shared_mutex *m, const struct timespec *abstime) {
    return shared_mutex_clocklock(m, CLOCK_REALTIME, abstime);
}

static inline uint32_t held_by_self(struct shared_mutex *m) {
    uint32_t me = sm_owner_word(m->layout_version);
    return (__atomic_load_n(&m->lock, __ATOMIC_SEQ_CST) & OWNER_BITS) == me &&
                   __atomic_load_n(&m->owner_tid, __ATOMIC_RELAXED) == sm_tid()
               ? me
               : 0;
}

int shared_mutex_unlock(struct shared_mutex *m) {
    uint32_t me = held_by_self(m);
    if (me == 0) return EPERM;
    uint32_t s = __atomic_load_n(&m->state, __ATOMIC_ACQUIRE);
    if (s == SHARED_MUTEX_CONSISTENT) {
        release(m, me, 1);
        return 0;
    }
    /* unlocking an inconsistent mutex gives it up; every waiter must learn that */
    if (s == SHARED_MUTEX_OWNER_DIED) __atomic_store_n(&m->state, SHARED_MUTEX_NOT_RECOVERABLE, __ATOMIC_SEQ_CST);
    release(m, me, INT_MAX);
    return 0;
}

int shared_mutex_consistent(struct shared_mutex *m) {
    if (held_by_self(m) == 0) return EPERM;
    if (__atomic_load_n(&m->state, __ATOMIC_ACQUIRE) != SHARED_MUTEX_OWNER_DIED) return EINVAL;
    __atomic_store_n(&m->state, SHARED_MUTEX_CONSISTENT, __ATOMIC_SEQ_CST);
    return 0;
}

int shared_cond_initialize(struct shared_cond *c) {
    shared_cond_init(c);
    __atomic_store_n(&c->magic, SHARED_COND_MAGIC, __ATOMIC_SEQ_CST);
    return 0;
}

int shared_cond_attach(const struct shared_cond *c) {
    return check_header(__atomic_load_n(&c->magic, __ATOMIC_SEQ_CST), c->layout_version, c->flags, SHARED_COND_MAGIC,
                        SHARED_COND_VERSION);
}

/* Sleeps on c->seq until it moves from s or the deadline passes; 0 when the deadline passed. */
static int sleep_on(struct shared_cond *c, uint32_t s, const struct sm_deadline *d) {
    if (d->kind == SM_FOREVER) return sm_futex_wait(&c->seq, s, -1);
    for (;;) {
        int64_t left = sm_left_ns(d);
        if (left <= 0) return 0;
        /* slices, so that a CLOCK_REALTIME deadline follows the clock when it is set */
        if (sm_futex_wait(&c->seq, s, left < SM_LIVENESS_INTERVAL_NS ? left : SM_LIVENESS_INTERVAL_NS)) return 1;
        if (__atomic_load_n(&c->seq, __ATOMIC_SEQ_CST) != s) return 1;
    }
}

static int cond_wait(struct shared_cond *c, struct shared_mutex *m, const struct sm_deadline *d) {
    if (held_by_self(m) == 0) return EPERM;
    uint32_t s = __atomic_load_n(&c->seq, __ATOMIC_SEQ_CST);
    __atomic_fetch_add(&c->waiters, 1, __ATOMIC_SEQ_CST);
    shared_mutex_unlock(m);
    int woken = sleep_on(c, s, d);
    __atomic_fetch_sub(&c->waiters, 1, __ATOMIC_SEQ_CST);
    /* the relock is bounded by the same deadline */
    int r = acquire(m, d);
    if (r == ETIMEDOUT || r == EBUSY) return ENOLCK;
    if (r != 0) return r;
    return woken ? 0 : ETIMEDOUT;
}

int shared_cond_wait(struct shared_cond *c, struct shared_mutex *m) { return cond_wait(c, m, &FOREVER); }

int shared_cond_clockwait(struct shared_cond *c, struct shared_mutex *m, clockid_t clock,
                          const struct timespec *abstime) {
    struct sm_deadline d;
    int r = sm_deadline_at(&d, clock, abstime);
    return r != 0 ? r : cond_wait(c, m, &d);
}

int shared_cond_timedwait(struct shared_cond *c, struct shared_mutex *m, const struct timespec *abstime) {
    return shared_cond_clockwait(c, m, CLOCK_REALTIME, abstime);
}

static int cond_wake(struct shared_cond *c, int count) {
    __atomic_fetch_add(&c->seq, 1, __ATOMIC_SEQ_CST);
    /* a waiter counts itself before releasing the mutex: one that could miss this is counted by now */
    if (__atomic_load_n(&c->waiters, __ATOMIC_SEQ_CST) != 0) sm_futex_wake(&c->seq, count);
    return 0;
}

int shared_cond_signal(struct shared_cond *c) { return cond_wake(c, 1); }

int shared_cond_broadcast(struct shared_cond *c) { return cond_wake(c, INT_MAX); }
