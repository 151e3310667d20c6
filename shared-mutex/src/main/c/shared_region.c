/*
 * Create-or-attach of a region (struct shared_region, then mutexes, conditions and user data);
 * the Java twin is org.abilayout.mutex.SharedRegion. docs/shared-mutex.md describes the protocol.
 */
#define _GNU_SOURCE
#include "shared_mutex.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "shared_mutex_sys.h"

SM_HIDDEN int sm_init_lock(struct shared_mutex *m, const struct sm_deadline *d);
SM_HIDDEN void sm_init_unlock(struct shared_mutex *m);

#define MAX_DATA_ALIGN 4096

static uint64_t align_up(uint64_t v, uint64_t a) { return (v + a - 1) & ~(a - 1); }

int shared_region_layout(const struct shared_region_params *p, struct shared_region_layout *out) {
    uint64_t data_align = p->data_align == 0 ? 64 : p->data_align;
    if ((data_align & (data_align - 1)) != 0 || data_align > MAX_DATA_ALIGN) return EINVAL;
    if (data_align < _Alignof(struct shared_mutex)) data_align = _Alignof(struct shared_mutex);
    struct shared_region_layout l;
    l.mutex_offset = align_up(sizeof(struct shared_region), _Alignof(struct shared_mutex));
    l.cond_offset = align_up(l.mutex_offset + (uint64_t)p->mutexes * sizeof(struct shared_mutex),
                             _Alignof(struct shared_cond));
    l.data_offset = align_up(l.cond_offset + (uint64_t)p->conditions * sizeof(struct shared_cond), data_align);
    if (p->data_size > (UINT64_C(1) << 62) || l.cond_offset > UINT32_MAX) return EOVERFLOW;
    l.size = l.data_offset + p->data_size;
    *out = l;
    return 0;
}

/* The region in h was initialised: is it the one the caller asked for, and usable here? */
static int check_ready(const struct shared_region *h, const struct shared_region_layout *l,
                       const struct shared_region_params *p, uint64_t file_size) {
    if (h->layout_version > SHARED_REGION_VERSION) return EPROTO;
    if (h->layout_version < 1 || h->flags != 0) return EINVAL;
    if (h->pid_ns != 0 && sm_self.pid_ns != 0 && h->pid_ns != sm_self.pid_ns) return ENOTSUP;
    if (h->mutex_count != p->mutexes || h->cond_count != p->conditions || h->mutex_offset != l->mutex_offset ||
        h->cond_offset != l->cond_offset || h->data_offset != l->data_offset || h->data_size != p->data_size ||
        file_size < l->size)
        return EINVAL;
    return 0;
}

static int check_parts(const struct shared_region_map *r, const struct shared_region_params *p) {
    int e;
    for (uint32_t i = 0; i < p->mutexes; i++)
        if ((e = shared_mutex_attach(shared_region_mutex(r, i))) != 0) return e;
    for (uint32_t i = 0; i < p->conditions; i++)
        if ((e = shared_cond_attach(shared_region_cond(r, i))) != 0) return e;
    return 0;
}

