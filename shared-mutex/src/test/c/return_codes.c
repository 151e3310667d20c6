/*
 * Provokes one documented return value of one function of shared_mutex.h:
 *   return_codes DIR FUNCTION CODE      -> prints "OK", or what the function returned instead
 * ReturnCodesTest reads every "FUNCTION ... CODE meaning" line of the header and runs this for
 * each: a code documented without a way to provoke it here fails the test ("NO-SCENARIO").
 * DIR is a scratch directory for region files.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "errnames.h"
#include "shared_mutex.h"

struct shared {
    struct shared_mutex m;
    struct shared_cond c;
    volatile int flag;
};

static struct shared *S;
static const char *DIR_;
static char path_buf[512];
static char shm_name[64];

static struct timespec in_ms(clockid_t clock, long ms) {
    struct timespec t;
    clock_gettime(clock, &t);
    t.tv_sec += ms / 1000;
    t.tv_nsec += (ms % 1000) * 1000000L;
    if (t.tv_nsec >= 1000000000L) {
        t.tv_sec++;
        t.tv_nsec -= 1000000000L;
    }
    return t;
}

static uint32_t other_ns(void) {
    char link[64];
    ssize_t n = readlink("/proc/self/ns/pid", link, sizeof link - 1);
    if (n <= 0) {
        fprintf(stderr, "no /proc/self/ns/pid: cannot fake another pid namespace\n");
        exit(2);
    }
    link[n] = 0;
    return (uint32_t)strtoull(strchr(link, '[') + 1, NULL, 10) + 1;
}

/* a child process locks the mutex and dies holding it; reaped before returning */
static void owner_dies(void) {
    pid_t p = fork();
    if (p == 0) {
        shared_mutex_lock(&S->m);
        _exit(0);
    }
    waitpid(p, NULL, 0);
}

static void not_recoverable(void) {
    owner_dies();
    if (shared_mutex_lock(&S->m) != EOWNERDEAD) exit(2);
    shared_mutex_unlock(&S->m);
}

/* another thread holds the mutex until S->flag is set */
static void *hold_until_flag(void *arg) {
    (void)arg;
    shared_mutex_lock(&S->m);
    __atomic_store_n(&S->flag, 1, __ATOMIC_SEQ_CST);
    while (__atomic_load_n(&S->flag, __ATOMIC_SEQ_CST) != 2) usleep(1000);
    shared_mutex_unlock(&S->m);
    return NULL;
}

static pthread_t holder;
static void hold_elsewhere(void) {
    pthread_create(&holder, NULL, hold_until_flag, NULL);
    while (__atomic_load_n(&S->flag, __ATOMIC_SEQ_CST) != 1) usleep(1000);
}
static void release_elsewhere(void) {
    __atomic_store_n(&S->flag, 2, __ATOMIC_SEQ_CST);
    pthread_join(holder, NULL);
}

/* What a helper thread does once the waiter has released the mutex inside a condition wait. */
enum helper_act { SIGNAL, CHILD_LOCKS_SIGNALS_DIES, GIVE_UP_AND_SIGNAL, OTHER_NS_AND_SIGNAL, SIGNAL_AND_HOLD };
static void *helper(void *arg) {
    enum helper_act act = (enum helper_act)(intptr_t)arg;
    if (act == CHILD_LOCKS_SIGNALS_DIES || act == GIVE_UP_AND_SIGNAL) {
        pid_t p = fork();
        if (p == 0) {
            shared_mutex_lock(&S->m); /* once the waiter sleeps */
            if (act == CHILD_LOCKS_SIGNALS_DIES) shared_cond_signal(&S->c);
            _exit(0);
        }
        waitpid(p, NULL, 0);
        if (act == CHILD_LOCKS_SIGNALS_DIES) return NULL;
        shared_mutex_lock(&S->m); /* EOWNERDEAD */
        shared_mutex_unlock(&S->m); /* gives up */
        shared_cond_signal(&S->c);
        return NULL;
    }
    shared_mutex_lock(&S->m);
    if (act == OTHER_NS_AND_SIGNAL) S->m.pid_ns = other_ns();
    shared_cond_signal(&S->c);
    if (act == SIGNAL_AND_HOLD)
        while (__atomic_load_n(&S->flag, __ATOMIC_SEQ_CST) != 2) usleep(1000);
    shared_mutex_unlock(&S->m);
    return NULL;
}

enum wait_kind { WAIT, TIMED, CLOCKED };
static int wait_with(enum wait_kind k, long ms, const struct timespec *bad) {
    if (k == WAIT) return shared_cond_wait(&S->c, &S->m);
    struct timespec t = in_ms(k == TIMED ? CLOCK_REALTIME : CLOCK_MONOTONIC, ms);
    if (k == TIMED) return shared_cond_timedwait(&S->c, &S->m, bad ? bad : &t);
    return shared_cond_clockwait(&S->c, &S->m, CLOCK_MONOTONIC, bad ? bad : &t);
}

