/*
 * Internal to the shared-mutex library (not installed): who this process is, whether another
 * process still is, futex sleeps and deadlines. shared_mutex.c and shared_region.c use it; the
 * Java twin is org.abilayout.mutex.sys (ProcessIdentity, Liveness, Waiter). Keep them in step.
 */
#ifndef ORG_ABILAYOUT_MUTEX_SHARED_MUTEX_SYS_H
#define ORG_ABILAYOUT_MUTEX_SHARED_MUTEX_SYS_H

#include <stdint.h>
#include <time.h>

#define SM_HIDDEN __attribute__((visibility("hidden")))

/* how often a sleeping waiter wakes to ask whether the owner process still exists */
#define SM_LIVENESS_INTERVAL_NS 50000000LL

/* This process as the lock word names it; refreshed in a fork child. */
struct sm_self {
    uint32_t pid;
    uint32_t tag;    /* 1 + start ticks mod 511; 0 when /proc could not tell */
    uint32_t start;  /* low 32 bits of the start ticks (1 where they are 0); 0 when unknown */
    uint32_t word;   /* pid | tag << SHARED_MUTEX_OWNER_TAG_SHIFT: the version-2 owner word */
    uint32_t pid_ns; /* inode of /proc/self/ns/pid; 0 when unknown */
    int proc_ok;     /* /proc shows this pid namespace: other processes' stat files can be read */
};

SM_HIDDEN extern struct sm_self sm_self;
SM_HIDDEN int32_t sm_tid(void);

/* The owner word of this process for an instance of the given layout version (version 1: the bare pid). */
static inline uint32_t sm_owner_word(uint32_t layout_version) {
    return layout_version >= 2 ? sm_self.word : sm_self.pid;
}

/*
 * Whether the owner named by lock word `word` (WAITERS bit ignored) with owner_start `start` may
 * still be alive. Cheap (kill(pid, 0)) unless `thorough`, which also reads /proc/PID/stat: a
 * zombie is dead, and so is a process whose start time does not match the owner's tag or start.
 */
SM_HIDDEN int sm_owner_alive(uint32_t word, uint32_t start, int thorough);

/* A deadline: none, "now" (try once), or an absolute time on a clock. */
enum sm_deadline_kind { SM_FOREVER, SM_TRY, SM_AT };
struct sm_deadline {
    enum sm_deadline_kind kind;
    clockid_t clock;
    int64_t at_ns;
};

/* EINVAL for a clock other than CLOCK_MONOTONIC/CLOCK_REALTIME, a null or malformed abstime */
SM_HIDDEN int sm_deadline_at(struct sm_deadline *d, clockid_t clock, const struct timespec *abstime);
/* nanoseconds left: INT64_MAX for SM_FOREVER, <= 0 once passed (always for SM_TRY) */
SM_HIDDEN int64_t sm_left_ns(const struct sm_deadline *d);

/* FUTEX_WAIT (shared, not _PRIVATE) while *word == expected, at most timeout_ns (< 0: no bound).
   0 when it timed out, 1 otherwise (woken, value already moved, signal). */
SM_HIDDEN int sm_futex_wait(volatile uint32_t *word, uint32_t expected, int64_t timeout_ns);
SM_HIDDEN void sm_futex_wake(volatile uint32_t *word, int count);

#endif
