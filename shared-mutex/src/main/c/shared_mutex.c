/*
 * The shared mutex protocol in C; the Java twin is org.abilayout.mutex.SharedMutex and
 * SharedCondition, and docs/shared-mutex.md describes both. Keep them in step.
 */
#define _GNU_SOURCE
#include "shared_mutex.h"

#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* how often a sleeping waiter wakes to ask whether the owner process still exists */
#define LIVENESS_INTERVAL_NS 50000000LL

static uint32_t cached_pid;
static __thread int32_t cached_tid;

static void refresh_after_fork(void) {
    cached_pid = (uint32_t)getpid();
    cached_tid = (int32_t)syscall(SYS_gettid);
}

__attribute__((constructor)) static void shared_mutex_setup(void) {
    cached_pid = (uint32_t)getpid();
    pthread_atfork(NULL, NULL, refresh_after_fork);
}

static inline uint32_t self_pid(void) { return cached_pid; }

static inline int32_t self_tid(void) {
    if (cached_tid == 0) cached_tid = (int32_t)syscall(SYS_gettid);
    return cached_tid;
}

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* FUTEX_WAIT, not FUTEX_WAIT_PRIVATE: the word is mapped by other processes. 0 = timed out. */
static int futex_wait(volatile uint32_t *word, uint32_t expected, int64_t timeout_ns) {
    struct timespec ts, *tp = NULL;
    if (timeout_ns >= 0) {
        ts.tv_sec = timeout_ns / 1000000000LL;
        ts.tv_nsec = timeout_ns % 1000000000LL;
        tp = &ts;
    }
    long r = syscall(SYS_futex, word, FUTEX_WAIT, expected, tp, NULL, 0);
    return !(r == -1 && errno == ETIMEDOUT);
}

static void futex_wake(volatile uint32_t *word, int count) {
    syscall(SYS_futex, word, FUTEX_WAKE, count, NULL, NULL, 0);
}

static int is_zombie(uint32_t pid) {
    char path[64], buf[512];
    snprintf(path, sizeof path, "/proc/%u/stat", pid);
    FILE *f = fopen(path, "r");
    if (f == NULL) return 1;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    char *close = strrchr(buf, ')'); /* the command name may contain spaces and parentheses */
    if (close == NULL || close[1] == 0 || close[2] == 0) return 1;
    return close[2] == 'Z' || close[2] == 'X';
}

/* kill(pid, 0): ESRCH means gone. A zombie still answers until reaped: `thorough` looks for one. */
static int is_alive(uint32_t pid, int thorough) {
    if (pid == 0) return 0;
    if (kill((pid_t)pid, 0) != 0) return errno == EPERM;
    return !thorough || !is_zombie(pid);
}

static int check_header(uint32_t magic, uint32_t version, uint32_t flags, uint32_t want_magic, uint32_t known) {
    if (magic != want_magic) return EINVAL;
    if (version > known || version < 1) return EPROTO;
    if (flags != 0) return EINVAL;
    return 0;
}

int shared_mutex_initialize(struct shared_mutex *m) {
    shared_mutex_init(m);
    /* magic last: a racing attach sees no magic rather than half a struct */
    __atomic_store_n(&m->magic, SHARED_MUTEX_MAGIC, __ATOMIC_SEQ_CST);
    return 0;
}

int shared_mutex_attach(struct shared_mutex *m) {
    return check_header(__atomic_load_n(&m->magic, __ATOMIC_SEQ_CST), m->layout_version, m->flags,
                        SHARED_MUTEX_MAGIC, SHARED_MUTEX_VERSION);
}

static int acquired(struct shared_mutex *m, int took_over) {
    __atomic_store_n(&m->owner_tid, self_tid(), __ATOMIC_RELAXED);
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
    if (s == SHARED_MUTEX_OWNER_DIED) return EOWNERDEAD; /* the previous heir died before repairing */
    __atomic_store_n(&m->owner_tid, 0, __ATOMIC_RELAXED);
    uint32_t was = __atomic_exchange_n(&m->lock, 0, __ATOMIC_SEQ_CST);
    if (was & SHARED_MUTEX_WAITERS) futex_wake(&m->lock, INT_MAX);
    return ENOTRECOVERABLE;
}

static int acquire_contended(struct shared_mutex *m, uint32_t c, int64_t timeout_ns) {
    uint32_t me = self_pid();
    if ((c & SHARED_MUTEX_PID_MASK) == me && __atomic_load_n(&m->owner_tid, __ATOMIC_RELAXED) == self_tid())
        return EDEADLK;
    int64_t start = now_ns();
    int stalled = 0;
    for (;;) {
        if (c == 0) {
            /* Drepper: after sleeping, take the lock as contended, since others may still sleep */
            if (__atomic_compare_exchange_n(&m->lock, &c, me | SHARED_MUTEX_WAITERS, 0, __ATOMIC_SEQ_CST,
                                            __ATOMIC_SEQ_CST))
                return acquired(m, 0);
            continue;
        }
        uint32_t owner = c & SHARED_MUTEX_PID_MASK;
        if (owner != me && !is_alive(owner, stalled)) {
            /* CAS on the exact word inspected: if it changed, look again */
            if (__atomic_compare_exchange_n(&m->lock, &c, me | SHARED_MUTEX_WAITERS, 0, __ATOMIC_SEQ_CST,
                                            __ATOMIC_SEQ_CST))
                return acquired(m, 1);
            continue;
        }
        int64_t left = timeout_ns < 0 ? LIVENESS_INTERVAL_NS : timeout_ns - (now_ns() - start);
        if (left <= 0) return timeout_ns == 0 ? EBUSY : ETIMEDOUT;
        if (!(c & SHARED_MUTEX_WAITERS)) {
            if (!__atomic_compare_exchange_n(&m->lock, &c, c | SHARED_MUTEX_WAITERS, 0, __ATOMIC_SEQ_CST,
                                             __ATOMIC_SEQ_CST))
                continue;
            c |= SHARED_MUTEX_WAITERS;
        }
        stalled = !futex_wait(&m->lock, c, left < LIVENESS_INTERVAL_NS ? left : LIVENESS_INTERVAL_NS);
        c = __atomic_load_n(&m->lock, __ATOMIC_SEQ_CST);
    }
}

