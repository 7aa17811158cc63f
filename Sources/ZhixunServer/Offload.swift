import Dispatch

/// Runs long, blocking engine work (rebuilds, generation reloads, ingest) on a Dispatch queue
/// instead of Swift concurrency's cooperative pool, which has one thread per core: a one-second
/// rebuild there would stall every request scheduled behind it.
func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global(qos: .utility).async {
            continuation.resume(with: Result { try work() })
        }
    }
}
