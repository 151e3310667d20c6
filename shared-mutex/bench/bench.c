/*
 * The C half of the shared-mutex benchmark (bench/run.sh runs it; MutexBench.java is the Java half).
 * Every lock lives in one MAP_SHARED file, laid out as BenchFile in MutexBench.java:
 *   0 struct shared_mutex | 64 struct shared_cond | 256 int64 turn
 *   512 pthread_mutex_t (PTHREAD_PROCESS_SHARED) | 640 pthread_cond_t (PTHREAD_PROCESS_SHARED)
 *   768 pthread_mutex_t (PTHREAD_PROCESS_SHARED, ROBUST, ERRORCHECK)
 *
 *   bench init FILE
 *   bench uncontended ours|pthread|pthread-robust FILE N      -> ns per lock+unlock
 *   bench pingpong ours|pthread FILE N ROLE                    -> ns per round trip (ROLE 0 prints)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "shared_mutex.h"

#define FILE_SIZE 4096
#define WARMUP 20000

struct bench_file {
    struct shared_mutex mutex;
    struct shared_cond cond;
    char pad0[256 - 128];
    volatile int64_t turn;
    char pad1[512 - 264];
    pthread_mutex_t pmutex;
    char pad2[640 - 512 - sizeof(pthread_mutex_t)];
    pthread_cond_t pcond;
    char pad3[768 - 640 - sizeof(pthread_cond_t)];
    pthread_mutex_t probust;
};
_Static_assert(sizeof(struct bench_file) <= FILE_SIZE, "fits");

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static struct bench_file *map_file(const char *path) {
    int fd = open(path, O_RDWR | O_CREAT, 0600);
    if (fd < 0 || ftruncate(fd, FILE_SIZE) != 0) { perror(path); exit(3); }
    void *p = mmap(NULL, FILE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (p == MAP_FAILED) { perror("mmap"); exit(3); }
    close(fd);
    return p;
}

static void init(struct bench_file *f) {
    memset(f, 0, sizeof *f);
    shared_mutex_initialize(&f->mutex);
    shared_cond_initialize(&f->cond);
    pthread_mutexattr_t ma;
    pthread_mutexattr_init(&ma);
    pthread_mutexattr_setpshared(&ma, PTHREAD_PROCESS_SHARED);
    pthread_mutex_init(&f->pmutex, &ma);
    pthread_mutexattr_setrobust(&ma, PTHREAD_MUTEX_ROBUST);
    pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_ERRORCHECK);
    pthread_mutex_init(&f->probust, &ma);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setpshared(&ca, PTHREAD_PROCESS_SHARED);
    pthread_cond_init(&f->pcond, &ca);
}

static double uncontended(struct bench_file *f, const char *which, long n) {
    int64_t t0 = now_ns();
    if (strcmp(which, "ours") == 0) {
        for (long i = 0; i < n; i++) { shared_mutex_lock(&f->mutex); shared_mutex_unlock(&f->mutex); }
    } else if (strcmp(which, "pthread") == 0) {
        for (long i = 0; i < n; i++) { pthread_mutex_lock(&f->pmutex); pthread_mutex_unlock(&f->pmutex); }
    } else if (strcmp(which, "pthread-robust") == 0) {
        for (long i = 0; i < n; i++) { pthread_mutex_lock(&f->probust); pthread_mutex_unlock(&f->probust); }
    } else {
        fprintf(stderr, "unknown lock %s\n", which);
        exit(2);
    }
    return (double)(now_ns() - t0) / n;
}

/* round trips: ROLE waits for turn == ROLE, passes the turn, signals */
static void pingpong_ours(struct bench_file *f, long n, int role) {
    for (long i = 0; i < n; i++) {
        shared_mutex_lock(&f->mutex);
        while (f->turn != role) shared_cond_wait(&f->cond, &f->mutex);
        f->turn = 1 - role;
        shared_cond_signal(&f->cond);
        shared_mutex_unlock(&f->mutex);
    }
}

static void pingpong_pthread(struct bench_file *f, long n, int role) {
    for (long i = 0; i < n; i++) {
        pthread_mutex_lock(&f->pmutex);
        while (f->turn != role) pthread_cond_wait(&f->pcond, &f->pmutex);
        f->turn = 1 - role;
        pthread_cond_signal(&f->pcond);
        pthread_mutex_unlock(&f->pmutex);
    }
}

int main(int argc, char **argv) {
    if (argc == 3 && strcmp(argv[1], "init") == 0) {
        init(map_file(argv[2]));
        return 0;
    }
    if (argc == 5 && strcmp(argv[1], "uncontended") == 0) {
        struct bench_file *f = map_file(argv[3]);
        long n = atol(argv[4]);
        uncontended(f, argv[2], n / 10); /* warm-up */
        double best = 1e18;
        for (int rep = 0; rep < 5; rep++) {
            double ns = uncontended(f, argv[2], n);
            if (ns < best) best = ns;
        }
        printf("%.2f\n", best);
        return 0;
    }
    if (argc == 6 && strcmp(argv[1], "pingpong") == 0) {
        struct bench_file *f = map_file(argv[3]);
        long n = atol(argv[4]);
        int role = atoi(argv[5]);
        int ours = strcmp(argv[2], "ours") == 0;
        void (*run)(struct bench_file *, long, int) = ours ? pingpong_ours : pingpong_pthread;
        run(f, WARMUP, role);
        int64_t t0 = now_ns();
        run(f, n, role);
        if (role == 0) printf("%.0f\n", (double)(now_ns() - t0) / n);
        return 0;
    }
    fprintf(stderr, "usage: see the comment at the top of bench.c\n");
    return 2;
}
