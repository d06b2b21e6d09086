import CMLensCore
import Foundation

/// Finds themes by name: a `NAME.theme` file in `$CMLENS_THEMES`, `./Themes`, the installed
/// `share/cmlens/Themes` beside `bin/cmlens`, or the `Themes/` folder of the checkout the binary was
/// built in; else the copy compiled into the binary (so a binary copied alone still has its themes).
struct ThemeStore: Sendable {
    var folders: [String]

    init(folders: [String]) {
        self.folders = folders
    }

    /// The usual places, from the environment and the executable's location.
    static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> ThemeStore {
        var folders: [String] = []
        if let custom = environment["CMLENS_THEMES"], !custom.isEmpty { folders.append(custom) }
        // ./Themes, the installed share/cmlens/Themes beside bin/, the checkout's for a development build.
        folders += BundledFiles.candidates("Themes")
        return ThemeStore(folders: folders)
    }

    /// The named theme; a file that does not parse is an error the user must see.
    func theme(named name: String) throws -> Theme {
        for folder in folders {
            let path = folder + "/" + name + ".theme"
            // A folder the user may not search (one above the binary, say) just has no themes.
            guard FileManager.default.fileExists(atPath: path) else { continue }
            // InputFile: a pipe named like a theme must be refused, not waited on.
            let data: Data
            do {
                data = try InputFile.read(atPath: path, limit: InputFile.Limit.small)
            } catch {
                throw ThemeParser.Failure(file: path, line: 0, message: "theme file \(error); \(error.advice)")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw ThemeParser.Failure(file: path, line: 0, message: "theme file is not UTF-8 text; save it as UTF-8")
            }
            return try ThemeParser.parse(text, name: name, file: path)
        }
        if let text = BuiltInThemes.texts[name] {
            return try ThemeParser.parse(text, name: name, file: "built-in \(name).theme")
        }
        throw ThemeParser.Failure(file: name, line: 0,
                                  message: "no theme \"\(name)\"; available: \(availableNames.joined(separator: ", "))")
    }

    var availableNames: [String] {
        var names = Set(Theme.names)
        for folder in folders {
            for file in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where file.hasSuffix(".theme") {
                names.insert(String(file.dropLast(6)))
            }
        }
        return names.sorted()
    }

    /// The theme to start with: monochrome when NO_COLOR is set (any value, per no-color.org)
    /// or the terminal has no colours, else the requested one (dark by default).
    static func startingName(requested: String?, environment: [String: String], terminalHasColors: Bool) -> String {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return "monochrome" }
        if !terminalHasColors { return "monochrome" }
        return requested ?? "dark"
    }
}