static int wait_case(enum wait_kind k, int code) {
    static const struct timespec malformed = {0, -1};
    if (code == EPERM) return wait_with(k, 100, NULL);
    shared_mutex_lock(&S->m);
    if (code == EINVAL) return wait_with(k, 0, &malformed);
    if (code == ETIMEDOUT) return wait_with(k, 50, NULL);
    enum helper_act act = code == 0 ? SIGNAL : code == EOWNERDEAD ? CHILD_LOCKS_SIGNALS_DIES
                        : code == ENOTRECOVERABLE ? GIVE_UP_AND_SIGNAL : code == ENOTSUP ? OTHER_NS_AND_SIGNAL
                        : SIGNAL_AND_HOLD;
    pthread_t t;
    pthread_create(&t, NULL, helper, (void *)(intptr_t)act);
    int r = wait_with(k, code == ENOLCK ? 1000 : 20000, NULL);
    __atomic_store_n(&S->flag, 2, __ATOMIC_SEQ_CST);
    pthread_join(t, NULL);
    return r;
}

/* the lock functions: which to call */
static int lock_with(const char *fn) {
    struct timespec t = in_ms(CLOCK_REALTIME, 50);
    struct timespec mono = in_ms(CLOCK_MONOTONIC, 50);
    if (strcmp(fn, "shared_mutex_lock") == 0) return shared_mutex_lock(&S->m);
    if (strcmp(fn, "shared_mutex_trylock") == 0) return shared_mutex_trylock(&S->m);
    if (strcmp(fn, "shared_mutex_timedlock") == 0) return shared_mutex_timedlock(&S->m, &t);
    return shared_mutex_clocklock(&S->m, CLOCK_MONOTONIC, &mono);
}

static int lock_case(const char *fn, int code) {
    switch (code) {
    case 0: return lock_with(fn);
    case EBUSY:
    case ETIMEDOUT: {
        hold_elsewhere();
        int r = lock_with(fn);
        release_elsewhere();
        return r;
    }
    case EOWNERDEAD: owner_dies(); return lock_with(fn);
    case ENOTRECOVERABLE: not_recoverable(); return lock_with(fn);
    case EDEADLK: shared_mutex_lock(&S->m); return lock_with(fn);
    case ENOTSUP: S->m.pid_ns = other_ns(); return lock_with(fn);
    case EINVAL: {
        struct timespec malformed = {0, 1000000000L};
        struct timespec ok = in_ms(CLOCK_MONOTONIC, 50);
        if (strcmp(fn, "shared_mutex_timedlock") == 0) return shared_mutex_timedlock(&S->m, &malformed);
        return shared_mutex_clocklock(&S->m, CLOCK_PROCESS_CPUTIME_ID, &ok);
    }
    }
    return -1;
}

static int region_init(void *data, size_t size, void *arg) {
    (void)data, (void)size;
    intptr_t how = (intptr_t)arg;
    if (how == 1) return -1; /* not an errno value */
    if (how == 2) {
        /* hang in the middle of initialising, saying so on S->flag */
        __atomic_store_n(&S->flag, 1, __ATOMIC_SEQ_CST);
        for (;;) pause();
    }
    return 0;
}

static int open_region(int shm, struct shared_region_map *r, const struct shared_region_params *p,
                       const struct timespec *deadline, shared_region_init_fn init, void *arg) {
    if (shm) return shared_region_open_shm(r, shm_name, p, deadline, init, arg);
    return shared_region_open(r, path_buf, p, deadline, init, arg);
}

static int region_case(int shm, int code) {
    struct shared_region_params p = {2, 1, 64, 8};
    struct shared_region_map r;
    struct timespec later = in_ms(CLOCK_MONOTONIC, 10000);
    snprintf(path_buf, sizeof path_buf, "%s/region-%d", DIR_, (int)getpid());
    snprintf(shm_name, sizeof shm_name, "/abilayout-return-codes-%d", (int)getpid());
    int e;
    switch (code) {
    case 0: return open_region(shm, &r, &p, &later, region_init, NULL);
    case ECANCELED: return open_region(shm, &r, &p, &later, region_init, (void *)1);
    case EOVERFLOW: p.data_size = UINT64_C(1) << 63; return open_region(shm, &r, &p, &later, NULL, NULL);
    case ENOENT: snprintf(path_buf, sizeof path_buf, "%s/no-such-dir/region", DIR_); return shared_region_open(&r, path_buf, &p, &later, NULL, NULL);
    case ETIMEDOUT: {
        pid_t c = fork();
        if (c == 0) _exit(open_region(shm, &r, &p, NULL, region_init, (void *)2));
        while (__atomic_load_n(&S->flag, __ATOMIC_SEQ_CST) != 1) usleep(1000);
        struct timespec soon = in_ms(CLOCK_MONOTONIC, 200);
        e = open_region(shm, &r, &p, &soon, NULL, NULL);
        kill(c, SIGKILL);
        waitpid(c, NULL, 0);
        return e;
    }
    case EINVAL:
    case EPROTO:
    case ENOTSUP:
        if ((e = open_region(shm, &r, &p, &later, NULL, NULL)) != 0) return -e;
        if (code == EINVAL) __atomic_store_n(&((struct shared_region *)r.base)->magic, 0xdeadbeef, __ATOMIC_SEQ_CST);
        if (code == EPROTO) ((struct shared_region *)r.base)->layout_version = SHARED_REGION_VERSION + 1;
        if (code == ENOTSUP) ((struct shared_region *)r.base)->pid_ns = other_ns();
        shared_region_close(&r);
        return open_region(shm, &r, &p, &later, NULL, NULL);
    }
    return -1;
}

