// The prefetch hint is inline in include/MemoryHints.h; the mmap calls live here, away from
// Swift's view of the system headers.
#define _GNU_SOURCE
#include "MemoryHints.h"
#include <stddef.h>
#include <stdint.h>
#include <sys/mman.h>

#define ZX_HUGE (2ul << 20)

void *zx_reserve_huge(unsigned long length) {
    if (length == 0) return NULL;
    unsigned long padded = length + ZX_HUGE;
    char *raw = mmap(NULL, padded, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (raw == MAP_FAILED) return NULL;
    // Trim to a 2 MiB-aligned start so that huge pages can back it from the first byte.
    uintptr_t start = ((uintptr_t)raw + ZX_HUGE - 1) & ~(uintptr_t)(ZX_HUGE - 1);
    if (start > (uintptr_t)raw) munmap(raw, start - (uintptr_t)raw);
    uintptr_t end = start + length;
    uintptr_t rawEnd = (uintptr_t)raw + padded;
    if (rawEnd > end) munmap((void *)end, rawEnd - end);
#ifdef MADV_HUGEPAGE
    (void)madvise((void *)start, length, MADV_HUGEPAGE);
#endif
    return (void *)start;
}

void zx_release(void *address, unsigned long length) {
    if (address != NULL && length != 0) munmap(address, length);
}
