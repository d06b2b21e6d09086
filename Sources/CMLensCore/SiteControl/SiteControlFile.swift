import Foundation

/// A site control file (`sitectrl.ct0/.ct1/.ct2`) read generically: every block, item and property
/// is kept with its file and line, so any setting can be looked up, not only the ones cmlens knows.
///
/// ```
/// BEGIN_CLIENT_COMPONENT
///     <Software Distribution>
///     PROPERTY <Execution Failure Retry Count><REG_DWORD><><1008>
///     BEGIN_PROPERTY_LIST
///         <Copy Queue>
///         <(REG_DWORD)Item Lifetime=11520>
///     END_PROPERTY_LIST
/// END_CLIENT_COMPONENT
/// ```
public struct SiteControlFile: Sendable {
    public var path: String
    public var blocks: [Block] = []
    /// Lines that could not be read; the rest of the file still is.
    public var problems: [LoadProblem] = []

    public struct Block: Sendable, Hashable {
        /// `CLIENT_COMPONENT` for `BEGIN_CLIENT_COMPONENT`.
        public var kind: String
        /// The `<…>` header lines before the first property: the item's name, type, site code.
        public var header: [String] = []
        /// The block's `SITE_KEY_FLAGS <n>` value, when it has one.
        public var flags: String?
        public var properties: [Property] = []
        /// Entries of a property list or multi-string list (`<(REG_DWORD)Name=Value>` or `<value>`).
        public var entries: [String] = []
        public var children: [Block] = []
        public var line: Int

        /// The item's name: its first header field (`Software Distribution`).
        public var name: String? { header.first }
    }

    public struct Property: Sendable, Hashable {
        public var name: String
        /// `REG_SZ`, `REG_DWORD`, `REG_MULTI_SZ`, …
        public var type: String
        /// The 3rd field: the value of REG_SZ properties.
        public var string: String
        /// The 4th field: the value of REG_DWORD properties.
        public var integer: String
        public var line: Int

        /// The value as the type says: the 4th field for REG_DWORD, the 3rd otherwise.
        public var value: String { type.uppercased() == "REG_DWORD" ? integer : string }
    }

    /// Every property in the file, depth first, with the chain of blocks around it.
    public func allProperties() -> [(path: [Block], property: Property)] {
        var out: [(path: [Block], property: Property)] = []
        func walk(_ block: Block, _ path: [Block]) {
            let here = path + [block]
            for property in block.properties { out.append((here, property)) }
            for child in block.children { walk(child, here) }
        }
        for block in blocks { walk(block, []) }
        return out
    }

    /// The first property with this name (case-insensitive), anywhere in the file.
    public func property(named name: String) -> Property? {
        allProperties().first { $0.property.name.caseInsensitiveCompare(name) == .orderedSame }?.property
    }

    /// Every block, depth first.
    public func allBlocks() -> [Block] {
        var out: [Block] = []
        func walk(_ block: Block) {
            out.append(block)
            block.children.forEach(walk)
        }
        blocks.forEach(walk)
        return out
    }

    /// The first property list or multi-string list with this name (case-insensitive), anywhere.
    public func list(named name: String) -> Block? {
        allBlocks().first { $0.kind.hasSuffix("_LIST") && $0.name?.caseInsensitiveCompare(name) == .orderedSame }
    }
}
