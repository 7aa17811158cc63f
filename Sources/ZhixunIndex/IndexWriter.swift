import Foundation

/// Writes the postings and passage data accumulated by an ``IndexBuilder`` as one immutable
/// generation directory, ending with its manifest (sizes and checksums of every file).
public enum IndexWriter {
    /// Progress of the write phase, for terminals.
    public struct Progress: Sendable {
        public var termsWritten: Int
        public var termCount: Int
    }

    /// Writes the generation into `directory` (which must exist and be empty) and returns its manifest.
    public static func write(
        _ builder: IndexBuilder, to directory: String, generation: String,
        progress: ((Progress) -> Void)? = nil
    ) throws -> IndexManifest {
        let fields = IndexField.count
        let passages = builder.passageCount
        let averages = builder.fieldLengths.withUnsafeBufferPointer { BM25FScorer.averages(fieldLengths: $0) }
        let scorer = builder.fieldLengths.withUnsafeBufferPointer {
            BM25FScorer(parameters: builder.parameters, fieldLengths: $0, averages: averages)
        }
        let path = { (name: String) in directory + "/" + name }

        // Terms in key order.
        let order = builder.termKeys.indices.sorted { builder.termKeys[$0] < builder.termKeys[$1] }
        let termsFile = try FileSink(path: path(IndexManifest.FileName.terms))
        let infoFile = try FileSink(path: path(IndexManifest.FileName.termInfo))
        let postingsFile = try FileSink(path: path(IndexManifest.FileName.postings))
        var encoder = BlockEncoder()
        var chainBytes: [UInt8] = []
        var docs: [UInt32] = []
        var freqs: [UInt32] = []
        for (n, ti) in order.enumerated() {
            builder.pool.read(builder.chains[ti], into: &chainBytes)
            decodeChain(chainBytes, docs: &docs, freqs: &freqs)
            let idf = ScoringParameters.idf(docFreq: docs.count, docCount: passages)
            let offset = postingsFile.offset
            let encoded = encoder.encode(docs: docs, freqs: freqs, idf: idf, scorer: scorer)
            try postingsFile.append(encoded.bytes)
            termsFile.append(builder.termKeys[ti])
            infoFile.append(UInt64(offset))
            infoFile.append(UInt32(docs.count))
            infoFile.append(UInt32(encoded.blockCount))
            infoFile.append(encoded.maxScore)
            infoFile.append(idf)
            if n % 65_536 == 0 { progress?(Progress(termsWritten: n, termCount: order.count)) }
        }
        try postingsFile.append([UInt8](repeating: 0, count: RecordLayout.tailPadding))
        progress?(Progress(termsWritten: order.count, termCount: order.count))

        let passagesFile = try FileSink(path: path(IndexManifest.FileName.passages))
        let slots = PassageAttributes.Slot.allCases.count
        for p in 0..<passages {
            for f in 0..<fields { passagesFile.append(builder.fieldLengths[p * fields + f]) }
            for s in 0..<slots { passagesFile.append(builder.attributeIDs[p * slots + s]) }
        }
        let storedIndex = try FileSink(path: path(IndexManifest.FileName.storedIndex))
        for o in builder.storedOffsets { storedIndex.append(o) }
        let storedFile = try FileSink(path: path(IndexManifest.FileName.stored))
        try storedFile.append(builder.stored)

        var files: [String: IndexManifest.FileEntry] = [:]
        for sink in [termsFile, infoFile, postingsFile, passagesFile, storedIndex, storedFile] {
            try sink.finish()
            let mapped = try MappedFile(path: sink.path)
            files[(sink.path as NSString).lastPathComponent] = .init(
                bytes: mapped.bytes.count, checksum: Checksum.hex(mapped.bytes))
        }
        let manifest = IndexManifest(
            formatVersion: IndexManifest.currentFormatVersion,
            generation: generation,
            createdAt: ISO8601DateFormatter().string(from: Date()),
            passageCount: passages,
            termCount: order.count,
            postingCount: builder.postingCount,
            inputBytes: builder.inputBytes,
            fields: IndexField.allCases.map(\.name),
            parameters: builder.parameters,
            averageFieldLengths: averages,
            attributeValues: builder.attributeTables.values,
            files: files)
        let encoder2 = JSONEncoder()
        encoder2.outputFormatting = [.prettyPrinted, .sortedKeys]
        let manifestSink = try FileSink(path: path(IndexManifest.FileName.manifest))
        try manifestSink.append([UInt8](try encoder2.encode(manifest)))
        try manifestSink.finish()
        return manifest
    }

    /// Decodes a term's chain (varint delta<<fields | mask, then one varint per set field).
    static func decodeChain(_ bytes: [UInt8], docs: inout [UInt32], freqs: inout [UInt32]) {
        docs.removeAll(keepingCapacity: true)
        freqs.removeAll(keepingCapacity: true)
        var i = 0
        var doc: Int64 = -1
        func varint() -> UInt64 {
            var v: UInt64 = 0, shift: UInt64 = 0
            while true {
                let b = bytes[i]; i += 1
                v |= UInt64(b & 0x7F) << shift
                if b < 0x80 { return v }
                shift += 7
            }
        }
        while i < bytes.count {
            let head = varint()
            doc += Int64(head >> UInt64(IndexField.count))
            docs.append(UInt32(doc))
            for f in 0..<IndexField.count {
                freqs.append(head & (1 << UInt64(f)) != 0 ? UInt32(varint()) : 0)
            }
        }
    }
}
