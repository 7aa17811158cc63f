#ifndef ZHIXUN_MEMORY_HINTS_H
#define ZHIXUN_MEMORY_HINTS_H

/// Asks the processor to start loading the cache line holding `address` (for reading and
/// writing), so a later access does not wait on memory. A hint only: never faults, no effect on
/// results. Swift has no prefetch of its own; the index builder's hash and posting-chain accesses
/// are latency-bound without it.
static inline __attribute__((always_inline)) void zx_prefetch(const void *address) {
    __builtin_prefetch(address, 1, 3);
}

#endif
