/// The theme files of `Themes/`, compiled in so the console looks right wherever the binary is.
/// `ThemeFilesTests` checks that these copies match the files.
enum BuiltInThemes {
    static let texts: [String: String] = [
        "dark": #"""
        # cmlens theme "dark": the default, for dark terminal backgrounds.
        # role = FOREGROUND [on BACKGROUND] [bold] [underline] [reverse] [dim]
        # Colours: default, black red green yellow blue magenta cyan white,
        # or a 256-colour number with the 8-colour name to use on smaller terminals: 208/yellow.
        # Roles not listed look like `text`.
        text           = default
        dim            = 245/white
        header         = 153/cyan bold
        title          = 117/cyan bold
        selection      = black on 117/cyan
        error          = 203/red bold
        warning        = 221/yellow
        info           = default
        verbose        = 245/white
        match          = black on 220/yellow bold
        mark           = 213/magenta bold
        border         = 67/blue
        statusBar      = 252/white on 237/blue
        statusKey      = 221/yellow on 237/blue bold
        tabActive      = black on 117/cyan bold
        tabInactive    = 252/white on 237/blue
        tabUnavailable = 243/white on 237/blue
        prompt         = default bold
        popup          = 252/white on 236/blue
        ready          = 114/green on 237/blue bold
        """#,
        "light": #"""
        # cmlens theme "light": for light terminal backgrounds.
        # role = FOREGROUND [on BACKGROUND] [bold] [underline] [reverse] [dim]
        # Colours: default, black red green yellow blue magenta cyan white,
        # or a 256-colour number with the 8-colour name to use on smaller terminals: 208/yellow.
        # Roles not listed look like `text`.
        text           = default
        dim            = 243/black
        header         = 24/blue bold
        title          = 25/blue bold
        selection      = white on 25/blue
        error          = 160/red bold
        warning        = 130/yellow bold
        info           = default
        verbose        = 243/black
        match          = black on 214/yellow
        mark           = 127/magenta bold
        border         = 103/blue
        statusBar      = black on 252/white
        statusKey      = 25/blue on 252/white bold
        tabActive      = white on 25/blue bold
        tabInactive    = black on 252/white
        tabUnavailable = 246/black on 252/white
        prompt         = default bold
        popup          = black on 254/white
        ready          = 28/green on 252/white bold
        """#,
        "monochrome": #"""
        # cmlens theme "monochrome": attributes only; used for NO_COLOR and terminals without colours.
        # role = FOREGROUND [on BACKGROUND] [bold] [underline] [reverse] [dim]
        # Roles not listed look like `text`.
        text           = default
        dim            = default dim
        header         = default bold underline
        title          = default bold
        selection      = default reverse
        error          = default bold
        warning        = default underline
        info           = default
        verbose        = default dim
        match          = default reverse underline
        mark           = default bold underline
        border         = default
        statusBar      = default reverse
        statusKey      = default reverse bold
        tabActive      = default bold underline
        tabInactive    = default reverse
        tabUnavailable = default reverse dim
        prompt         = default bold
        popup          = default reverse
        ready          = default reverse bold
        """#,
    ]
}
