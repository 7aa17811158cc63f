#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only memory map of a whole file. Index generations are immutable, so the mapping is
/// shared safely by every thread for the reader's lifetime.
public final class MappedFile: @unchecked Sendable {
    /// The mapped bytes (empty files map to an empty buffer).
    public let bytes: UnsafeRawBufferPointer
    /// The file's path, for error messages.
    public let path: String

    /// Maps `path` read-only.
    public init(path: String) throws {
        self.path = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw IndexError.unreadable(file: path, reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            throw IndexError.unreadable(file: path, reason: String(cString: strerror(errno)))
        }
        let size = Int(st.st_size)
        if size == 0 {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        guard let base = mmap(nil, size, PROT_READ, MAP_SHARED, fd, 0), base != MAP_FAILED else {
            throw IndexError.unreadable(file: path, reason: "mmap: " + String(cString: strerror(errno)))
        }
        bytes = UnsafeRawBufferPointer(start: base, count: size)
    }

    /// Drops the pages of `range` from this process's resident memory (they stay in the page cache
    /// and fault back in on the next access): verifying a generation reads every byte once, and
    /// that pass should not leave the whole index resident.
    public func release(_ range: Range<Int>) {
        guard let base = bytes.baseAddress, !range.isEmpty else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (Int(bitPattern: base) + range.lowerBound + page - 1) / page * page  // whole pages only
        let end = (Int(bitPattern: base) + range.upperBound) / page * page
        guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
        madvise(pointer, end - start, Int32(MADV_DONTNEED))
    }

    deinit {
        if let base = bytes.baseAddress {
            munmap(UnsafeMutableRawPointer(mutating: base), bytes.count)
        }
    }
}
