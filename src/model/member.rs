/// One entry of a site's people directory as written on a page: a shortcode
/// call with `name` and `role` params that is not a card
/// (`{{< team/github-profile name="Ola Dahl" role="Teamleder, Oslo" >}}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// The name exactly as written (a trailing space included).
    pub name: String,
    /// The role exactly as written.
    pub role: String,
    /// The shortcode that carried the entry.
    pub shortcode: String,
    /// 1-based line of the call's `{{`.
    pub line: u32,
    /// 1-based byte column of the call's `{{`.
    pub column: u32,
}
