/*
 * The C side of the cross-language tests: each command maps the test file and plays one role.
 * (The region command uses a region file of its own: shared_region_open.)
 * The file's regions (the same in TestFile.java):
 *   0 struct shared_mutex | 64 struct shared_cond not_empty | 128 struct shared_cond not_full
 *   256 int64 counter | 264 int64 head | 272 int64 tail | 320 int64 ring[RING]
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "errnames.h"
#include "shared_mutex.h"

#define FILE_SIZE 4096
#define RING 16

struct test_file {
    struct shared_mutex mutex;
    struct shared_cond not_empty;
    struct shared_cond not_full;
    char pad[256 - 3 * 64];
    int64_t counter;
    int64_t head;
    int64_t tail;
    char pad2[320 - 280];
    int64_t ring[RING];
};
_Static_assert(offsetof(struct test_file, counter) == 256, "TestFile.COUNTER");
_Static_assert(offsetof(struct test_file, ring) == 320, "TestFile.RING");

static void die(const char *what, int err) {
    fprintf(stderr, "mutex_tool: %s: %s\n", what, strerror(err));
    exit(3);
}

static struct test_file *map_file(const char *path) {
    int fd = open(path, O_RDWR);
    if (fd < 0) die(path, errno);
    void *p = mmap(NULL, FILE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (p == MAP_FAILED) die("mmap", errno);
    close(fd);
    struct test_file *f = p;
    int r = shared_mutex_attach(&f->mutex);
    if (r) die("attach mutex", r);
    if ((r = shared_cond_attach(&f->not_empty)) || (r = shared_cond_attach(&f->not_full))) die("attach cond", r);
    return f;
}

/* lock, repairing (nothing to repair in these tests: every update is a single store) after a death */
static void lock(struct shared_mutex *m) {
    int r = shared_mutex_lock(m);
    if (r == EOWNERDEAD) r = shared_mutex_consistent(m);
    if (r) die("lock", r);
}

static void unlock(struct shared_mutex *m) {
    int r = shared_mutex_unlock(m);
    if (r) die("unlock", r);
}

static void wait_on(struct shared_cond *c, struct shared_mutex *m) {
    int r = shared_cond_wait(c, m);
    if (r == EOWNERDEAD) r = shared_mutex_consistent(m);
    if (r) die("wait", r);
}

static void print_layout(void) {
#define F(s, m) printf(#s "." #m " %zu\n", offsetof(struct s, m))
    printf("shared_mutex %zu\n", sizeof(struct shared_mutex));
    printf("shared_mutex align %zu\n", _Alignof(struct shared_mutex));
    F(shared_mutex, magic); F(shared_mutex, layout_version); F(shared_mutex, lock); F(shared_mutex, owner_tid);
    F(shared_mutex, state); F(shared_mutex, flags); F(shared_mutex, owner_start); F(shared_mutex, pid_ns);
    F(shared_mutex, reserved);
    printf("shared_cond %zu\n", sizeof(struct shared_cond));
    printf("shared_cond align %zu\n", _Alignof(struct shared_cond));
    F(shared_cond, magic); F(shared_cond, layout_version); F(shared_cond, seq); F(shared_cond, waiters);
    F(shared_cond, flags); F(shared_cond, reserved);
    printf("shared_region %zu\n", sizeof(struct shared_region));
    printf("shared_region align %zu\n", _Alignof(struct shared_region));
    F(shared_region, magic); F(shared_region, layout_version); F(shared_region, flags); F(shared_region, pid_ns);
    F(shared_region, mutex_count); F(shared_region, cond_count); F(shared_region, mutex_offset);
    F(shared_region, cond_offset); F(shared_region, data_offset); F(shared_region, data_size);
    F(shared_region, reserved); F(shared_region, init_lock);
#undef F
}

static struct timespec monotonic_in(long ms) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    t.tv_sec += ms / 1000;
    t.tv_nsec += (ms % 1000) * 1000000L;
    if (t.tv_nsec >= 1000000000L) {
        t.tv_sec++;
        t.tv_nsec -= 1000000000L;
    }
    return t;
}

/* The region's data in the region tests: who initialised it, and a counter. */
struct region_data {
    int64_t marker;
    int64_t initialiser;
    int64_t counter;
};
#define REGION_MARKER 0x5245474E494F4E31LL /* "REGNION1" */

