import Foundation
import ZhixunText

/// What the term dictionary holds for one term.
public struct TermInfo: Sendable, Equatable {
    /// Offset of the term's block headers in `postings.bin`.
    public var offset: Int
    /// Passages containing the term.
    public var docFreq: Int
    /// Blocks of postings.
    public var blockCount: Int
    /// Upper bound of the term's score in any passage (before query weights).
    public var maxScore: Double
    /// The term's idf in this generation.
    public var idf: Double
}

/// An opened, verified, memory-mapped index generation. Immutable and safe to share across threads.
public final class IndexReader: Sendable {
    /// The generation's manifest.
    public let manifest: IndexManifest
    /// The generation's directory.
    public let directory: String

    let terms: MappedFile
    let termInfo: MappedFile
    let postings: MappedFile
    let passages: MappedFile
    let storedIndex: MappedFile
    let stored: MappedFile
    /// Field norms, field-major (`weight / (1 − b + b · len / avglen)`), see ``BM25FScorer``.
    nonisolated(unsafe) let norms: UnsafeMutableBufferPointer<Double>
    let attributeTables: AttributeTables

    /// Opens the generation in `directory`, verifying format, sizes and checksums of every file.
    public init(directory: String, verifyChecksums: Bool = true) throws {
        self.directory = directory
        let manifestPath = directory + "/" + IndexManifest.FileName.manifest
        let manifestData: Data
        do {
            manifestData = try Data(contentsOf: URL(fileURLWithPath: manifestPath))
        } catch {
            throw IndexError.unreadable(file: manifestPath, reason: error.localizedDescription)
        }
        let manifest: IndexManifest
        do {
            manifest = try JSONDecoder().decode(IndexManifest.self, from: manifestData)
        } catch {
            throw IndexError.corrupt(file: manifestPath, reason: "manifest is not valid: \(error)")
        }
        guard manifest.formatVersion == IndexManifest.currentFormatVersion else {
            throw IndexError.unsupportedFormat(
                file: manifestPath, found: manifest.formatVersion, expected: IndexManifest.currentFormatVersion)
        }
        self.manifest = manifest

        func open(_ name: String, recordSize: Int?, records: Int?) throws -> MappedFile {
            let path = directory + "/" + name
            guard let entry = manifest.files[name] else {
                throw IndexError.corrupt(file: path, reason: "not listed in the manifest")
            }
            let file = try MappedFile(path: path)
            guard file.bytes.count == entry.bytes else {
                throw IndexError.corrupt(file: path, reason: "size \(file.bytes.count) bytes, manifest says \(entry.bytes)")
            }
            if let recordSize, let records, records * recordSize != file.bytes.count {
                throw IndexError.corrupt(file: path, reason: "size does not match \(records) records of \(recordSize) bytes")
            }
            if verifyChecksums {
                let sum = Checksum.hex(file.bytes) { file.release($0) }
                guard sum == entry.checksum else {
                    throw IndexError.corrupt(file: path, reason: "checksum \(sum), manifest says \(entry.checksum)")
                }
            }
            return file
        }
        typealias F = IndexManifest.FileName
        terms = try open(F.terms, recordSize: nil, records: nil)
        termInfo = try open(F.termInfo, recordSize: TermDictionary.indexEntrySize,
                            records: (manifest.termCount + TermDictionary.blockSize - 1) / TermDictionary.blockSize)
        postings = try open(F.postings, recordSize: nil, records: nil)
        passages = try open(F.passages, recordSize: RecordLayout.passageSize, records: manifest.passageCount)
        storedIndex = try open(F.storedIndex, recordSize: 8, records: manifest.passageCount + 1)
        stored = try open(F.stored, recordSize: nil, records: nil)
        guard manifest.attributeValues.count == PassageAttributes.Slot.allCases.count,
              manifest.parameters.b.count == IndexField.count,
              manifest.parameters.weights.count == IndexField.count,
              manifest.averageFieldLengths.count == IndexField.count else {
            throw IndexError.corrupt(file: manifestPath, reason: "field or attribute tables have the wrong shape")
        }
        var tables = AttributeTables()
        for slot in PassageAttributes.Slot.allCases {
            for value in manifest.attributeValues[slot.rawValue] { _ = try tables.id(for: value, in: slot) }
        }
        attributeTables = tables

        // Field norms from the exact stored lengths, into zeroed memory: fields no passage uses are
        // never read (their frequencies are all 0), so their pages are never touched.
        let n = manifest.passageCount, fields = IndexField.count
        let raw = calloc(max(n * fields, 1), MemoryLayout<Double>.stride)!
        norms = UnsafeMutableBufferPointer(start: raw.bindMemory(to: Double.self, capacity: max(n * fields, 1)),
                                           count: max(n * fields, 1))
        let passageBytes = passages.bytes
        let parameters = manifest.parameters
        for f in 0..<fields where manifest.averageFieldLengths[f] > 0 {
            let inverseAverage = 1 / manifest.averageFieldLengths[f]
            for p in 0..<n {
                let length = UInt32(littleEndian: passageBytes.loadUnaligned(
                    fromByteOffset: p * RecordLayout.passageSize + f * 4, as: UInt32.self))
                norms[f * n + p] = BM25FScorer.norm(length: length, weight: parameters.weights[f], b: parameters.b[f],
                                                    inverseAverage: inverseAverage)
            }
        }
    }