static int acquire(struct shared_mutex *m, int64_t timeout_ns) {
    uint32_t c = 0;
    if (__atomic_compare_exchange_n(&m->lock, &c, self_pid(), 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
        return acquired(m, 0);
    return acquire_contended(m, c, timeout_ns);
}

int shared_mutex_lock(struct shared_mutex *m) { return acquire(m, -1); }

int shared_mutex_trylock(struct shared_mutex *m) { return acquire(m, 0); }

int shared_mutex_timedlock(struct shared_mutex *m, int64_t timeout_ns) {
    return acquire(m, timeout_ns < 0 ? 0 : timeout_ns);
}

static int held_by_self(struct shared_mutex *m) {
    return (__atomic_load_n(&m->lock, __ATOMIC_SEQ_CST) & SHARED_MUTEX_PID_MASK) == self_pid() &&
           __atomic_load_n(&m->owner_tid, __ATOMIC_RELAXED) == self_tid();
}

int shared_mutex_unlock(struct shared_mutex *m) {
    if (!held_by_self(m)) return EPERM;
    __atomic_store_n(&m->owner_tid, 0, __ATOMIC_RELAXED);
    int give_up = __atomic_load_n(&m->state, __ATOMIC_ACQUIRE) == SHARED_MUTEX_OWNER_DIED;
    if (give_up) __atomic_store_n(&m->state, SHARED_MUTEX_NOT_RECOVERABLE, __ATOMIC_SEQ_CST);
    uint32_t was = __atomic_exchange_n(&m->lock, 0, __ATOMIC_SEQ_CST);
    if (was & SHARED_MUTEX_WAITERS) futex_wake(&m->lock, give_up ? INT_MAX : 1);
    return 0;
}

int shared_mutex_consistent(struct shared_mutex *m) {
    if (!held_by_self(m)) return EPERM;
    if (__atomic_load_n(&m->state, __ATOMIC_ACQUIRE) != SHARED_MUTEX_OWNER_DIED) return EINVAL;
    __atomic_store_n(&m->state, SHARED_MUTEX_CONSISTENT, __ATOMIC_SEQ_CST);
    return 0;
}

int shared_cond_initialize(struct shared_cond *c) {
    shared_cond_init(c);
    __atomic_store_n(&c->magic, SHARED_COND_MAGIC, __ATOMIC_SEQ_CST);
    return 0;
}

int shared_cond_attach(struct shared_cond *c) {
    return check_header(__atomic_load_n(&c->magic, __ATOMIC_SEQ_CST), c->layout_version, c->flags, SHARED_COND_MAGIC,
                        SHARED_COND_VERSION);
}

/* timeout_ns < 0 waits until woken */
static int cond_wait(struct shared_cond *c, struct shared_mutex *m, int64_t timeout_ns) {
    if (!held_by_self(m)) return EPERM;
    uint32_t s = __atomic_load_n(&c->seq, __ATOMIC_SEQ_CST);
    __atomic_fetch_add(&c->waiters, 1, __ATOMIC_SEQ_CST);
    shared_mutex_unlock(m);
    int woken = futex_wait(&c->seq, s, timeout_ns);
    __atomic_fetch_sub(&c->waiters, 1, __ATOMIC_SEQ_CST);
    int r = shared_mutex_lock(m);
    if (r != 0) return r;
    return woken ? 0 : ETIMEDOUT;
}

int shared_cond_wait(struct shared_cond *c, struct shared_mutex *m) { return cond_wait(c, m, -1); }

int shared_cond_timedwait(struct shared_cond *c, struct shared_mutex *m, int64_t timeout_ns) {
    return cond_wait(c, m, timeout_ns < 0 ? 0 : timeout_ns);
}

static int cond_wake(struct shared_cond *c, int count) {
    __atomic_fetch_add(&c->seq, 1, __ATOMIC_SEQ_CST);
    /* a waiter counts itself before releasing the mutex: one that could miss this is counted by now */
    if (__atomic_load_n(&c->waiters, __ATOMIC_SEQ_CST) != 0) futex_wake(&c->seq, count);
    return 0;
}

int shared_cond_signal(struct shared_cond *c) { return cond_wake(c, 1); }

int shared_cond_broadcast(struct shared_cond *c) { return cond_wake(c, INT_MAX); }
