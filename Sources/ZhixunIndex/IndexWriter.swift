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

        // Terms in key order, merged across the builder's accumulators.
        builder.sealPostings()
        let merged = MergedTerms(builder.accumulators)
        let keys = merged.keys
        let termsFile = try FileSink(path: path(IndexManifest.FileName.terms))
        let infoFile = try FileSink(path: path(IndexManifest.FileName.termInfo))
        let postingsFile = try FileSink(path: path(IndexManifest.FileName.postings))
        var dictionary = TermDictionary.Writer(terms: termsFile, index: infoFile)

        // Terms are encoded in parallel, one chunk of the key order per task, and appended to the
        // files in order by whichever worker finishes the chunk in line: writing overlaps encoding
        // and no core waits at a barrier. Chunks differ in postings (frequent terms cluster), so
        // there are many small ones; the window bounds how many finished chunks wait in memory.
        let chunkSize = 4096
        let chunks = stride(from: 0, to: keys.count, by: chunkSize).map { $0..<min($0 + chunkSize, keys.count) }
        var written = 0
        let drain = InOrderDrain<EncodedChunk>(window: 16) { chunk in
            for (i, term) in chunk.terms.enumerated() {
                let end = i + 1 < chunk.terms.count ? chunk.terms[i + 1].offset : chunk.bytes.count
                try dictionary.add(key: keys[term.number], docFreq: term.docFreq,
                                   postingsOffset: postingsFile.offset + term.offset,
                                   postingsBytes: end - term.offset, maxScore: Float(term.maxScore))
            }
            try postingsFile.append(chunk.bytes)
            written += chunk.terms.count
            progress?(Progress(termsWritten: written, termCount: keys.count))
        }
        nonisolated(unsafe) let accumulators = builder.accumulators  // read-only while workers run
        DispatchQueue.concurrentPerform(iterations: chunks.count) { c in
            drain.waitForTurn(c)
            guard !drain.failed else { return drain.finish(c, EncodedChunk()) }
            drain.finish(c, encodeChunk(chunks[c], merged: merged, accumulators: accumulators, scorer: scorer,
                                        passages: passages))
        }
        if let error = drain.error { throw error }
        try postingsFile.append([UInt8](repeating: 0, count: RecordLayout.tailPadding))
        progress?(Progress(termsWritten: keys.count, termCount: keys.count))

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
            termCount: keys.count,
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

    /// One encoded term of a chunk; `offset` is relative to the chunk's bytes.
    struct EncodedTerm {
        var number: Int
        var offset: Int
        var docFreq: Int
        var maxScore: Double
    }

    struct EncodedChunk {
        var terms: [EncodedTerm] = []
        var bytes: [UInt8] = []
    }

    /// Encodes the terms `range` of the merged key order (the accumulators are only read).
    static func encodeChunk(_ range: Range<Int>, merged: MergedTerms, accumulators: [PostingAccumulator],
                            scorer: BM25FScorer, passages: Int) -> EncodedChunk {
        var encoder = BlockEncoder()
        var chainBytes: [UInt8] = []
        // Scratch sized to the chunk's largest term, written through pointers.
        var docs: [UInt32] = []
        var freqs: [UInt32] = []
        var chunk = EncodedChunk()
        for ti in range {
            var n = 0
            merged.forEachMember(of: ti) { a, number in n += accumulators[a].docFreq(of: number) }
            if docs.count < n {
                docs = [UInt32](repeating: 0, count: n)
                freqs = [UInt32](repeating: 0, count: n * IndexField.count)
            }
            docs.withUnsafeMutableBufferPointer { docs in
                freqs.withUnsafeMutableBufferPointer { freqs in
                    var filled = 0
                    merged.forEachMember(of: ti) { a, number in
                        accumulators[a].pool.read(accumulators[a].chain(of: number), into: &chainBytes)
                        filled = decodeChain(chainBytes, docs: docs, freqs: freqs, from: filled)
                    }
                    precondition(filled == n, "a posting chain holds \(filled) postings, its term counted \(n)")
                    let idf = ScoringParameters.idf(docFreq: n, docCount: passages)
                    let offset = chunk.bytes.count
                    let encoded = encoder.encode(
                        docs: UnsafeBufferPointer(rebasing: docs[0..<n]),
                        freqs: UnsafeBufferPointer(rebasing: freqs[0..<(n * IndexField.count)]),
                        idf: idf, scorer: scorer, into: &chunk.bytes)
                    chunk.terms.append(EncodedTerm(number: ti, offset: offset, docFreq: n, maxScore: encoded.maxScore))
                }
            }
        }
        return chunk
    }

    /// Decodes a term's chain (varint delta<<fields | mask, then one varint per set field; the first
    /// delta counts from −1, so passages come out absolute) into `docs` and `freqs` (four per
    /// posting) from posting `first`; returns the postings filled so far. The buffers hold the
    /// term's document frequency, which counts every posting of its chains.
    static func decodeChain(_ bytes: [UInt8], docs: UnsafeMutableBufferPointer<UInt32>,
                            freqs: UnsafeMutableBufferPointer<UInt32>, from first: Int) -> Int {
        var k = first
        bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return }
            let end = base + b.count
            var p = base
            @inline(__always) func varint() -> UInt64 {
                var v: UInt64 = 0, shift: UInt64 = 0
                while p < end {
                    let byte = p.pointee
                    p += 1
                    v |= UInt64(byte & 0x7F) << shift
                    if byte < 0x80 { break }
                    shift += 7
                }
                return v
            }
            assert(IndexField.count == 4, "the chain format holds four fields, as PostingAccumulator writes")
            var doc: Int64 = -1
            while p < end, k < docs.count {
                let head = varint()
                doc += Int64(head >> UInt64(IndexField.count))
                docs[k] = UInt32(truncatingIfNeeded: doc)
                freqs[k * 4] = head & 1 != 0 ? UInt32(truncatingIfNeeded: varint()) : 0
                freqs[k * 4 + 1] = head & 2 != 0 ? UInt32(truncatingIfNeeded: varint()) : 0
                freqs[k * 4 + 2] = head & 4 != 0 ? UInt32(truncatingIfNeeded: varint()) : 0
                freqs[k * 4 + 3] = head & 8 != 0 ? UInt32(truncatingIfNeeded: varint()) : 0
                k += 1
            }
        }
        return k
    }
}