    deinit { free(norms.baseAddress) }

    /// Passages in the generation.
    public var passageCount: Int { manifest.passageCount }
    /// Distinct terms in the generation.
    public var termCount: Int { manifest.termCount }
    /// BM25 saturation parameter of the generation.
    public var k1: Double { manifest.parameters.k1 }

    /// Looks a term up in the dictionary (see ``TermDictionary``).
    public func lookup(_ term: Term) -> TermInfo? {
        guard let found = TermDictionary.lookup(term.rawValue, terms: terms.bytes, index: termInfo.bytes,
                                                termCount: manifest.termCount), found.docFreq > 0 else { return nil }
        let blockCount = (found.docFreq + IndexManifest.blockSize - 1) / IndexManifest.blockSize
        // Headers (or the single block's first bytes) must lie inside the postings file.
        let headerBytes = blockCount > 1 ? blockCount * RecordLayout.blockHeaderSize : 2
        guard found.offset + headerBytes <= postings.bytes.count else { return nil }
        return TermInfo(offset: found.offset, docFreq: found.docFreq, blockCount: blockCount,
                        maxScore: found.maxScore,
                        idf: ScoringParameters.idf(docFreq: found.docFreq, docCount: manifest.passageCount))
    }

    /// Whether a term's postings contain `passage` (skips blocks by their headers).
    public func contains(term info: TermInfo, passage: Int) -> Bool {
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: PostingCursor.bufferSize, alignment: 16)
        defer { buffer.deallocate() }
        var cursor = PostingCursor(reader: self, info: info, weight: 1, buffers: buffer)
        cursor.advance(to: UInt32(passage))
        return cursor.doc == UInt32(passage)
    }

    /// The stored payload of a passage.
    public func storedPayload(passage: Int) -> [UInt8] {
        precondition(passage >= 0 && passage < passageCount, "passage \(passage) out of range")
        let idx = storedIndex.bytes
        let start = Int(UInt64(littleEndian: idx.loadUnaligned(fromByteOffset: passage * 8, as: UInt64.self)))
        let end = Int(UInt64(littleEndian: idx.loadUnaligned(fromByteOffset: passage * 8 + 8, as: UInt64.self)))
        guard start <= end, end <= stored.bytes.count else { return [] }
        return Array(UnsafeRawBufferPointer(rebasing: stored.bytes[start..<end]))
    }

    /// The id of a passage's value in one attribute slot.
    @inline(__always)
    func attributeID(passage: Int, slot: Int) -> UInt16 {
        UInt16(littleEndian: passages.bytes.loadUnaligned(
            fromByteOffset: passage &* RecordLayout.passageSize &+ IndexField.count &* 4 &+ slot &* 2, as: UInt16.self))
    }

    /// A passage's attributes.
    public func attributes(passage: Int) -> PassageAttributes {
        func value(_ slot: PassageAttributes.Slot) -> String {
            let id = Int(attributeID(passage: passage, slot: slot.rawValue))
            let table = manifest.attributeValues[slot.rawValue]
            return id < table.count ? table[id] : ""
        }
        return PassageAttributes(kind: value(.kind), category: value(.category), region: value(.region), status: value(.status))
    }

    /// A passage's field lengths in tokens.
    public func fieldLengths(passage: Int) -> [UInt32] {
        (0..<IndexField.count).map { f in
            UInt32(littleEndian: passages.bytes.loadUnaligned(
                fromByteOffset: passage * RecordLayout.passageSize + f * 4, as: UInt32.self))
        }
    }

    /// Builds a filter from allowed values per slot (`nil`: any value).
    public func filter(kinds: [String]? = nil, categories: [String]? = nil,
                       regions: [String]? = nil, statuses: [String]? = nil) -> PassageFilter {
        let wanted: [[String]?] = [kinds, categories, regions, statuses]
        var masks: [[Bool]?] = []
        for slot in PassageAttributes.Slot.allCases {
            guard let values = wanted[slot.rawValue] else { masks.append(nil); continue }
            var mask = [Bool](repeating: false, count: manifest.attributeValues[slot.rawValue].count)
            for v in values {
                if let id = attributeTables.id(of: v, in: slot) { mask[Int(id)] = true }
            }
            masks.append(mask)
        }
        return PassageFilter(masks: masks)
    }
}
