/* The names of the errno values the shared-mutex library returns, for the test tools' output. */
#ifndef ERRNAMES_H
#define ERRNAMES_H
#include <errno.h>
#include <string.h>

static const struct { int code; const char *name; } ERRNAMES[] = {
    {0, "0"}, {EOWNERDEAD, "EOWNERDEAD"}, {ENOTRECOVERABLE, "ENOTRECOVERABLE"}, {EBUSY, "EBUSY"},
    {ETIMEDOUT, "ETIMEDOUT"}, {EDEADLK, "EDEADLK"}, {EPERM, "EPERM"}, {EINVAL, "EINVAL"}, {EPROTO, "EPROTO"},
    {ENOTSUP, "ENOTSUP"}, {ENOLCK, "ENOLCK"}, {EOVERFLOW, "EOVERFLOW"}, {ENOENT, "ENOENT"}, {ECANCELED, "ECANCELED"},
};

static inline const char *errname(int code) {
    for (size_t i = 0; i < sizeof ERRNAMES / sizeof ERRNAMES[0]; i++)
        if (ERRNAMES[i].code == code) return ERRNAMES[i].name;
    return strerror(code);
}

static inline int errcode(const char *name) {
    for (size_t i = 0; i < sizeof ERRNAMES / sizeof ERRNAMES[0]; i++)
        if (strcmp(ERRNAMES[i].name, name) == 0) return ERRNAMES[i].code;
    return -1;
}
#endif