/* Holding init_lock, with magic 0: make the whole region anew, then publish the header. */
static int initialise(int fd, struct shared_region_map *r, const struct shared_region_params *p,
                      shared_region_init_fn init, void *arg) {
    const struct shared_region_layout *l = &r->layout;
    struct stat st;
    if (fstat(fd, &st) != 0) return errno;
    /* grow by writing the last byte: never shrinks, and before magic nobody uses these bytes */
    if ((uint64_t)st.st_size < l->size && pwrite(fd, "", 1, (off_t)l->size - 1) != 1) return errno;
    void *base = mmap(NULL, l->size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (base == MAP_FAILED) return errno;
    r->base = base;
    struct shared_region *h = base;
    /* everything but the lock we hold: the header's fields, then the parts and the data */
    memset(h, 0, offsetof(struct shared_region, init_lock));
    memset((char *)base + sizeof *h, 0, l->size - sizeof *h);
    for (uint32_t i = 0; i < p->mutexes; i++) shared_mutex_initialize(shared_region_mutex(r, i));
    for (uint32_t i = 0; i < p->conditions; i++) shared_cond_initialize(shared_region_cond(r, i));
    if (init != NULL) {
        int e = init(shared_region_data(r), p->data_size, arg);
        if (e != 0) return e > 0 ? e : ECANCELED;
    }
    h->layout_version = SHARED_REGION_VERSION;
    h->pid_ns = sm_self.pid_ns;
    h->mutex_count = p->mutexes;
    h->cond_count = p->conditions;
    h->mutex_offset = (uint32_t)l->mutex_offset;
    h->cond_offset = (uint32_t)l->cond_offset;
    h->data_offset = l->data_offset;
    h->data_size = p->data_size;
    __atomic_store_n(&h->magic, SHARED_REGION_MAGIC, __ATOMIC_SEQ_CST);
    r->created = 1;
    return 0;
}

static int open_fd(int fd, struct shared_region_map *out, const struct shared_region_params *p,
                   const struct timespec *abstime, shared_region_init_fn init, void *arg) {
    struct shared_region_map r = {0};
    int e = shared_region_layout(p, &r.layout);
    struct sm_deadline d = {SM_FOREVER, CLOCK_MONOTONIC, 0};
    if (e == 0 && abstime != NULL) e = sm_deadline_at(&d, CLOCK_MONOTONIC, abstime);
    if (e != 0) return e;
    struct stat st;
    if (fstat(fd, &st) != 0) return errno;
    /* the header must exist to be locked; its last byte is a reserved byte of init_lock, zero for ever */
    if ((uint64_t)st.st_size < sizeof(struct shared_region) && pwrite(fd, "", 1, sizeof(struct shared_region) - 1) != 1)
        return errno;
    struct shared_region *h = mmap(NULL, sizeof *h, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (h == MAP_FAILED) return errno;
    for (;;) {
        uint32_t magic = __atomic_load_n(&h->magic, __ATOMIC_SEQ_CST);
        if (magic != 0) {
            if (magic != SHARED_REGION_MAGIC) {
                e = EINVAL; /* not a region, or one of the other byte order */
            } else if (fstat(fd, &st) != 0) {
                e = errno;
            } else if ((e = check_ready(h, &r.layout, p, (uint64_t)st.st_size)) == 0) {
                r.base = mmap(NULL, r.layout.size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
                if (r.base == MAP_FAILED) {
                    r.base = NULL;
                    e = errno;
                } else if ((e = check_parts(&r, p)) != 0) {
                    munmap(r.base, r.layout.size);
                    r.base = NULL;
                }
            }
            break;
        }
        e = sm_init_lock(&h->init_lock, &d);
        if (e == ETIMEDOUT) break;
        if (e != 0 && e != EOWNERDEAD) break; /* ENOTRECOVERABLE: init_lock is never given up; garbage */
        /* EOWNERDEAD: a creator died holding it; whatever it left is written anew */
        if (__atomic_load_n(&h->magic, __ATOMIC_SEQ_CST) == 0) {
            e = initialise(fd, &r, p, init, arg);
            if (e != 0 && r.base != NULL) {
                munmap(r.base, r.layout.size);
                r.base = NULL;
            }
        }
        sm_init_unlock(&h->init_lock);
        if (e != 0 || r.created) break;
    }
    munmap(h, sizeof *h);
    if (e == 0) *out = r;
    return e;
}

int shared_region_open(struct shared_region_map *out, const char *path, const struct shared_region_params *p,
                       const struct timespec *abstime, shared_region_init_fn init, void *arg) {
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) return errno;
    int e = open_fd(fd, out, p, abstime, init, arg);
    close(fd);
    return e;
}

int shared_region_open_shm(struct shared_region_map *out, const char *name, const struct shared_region_params *p,
                           const struct timespec *abstime, shared_region_init_fn init, void *arg) {
    int fd = shm_open(name, O_RDWR | O_CREAT, 0600);
    if (fd < 0) return errno;
    int e = open_fd(fd, out, p, abstime, init, arg);
    close(fd);
    return e;
}

int shared_region_close(struct shared_region_map *r) {
    if (r == NULL || r->base == NULL) return EINVAL;
    int e = munmap(r->base, r->layout.size) == 0 ? 0 : errno;
    r->base = NULL;
    return e;
}