static int run(const char *fn, int code) {
    if (strcmp(fn, "shared_mutex_initialize") == 0) return shared_mutex_initialize(&S->m);
    if (strcmp(fn, "shared_cond_initialize") == 0) return shared_cond_initialize(&S->c);
    if (strcmp(fn, "shared_mutex_attach") == 0 || strcmp(fn, "shared_cond_attach") == 0) {
        int is_mutex = fn[7] == 'm';
        volatile uint32_t *magic = is_mutex ? &S->m.magic : &S->c.magic;
        uint32_t *version = is_mutex ? &S->m.layout_version : &S->c.layout_version;
        if (code == EINVAL) *magic = 0xdeadbeef;
        if (code == EPROTO) *version = (is_mutex ? SHARED_MUTEX_VERSION : SHARED_COND_VERSION) + 1;
        if (code == ENOTSUP) S->m.pid_ns = other_ns();
        return is_mutex ? shared_mutex_attach(&S->m) : shared_cond_attach(&S->c);
    }
    if (strncmp(fn, "shared_mutex_", 13) == 0 && strstr(fn, "lock") != NULL && strcmp(fn, "shared_mutex_unlock") != 0)
        return lock_case(fn, code);
    if (strcmp(fn, "shared_mutex_unlock") == 0) {
        if (code == 0) shared_mutex_lock(&S->m);
        return shared_mutex_unlock(&S->m);
    }
    if (strcmp(fn, "shared_mutex_consistent") == 0) {
        if (code == 0) owner_dies();
        if (code != EPERM) shared_mutex_lock(&S->m);
        return shared_mutex_consistent(&S->m);
    }
    if (strcmp(fn, "shared_cond_wait") == 0) return wait_case(WAIT, code);
    if (strcmp(fn, "shared_cond_timedwait") == 0) return wait_case(TIMED, code);
    if (strcmp(fn, "shared_cond_clockwait") == 0) return wait_case(CLOCKED, code);
    if (strcmp(fn, "shared_cond_signal") == 0) return shared_cond_signal(&S->c);
    if (strcmp(fn, "shared_cond_broadcast") == 0) return shared_cond_broadcast(&S->c);
    if (strcmp(fn, "shared_region_layout") == 0) {
        struct shared_region_params p = {1, 1, 8, code == EINVAL ? 3 : 8};
        if (code == EOVERFLOW) p.data_size = UINT64_C(1) << 63;
        struct shared_region_layout l;
        return shared_region_layout(&p, &l);
    }
    if (strcmp(fn, "shared_region_open") == 0) return region_case(0, code);
    if (strcmp(fn, "shared_region_open_shm") == 0) {
        int r = region_case(1, code);
        shm_unlink(shm_name);
        return r;
    }
    if (strcmp(fn, "shared_region_close") == 0) {
        struct shared_region_map r = {0};
        struct shared_region_params p = {1, 0, 8, 8};
        snprintf(path_buf, sizeof path_buf, "%s/close-%d", DIR_, (int)getpid());
        if (code == 0 && shared_region_open(&r, path_buf, &p, NULL, NULL, NULL) != 0) return -2;
        return shared_region_close(&r);
    }
    return -1;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: return_codes DIR FUNCTION CODE\n");
        return 2;
    }
    DIR_ = argv[1];
    int code = errcode(argv[3]);
    if (code < 0) {
        printf("UNKNOWN-CODE %s\n", argv[3]);
        return 1;
    }
    S = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    shared_mutex_initialize(&S->m);
    shared_cond_initialize(&S->c);
    int r = run(argv[2], code);
    if (r == -1) {
        printf("NO-SCENARIO\n");
        return 1;
    }
    if (r != code) {
        printf("%s instead\n", r < -1 ? "setup failed" : errname(r));
        return 1;
    }
    printf("OK\n");
    return 0;
}
