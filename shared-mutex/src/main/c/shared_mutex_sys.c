/*
 * Process identity, liveness, futex and deadlines for the shared-mutex library (internal; see
 * shared_mutex_sys.h). Linux only.
 */
#define _GNU_SOURCE
#include "shared_mutex_sys.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/futex.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "org_abilayout_mutex.h"

struct sm_self sm_self;
static __thread int32_t cached_tid;

/* What /proc/PID/stat says of a process: its state letter and start time in clock ticks. */
struct proc_stat {
    char state;
    unsigned long long start;
    long pid;
};

/* 0, or ENOENT when the process is gone, or another errno when /proc cannot be read */
static int read_proc_stat(const char *path, struct proc_stat *out) {
    char buf[1024];
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return errno == ENOENT || errno == ESRCH ? ENOENT : errno;
    ssize_t n = read(fd, buf, sizeof buf - 1);
    int err = errno;
    close(fd);
    if (n < 0) return err == ESRCH ? ENOENT : err;
    buf[n] = 0;
    out->pid = strtol(buf, NULL, 10);
    /* the command name may contain spaces and parentheses: fields resume after the last ')' */
    char *p = strrchr(buf, ')');
    if (p == NULL || p[1] != ' ' || p[2] == 0) return EIO;
    out->state = p[2];
    p += 3;
    /* starttime is field 22; the state was field 3 */
    for (int field = 4; field <= 22; field++) {
        p = strchr(p, ' ');
        if (p == NULL) return EIO;
        p++;
    }
    out->start = strtoull(p, NULL, 10);
    return 0;
}

static uint32_t tag_of(unsigned long long start) { return (uint32_t)(1 + start % 511); }

static uint32_t start_word(unsigned long long start) {
    uint32_t w = (uint32_t)start;
    return w == 0 ? 1 : w;
}

static uint32_t read_pid_ns(void) {
    char link[64];
    ssize_t n = readlink("/proc/self/ns/pid", link, sizeof link - 1);
    if (n <= 0) return 0;
    link[n] = 0;
    const char *open_bracket = strchr(link, '[');
    return open_bracket == NULL ? 0 : (uint32_t)strtoull(open_bracket + 1, NULL, 10);
}

static void refresh_self(void) {
    struct sm_self s = {0};
    s.pid = (uint32_t)getpid();
    struct proc_stat st;
    /* /proc of another pid namespace (unshare --pid without a new /proc) names this process by
       another pid: then nothing in it can be trusted, and owners are judged by kill() alone */
    if (read_proc_stat("/proc/self/stat", &st) == 0 && st.pid == (long)s.pid) {
        s.proc_ok = 1;
        s.tag = tag_of(st.start);
        s.start = start_word(st.start);
    }
    s.word = s.pid | (s.tag << SHARED_MUTEX_OWNER_TAG_SHIFT);
    s.pid_ns = read_pid_ns();
    sm_self = s;
    cached_tid = (int32_t)syscall(SYS_gettid);
}

__attribute__((constructor)) static void shared_mutex_setup(void) {
    refresh_self();
    pthread_atfork(NULL, NULL, refresh_self);
}

int32_t sm_tid(void) {
    if (cached_tid == 0) cached_tid = (int32_t)syscall(SYS_gettid);
    return cached_tid;
}

int sm_owner_alive(uint32_t word, uint32_t start, int thorough) {
    word &= ~SHARED_MUTEX_WAITERS;
    uint32_t pid = word & SHARED_MUTEX_OWNER_PID_MASK;
    uint32_t tag = (word & SHARED_MUTEX_OWNER_TAG_MASK) >> SHARED_MUTEX_OWNER_TAG_SHIFT;
    if (pid == 0) return 0;
    if (pid == sm_self.pid) {
        /* our pid, but a tag or start time of another process: a dead owner whose pid we reused */
        if (tag != 0 && sm_self.tag != 0 && tag != sm_self.tag) return 0;
        return start == 0 || sm_self.start == 0 || start == sm_self.start;
    }
    if (kill((pid_t)pid, 0) != 0 && errno == ESRCH) return 0;
    if (!thorough || !sm_self.proc_ok) return 1; /* EPERM: exists, another user's */
    char path[40];
    snprintf(path, sizeof path, "/proc/%u/stat", pid);
    struct proc_stat st;
    int r = read_proc_stat(path, &st);
    if (r == ENOENT) return 0;
    if (r != 0) return 1; /* cannot tell: assume alive, as kill() said */
    if (st.state == 'Z' || st.state == 'X') return 0; /* a zombie holds nothing */
    if (tag != 0 && tag != tag_of(st.start)) return 0;
    if (tag != 0 && start != 0 && start != start_word(st.start)) return 0;
    return 1;
}

static int64_t now_on(clockid_t clock) {
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int sm_deadline_at(struct sm_deadline *d, clockid_t clock, const struct timespec *abstime) {
    if (abstime == NULL || abstime->tv_nsec < 0 || abstime->tv_nsec >= 1000000000L) return EINVAL;
    if (clock != CLOCK_MONOTONIC && clock != CLOCK_REALTIME) return EINVAL;
    d->kind = SM_AT;
    d->clock = clock;
    if (abstime->tv_sec < 0) {
        d->at_ns = 0;
    } else if (abstime->tv_sec >= INT64_MAX / 1000000000LL - 1) {
        d->at_ns = INT64_MAX;
    } else {
        d->at_ns = (int64_t)abstime->tv_sec * 1000000000LL + abstime->tv_nsec;
    }
    return 0;
}

int64_t sm_left_ns(const struct sm_deadline *d) {
    switch (d->kind) {
    case SM_FOREVER: return INT64_MAX;
    case SM_TRY: return 0;
    default: return d->at_ns - now_on(d->clock);
    }
}

int sm_futex_wait(volatile uint32_t *word, uint32_t expected, int64_t timeout_ns) {
    struct timespec ts, *tp = NULL;
    if (timeout_ns >= 0) {
        ts.tv_sec = timeout_ns / 1000000000LL;
        ts.tv_nsec = timeout_ns % 1000000000LL;
        tp = &ts;
    }
    long r = syscall(SYS_futex, word, FUTEX_WAIT, expected, tp, NULL, 0);
    return !(r == -1 && errno == ETIMEDOUT);
}

void sm_futex_wake(volatile uint32_t *word, int count) {
    syscall(SYS_futex, word, FUTEX_WAKE, count, NULL, NULL, 0);
}