static int init_data(void *data, size_t size, void *arg) {
    struct region_data *d = data;
    if (size < sizeof *d) return EINVAL;
    if (arg != NULL) {
        /* the creator that dies half-way: leaves a wrong marker, says so, and waits to be killed */
        d->marker = 13;
        printf("INITIALISING\n");
        fflush(stdout);
        for (;;) pause();
    }
    d->marker = REGION_MARKER;
    d->initialiser = getpid();
    return 0;
}

/* region PATH MUTEXES CONDS TIMEOUT_MS ROUNDS [hang]: create-or-attach, then count with mutex 0 */
static int region(int argc, char **argv) {
    struct shared_region_params p = {(uint32_t)atoi(argv[3]), (uint32_t)atoi(argv[4]), sizeof(struct region_data), 8};
    struct timespec deadline = monotonic_in(atol(argv[5]));
    long rounds = atol(argv[6]);
    int hang = argc > 7 && strcmp(argv[7], "hang") == 0;
    struct shared_region_map r;
    int e = shared_region_open(&r, argv[2], &p, &deadline, init_data, hang ? (void *)1 : NULL);
    if (e != 0) {
        printf("%s\n", errname(e));
        return 1;
    }
    struct region_data *d = shared_region_data(&r);
    for (long i = 0; i < rounds; i++) {
        struct shared_mutex *m = shared_region_mutex(&r, 0);
        lock(m);
        int64_t v = *(volatile int64_t *)&d->counter;
        *(volatile int64_t *)&d->counter = v + 1;
        unlock(m);
    }
    printf("%s %s %lld\n", r.created ? "created" : "attached", d->marker == REGION_MARKER ? "marker" : "NO-MARKER",
           (long long)d->initialiser);
    shared_region_close(&r);
    return 0;
}

