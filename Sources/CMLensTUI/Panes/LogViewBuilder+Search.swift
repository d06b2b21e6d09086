import CMLensCore
import Dispatch
import Synchronization

/// The Logs pane's `/`, `n` and `N`, in the background. Two parts run at once: the engine's byte
/// search of every file finds every match of the workspace (for `n`/`N` and the scrollbar), and a
/// walk of the view from the cursor finds the next match sooner, most often within a screen or
/// two, so it is shown before the scan ends.
extension LogViewBuilder {
    struct SearchResult: Sendable {
        var generation: Int
        var found: Int?
        var wrapped: Bool
        /// Every matching record of the workspace, kept by the pane for `n`/`N`; nil in the walk's
        /// early answer.
        var matches: SearchMatches?
        /// The scrollbar's marks with the matches of the view.
        var density: ViewDensity?
    }

    /// Positions of the view the walk looks at before it leaves the answer to the scan.
    static let walkLimit = 1 << 18
    /// Positions the walk matches at a time; the first batch is walked before the scan starts.
    static let walkBatch = 4096

    /// The next record of the view whose message (or component) matches, from `start` in
    /// `direction`, wrapping once. The engine finds every match of the workspace once (a byte
    /// search of each file); walking the view from the cursor is then a bit test per record.
    ///
    /// Meanwhile the view is walked from `start` record by record, matched as the engine matches
    /// them (`RecordSearch.Probe`): the first match it meets is the answer, handed to `post` at
    /// once. The walk stops at its limit, when the scan ends, or when the job is cancelled.
    static func search(_ view: [RecordReference], logs: LoadedLogs, pattern: TextPattern, start: Int,
                       forward: Bool, generation: Int, known: SearchMatches?, density: ViewDensity,
                       progress: JobProgress, post: @escaping @Sendable (SearchResult) -> Void = { _ in }) -> SearchResult {
        if let known, known.pattern == pattern {
            return answer(view, matches: known, start: start, forward: forward, generation: generation, density: nil)
        }
        @Sendable func walked(_ steps: Range<Int>, isStopped: () -> Bool) -> Bool {
            let probe = RecordSearch.Probe(pattern, in: logs, fields: .messageAndComponent)
            switch walk(view, probe: probe, start: start, forward: forward, steps: steps, isStopped: isStopped) {
            case .found(let position, let wrapped):
                post(SearchResult(generation: generation, found: position, wrapped: wrapped))
                return true
            case .none, .stopped:
                return false
            }
        }
        let limit = min(view.count, walkLimit)
        let first = 0..<min(limit, walkBatch)
        let scanned = Flag()
        let walking = DispatchGroup()
        if !walked(first, isStopped: { progress.isCancelled }) && limit > first.upperBound {
            DispatchQueue.global(qos: .userInitiated).async(group: walking) {
                _ = walked(first.upperBound..<limit) { progress.isCancelled || scanned.isSet }
            }
        }
        let found = RecordSearch.run(pattern, in: logs, files: Array(logs.files.indices), fields: .messageAndComponent,
                                     progress: { progress.report($0, of: $1) },
                                     isCancelled: { progress.isCancelled })
        scanned.set()
        // The walk's answer, if it has one, is handed over before the scan's.
        walking.wait()
        guard let found else { return SearchResult(generation: generation, found: nil, wrapped: false) }
        let matches = SearchMatches(pattern: pattern, byFile: found)
        return answer(view, matches: matches, start: start, forward: forward, generation: generation,
                      density: density.with(matches, in: view))
    }

    /// The first match of the view from `start`, with every match known.
    static func answer(_ view: [RecordReference], matches: SearchMatches, start: Int, forward: Bool, generation: Int,
                       density: ViewDensity?) -> SearchResult {
        let count = view.count
        for step in 0..<count {
            let (position, wrapped) = place(step, from: start, forward: forward, count: count)
            if matches.contains(view[position]) {
                return SearchResult(generation: generation, found: position, wrapped: wrapped, matches: matches, density: density)
            }
        }
        return SearchResult(generation: generation, found: nil, wrapped: false, matches: matches, density: density)
    }

    /// The position `step` records from `start` in `direction`, wrapping, and whether it wrapped.
    static func place(_ step: Int, from start: Int, forward: Bool, count: Int) -> (position: Int, wrapped: Bool) {
        let raw = forward ? start + step : start - step
        return (((raw % count) + count) % count, forward ? raw >= count : raw < 0)
    }

    enum WalkOutcome: Equatable {
        case found(position: Int, wrapped: Bool)
        /// No position of the steps walked matches.
        case none
        case stopped
    }

    /// The first match among positions `steps` from `start` (in the order `answer` looks at them),
    /// `batch` positions matched at a time.
    /// - Complexity: per batch, a byte search over the spans of the files its records lie in, plus
    ///   a decode and a match per record holding the pattern's required text.
    static func walk(_ view: [RecordReference], probe: RecordSearch.Probe, start: Int, forward: Bool, steps: Range<Int>,
                     batch: Int = walkBatch, isStopped: () -> Bool) -> WalkOutcome {
        let count = view.count
        guard count > 0 else { return .none }
        var low = steps.lowerBound
        while low < steps.upperBound {
            let high = min(low + batch, steps.upperBound)
            let refs = (low..<high).map { view[place($0, from: start, forward: forward, count: count).position] }
            guard let matched = probe.matches(refs[...], isCancelled: isStopped) else { return .stopped }
            if let first = matched.firstIndex(of: true) {
                let (position, wrapped) = place(low + first, from: start, forward: forward, count: count)
                return .found(position: position, wrapped: wrapped)
            }
            if isStopped() { return .stopped }
            low = high
        }
        return .none
    }
}

/// Set once, read from any thread: the scan has ended.
private final class Flag: Sendable {
    private let value = Atomic<Bool>(false)
    var isSet: Bool { value.load(ordering: .relaxed) }
    func set() { value.store(true, ordering: .relaxed) }
}

/// Every record of a workspace a search pattern matches.
struct SearchMatches: Sendable {
    var pattern: TextPattern
    var byFile: [Int: RecordBits]

    func contains(_ ref: RecordReference) -> Bool { byFile[Int(ref.file)]?.contains(Int(ref.index)) ?? false }
}

extension TextPattern {
    /// The matched runs of `text`, as ranges of display columns (for highlighting).
    func columnRanges(in text: String) -> [Range<Int>] {
        ranges(in: text).map { range in
            let start = DisplayWidth.of(text[..<range.lowerBound])
            return start..<(start + DisplayWidth.of(text[range]))
        }
    }
}
