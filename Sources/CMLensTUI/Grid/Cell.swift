/// One screen cell: a character and what it means.
///
/// A wide character (CJK) takes two cells: the first holds it, the second is a continuation
/// that the backend never draws, because the terminal fills it with the right half.
struct Cell: Sendable, Hashable {
    var scalar: Unicode.Scalar
    var role: Role
    var isContinuation: Bool

    init(_ scalar: Unicode.Scalar = " ", role: Role = .text, isContinuation: Bool = false) {
        self.scalar = scalar
        self.role = role
        self.isContinuation = isContinuation
    }

    static let blank = Cell()
}
