/// A `LIKE` pattern matching `text` anywhere, with wildcards in it taken literally.
pub(crate) fn contains(text: &str) -> String {
    format!("%{}%", text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"))
}
