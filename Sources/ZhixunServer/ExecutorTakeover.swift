import NIOCore
import NIOPosix

/// Runs Swift Concurrency's jobs on the server's NIO event loops instead of a separate thread pool.
///
/// A request is read on an event loop, answered in a task and written back on the event loop. With
/// two pools that is two thread switches per request, and on a small machine the pools' threads
/// compete for the same cores, which shows as latency tails under load. One pool removes both.
/// Blocking work (rebuilds, ingest) already runs on Dispatch through ``offload(_:)``.
public enum ExecutorTakeover {
    /// Installs the event loop group as the global executor before serving. Later calls are no-ops.
    /// Returns whether it took effect (it cannot on some platforms, and serving works either way).
    @discardableResult
    public static func install() -> Bool { installed }

    /// Evaluated once per process: NIO refuses a second installation.
    private static let installed = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
}
