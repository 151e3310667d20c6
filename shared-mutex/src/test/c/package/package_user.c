/*
 * A program of a C user of the installed package (CPackageTest builds it with pkg-config and
 * with CMake's find_package): creates or attaches a region in FILE, counts under mutex 0, and
 * prints what it saw.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "shared_mutex.h"

int main(int argc, char **argv) {
    if (argc != 2) return 2;
    struct shared_region_params p = {1, 1, sizeof(int64_t), 8};
    struct shared_region_map r;
    int e = shared_region_open(&r, argv[1], &p, NULL, NULL, NULL);
    if (e != 0) {
        printf("open: %s\n", strerror(e));
        return 1;
    }
    struct shared_mutex *m = shared_region_mutex(&r, 0);
    int64_t *counter = shared_region_data(&r);
    e = shared_mutex_lock(m);
    if (e == EOWNERDEAD) e = shared_mutex_consistent(m);
    if (e != 0) return 1;
    int64_t n = ++*counter;
    shared_mutex_unlock(m);
    printf("%s %lld\n", r.created ? "created" : "attached", (long long)n);
    return shared_region_close(&r);
}
