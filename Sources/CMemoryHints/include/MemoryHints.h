#ifndef ZHIXUN_MEMORY_HINTS_H
#define ZHIXUN_MEMORY_HINTS_H

/// Asks the processor to start loading the cache line holding `address` (for reading and
/// writing), so a later access does not wait on memory. A hint only: never faults, no effect on
/// results. Swift has no prefetch of its own; the index builder's hash and posting-chain accesses
/// are latency-bound without it.
static inline __attribute__((always_inline)) void zx_prefetch(const void *address) {
    __builtin_prefetch(address, 1, 3);
}

/// Reserves `length` bytes of zero-filled, read-write address space that the kernel commits only
/// as it is touched, aligned to 2 MiB and advised for transparent huge pages; NULL when the
/// system refuses. The builder's posting pool lives in one such reservation: it grows without
/// moving (no copies), and its scattered chain-tail writes hit huge-page TLB entries instead of
/// missing on 4 KiB pages (1M-passage analysis: 42.3 s before, 33.6-35.9 s in quiet runs after).
void *zx_reserve_huge(unsigned long length);

/// Returns a reservation of `length` bytes made by `zx_reserve_huge`.
void zx_release(void *address, unsigned long length);

#endif