int main(int argc, char **argv) {
    if (argc >= 2 && strcmp(argv[1], "layout") == 0) {
        print_layout();
        return 0;
    }
    if (argc >= 7 && strcmp(argv[1], "region") == 0) return region(argc, argv);
    if (argc == 6 && strcmp(argv[1], "region-layout") == 0) {
        /* region-layout MUTEXES CONDS DATA_SIZE DATA_ALIGN: where shared_region_layout puts the parts */
        struct shared_region_params p = {(uint32_t)atol(argv[2]), (uint32_t)atol(argv[3]), (uint64_t)atoll(argv[4]),
                                         (uint64_t)atoll(argv[5])};
        struct shared_region_layout l;
        int e = shared_region_layout(&p, &l);
        if (e != 0) printf("%s\n", errname(e));
        else printf("%llu %llu %llu %llu\n", (unsigned long long)l.mutex_offset, (unsigned long long)l.cond_offset,
                    (unsigned long long)l.data_offset, (unsigned long long)l.size);
        return 0;
    }
    if (argc < 3) {
        fprintf(stderr, "usage: mutex_tool layout | init|hold FILE | count FILE N | produce FILE ID N | consume FILE TOTAL"
                        " | recover FILE consistent|give-up | unlock-foreign FILE | trylock FILE | attach FILE"
                        " | wait-relock FILE DEADLINE_MS | region PATH MUTEXES CONDS TIMEOUT_MS ROUNDS [hang]"
                        " | region-layout MUTEXES CONDS DATA_SIZE DATA_ALIGN\n");
        return 2;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "init") == 0) {
        int fd = open(argv[2], O_RDWR);
        if (fd < 0) die(argv[2], errno);
        struct test_file *f = mmap(NULL, FILE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        if (f == MAP_FAILED) die("mmap", errno);
        shared_mutex_initialize(&f->mutex);
        shared_cond_initialize(&f->not_empty);
        shared_cond_initialize(&f->not_full);
        return 0;
    }
    if (strcmp(cmd, "attach") == 0) {
        /* attach only: print what the library says of the mutex */
        int fd = open(argv[2], O_RDWR);
        if (fd < 0) die(argv[2], errno);
        struct test_file *t = mmap(NULL, FILE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        if (t == MAP_FAILED) die("mmap", errno);
        printf("%s\n", errname(shared_mutex_attach(&t->mutex)));
        return 0;
    }
    struct test_file *f = map_file(argv[2]);
    if (strcmp(cmd, "trylock") == 0) {
        /* one trylock: print its result; repair and release what it got */
        int r = shared_mutex_trylock(&f->mutex);
        printf("%s\n", errname(r));
        if (r == EOWNERDEAD) r = shared_mutex_consistent(&f->mutex);
        if (r == 0) unlock(&f->mutex);
        return 0;
    }
    if (strcmp(cmd, "wait-relock") == 0 && argc == 4) {
        /* lock, wait on not_empty until a deadline, and print what the wait returned and whether
           the mutex is held afterwards */
        lock(&f->mutex);
        printf("WAITING\n");
        fflush(stdout);
        struct timespec deadline = monotonic_in(atol(argv[3]));
        int r = shared_cond_clockwait(&f->not_empty, &f->mutex, CLOCK_MONOTONIC, &deadline);
        int unlocked = shared_mutex_unlock(&f->mutex);
        printf("%s %s\n", errname(r), unlocked == 0 ? "held" : "not-held");
        return 0;
    }
    if (strcmp(cmd, "hold") == 0) {
        lock(&f->mutex);
        f->counter++;
        printf("LOCKED\n");
        fflush(stdout);
        for (;;) pause(); /* killed here, inside the critical section */
    }
    if (strcmp(cmd, "count") == 0 && argc == 4) {
        long n = atol(argv[3]);
        for (long i = 0; i < n; i++) {
            lock(&f->mutex);
            /* a deliberately non-atomic read-modify-write: only the mutex keeps it exact */
            int64_t v = *(volatile int64_t *)&f->counter;
            *(volatile int64_t *)&f->counter = v + 1;
            unlock(&f->mutex);
        }
        printf("counted %ld\n", n);
        return 0;
    }
    if (strcmp(cmd, "produce") == 0 && argc == 5) {
        int64_t id = atol(argv[3]), n = atol(argv[4]);
        for (int64_t i = 0; i < n; i++) {
            lock(&f->mutex);
            while (f->head - f->tail == RING) wait_on(&f->not_full, &f->mutex);
            f->ring[f->head % RING] = (id << 32) | i;
            f->head++;
            shared_cond_signal(&f->not_empty);
            unlock(&f->mutex);
        }
        printf("produced %lld\n", (long long)n);
        return 0;
    }
    if (strcmp(cmd, "consume") == 0 && argc == 4) {
        int64_t total = atol(argv[3]), count = 0, sum = 0;
        for (;;) {
            lock(&f->mutex);
            while (f->head == f->tail && f->tail < total) wait_on(&f->not_empty, &f->mutex);
            if (f->tail >= total) {
                unlock(&f->mutex);
                break;
            }
            int64_t v = f->ring[f->tail % RING];
            f->tail++;
            shared_cond_signal(&f->not_full);
            if (f->tail == total) shared_cond_broadcast(&f->not_empty); /* the others stop waiting */
            unlock(&f->mutex);
            count++;
            sum += v;
        }
        printf("consumed %lld %lld\n", (long long)count, (long long)sum);
        return 0;
    }
    if (strcmp(cmd, "recover") == 0 && argc == 4) {
        /* inherit a dead owner's lock: print what lock said, then repair or give up */
        struct timespec deadline = monotonic_in(20000);
        int r = shared_mutex_clocklock(&f->mutex, CLOCK_MONOTONIC, &deadline);
        printf("%s\n", r == 0 ? "OK" : errname(r));
        if (r != 0 && r != EOWNERDEAD) return 1;
        if (strcmp(argv[3], "consistent") == 0 && r == EOWNERDEAD && (r = shared_mutex_consistent(&f->mutex))) die("consistent", r);
        f->head++;
        unlock(&f->mutex);
        return 0;
    }
    if (strcmp(cmd, "unlock-foreign") == 0) {
        /* unlocking a mutex another process holds must fail with EPERM and change nothing */
        int r = shared_mutex_unlock(&f->mutex);
        printf("%s\n", r == EPERM ? "EPERM" : "UNEXPECTED");
        return r == EPERM ? 0 : 1;
    }
    fprintf(stderr, "mutex_tool: unknown command %s\n", cmd);
    return 2;
}
