#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A buffered, append-only file writer with explicit durability (`fsync`) for generation files.
final class FileSink {
    let path: String
    private let fd: Int32
    private var buffer: [UInt8] = []
    private let flushThreshold: Int
    private(set) var bytesWritten = 0

    init(path: String, flushThreshold: Int = 8 << 20) throws {
        self.path = path
        self.flushThreshold = flushThreshold
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw IndexError.writeFailed(path: path, reason: String(cString: strerror(errno)))
        }
        buffer.reserveCapacity(min(flushThreshold, 1 << 20))
    }

    deinit { close(fd) }

    /// Bytes accepted so far (written or buffered): the offset of the next byte.
    var offset: Int { bytesWritten + buffer.count }

    func append(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= flushThreshold { try flush() }
    }

    func append(_ bytes: UnsafeRawBufferPointer) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= flushThreshold { try flush() }
    }

    func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) }
    }

    func append(_ value: Double) { append(value.bitPattern) }
    func append(_ value: Float) { append(value.bitPattern) }

    func flush() throws {
        var done = 0
        while done < buffer.count {
            let n = buffer.withUnsafeBytes { raw in
                write(fd, raw.baseAddress! + done, raw.count - done)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw IndexError.writeFailed(path: path, reason: String(cString: strerror(errno)))
            }
            done += n
        }
        bytesWritten += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and makes the file durable.
    func finish() throws {
        try flush()
        guard fsync(fd) == 0 else {
            throw IndexError.writeFailed(path: path, reason: "fsync: " + String(cString: strerror(errno)))
        }
    }
}
