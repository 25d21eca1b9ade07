//! Turning what a user typed into a MySQL FULLTEXT query, once for every
//! search box (jobs, candidates, the global search, the public board): what
//! is required, what is dropped and when substring matching takes over are
//! rules with unit tests, not SQL accidents.

/// InnoDB's `innodb_ft_min_token_size` default: shorter words are not indexed.
pub const MIN_INDEXED_WORD: usize = 3;

/// InnoDB's default stopword list (`INNODB_FT_DEFAULT_STOPWORD`): these words
/// are not indexed, so requiring one would make a query match nothing.
pub const STOPWORDS: &[&str] = &[
    "a", "about", "an", "are", "as", "at", "be", "by", "com", "de", "en", "for", "from", "how", "i", "in", "is", "it", "la",
    "of", "on", "or", "that", "the", "this", "to", "was", "what", "when", "where", "who", "will", "with", "und", "www",
];

/// The FULLTEXT side of a search, derived from the user's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextQuery {
    /// Lower-cased words as typed (operators stripped), for snippets.
    pub words: Vec<String>,
    /// `MATCH … AGAINST (? IN BOOLEAN MODE)`: `+word*` for every indexable word
    /// (≥ 3 chars, not a stopword), `word*` (optional) for 2-char words.
    /// None when no word is indexable: the adapter then matches `like_words`.
    pub boolean: Option<String>,
    /// `MATCH … AGAINST (? IN NATURAL LANGUAGE MODE)`: the words, for scoring.
    pub natural: String,
    /// Only when `boolean` is None: every one must occur as a substring.
    pub like_words: Vec<String>,
}

/// The user's words: runs of letters, digits and `_` (how InnoDB tokenizes),
/// lower-cased. Everything else — boolean operators `+ - < > ( ) ~ * " @`,
/// quotes, punctuation — only separates words.
pub fn words_of(q: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in q.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
        if w.is_empty() {
            continue;
        }
        let w = w.to_lowercase();
        if !out.contains(&w) {
            out.push(w);
        }
    }
    out
}

/// Build the FULLTEXT queries from `q` (already non-blank). Words of one
/// character are dropped; words InnoDB does not index (shorter than
/// `MIN_INDEXED_WORD`, or stopwords) are never required, so they cannot make
/// the query match nothing. `None` when no word of ≥ 2 characters is left.
pub fn build_text_query(q: &str) -> Option<TextQuery> {
    let words: Vec<String> = words_of(q).into_iter().filter(|w| w.chars().count() >= 2).collect();
    if words.is_empty() {
        return None;
    }
    let indexable = |w: &str| w.chars().count() >= MIN_INDEXED_WORD && !STOPWORDS.contains(&w);
    let required: Vec<String> = words.iter().filter(|w| indexable(w)).map(|w| format!("+{w}*")).collect();
    let (boolean, like_words) = if required.is_empty() {
        (None, words.clone())
    } else {
        let optional = words.iter().filter(|w| !indexable(w) && !STOPWORDS.contains(&w.as_str())).map(|w| format!("{w}*"));
        (Some(required.into_iter().chain(optional).collect::<Vec<_>>().join(" ")), Vec::new())
    };
    Some(TextQuery { natural: words.join(" "), words, boolean, like_words })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_indexable_word_is_a_required_prefix() {
        let t = build_text_query("Rust  Engineer").unwrap();
        assert_eq!(t.boolean.as_deref(), Some("+rust* +engineer*"));
        assert_eq!(t.natural, "rust engineer");
        assert_eq!(t.words, ["rust", "engineer"]);
        assert!(t.like_words.is_empty());
    }

    #[test]
    fn boolean_operators_and_quotes_are_stripped() {
        let t = build_text_query(r#"+java -"senior" (dev*) ~ops <x> @3 'scala'"#).unwrap();
        assert_eq!(t.boolean.as_deref(), Some("+java* +senior* +dev* +ops* +scala*"));
        assert!(!t.natural.contains(['+', '-', '"', '*', '(', '@']));
        let t = build_text_query("c++ node.js").unwrap();
        assert_eq!(t.words, ["node", "js"]);
        assert_eq!(t.boolean.as_deref(), Some("+node* js*"));
    }

    #[test]
    fn short_words_and_stopwords_are_never_required() {
        let t = build_text_query("Go developer in the cloud").unwrap();
        assert_eq!(t.boolean.as_deref(), Some("+developer* +cloud* go*"));
        assert_eq!(t.words, ["go", "developer", "in", "the", "cloud"]);
        // Only short words: substring matching instead of nothing.
        let t = build_text_query("go ai").unwrap();
        assert_eq!(t.boolean, None);
        assert_eq!(t.like_words, ["go", "ai"]);
        // Only one-character words: nothing to search.
        assert_eq!(build_text_query("a b +"), None);
    }

    #[test]
    fn repeated_words_count_once() {
        assert_eq!(build_text_query("rust RUST Rust").unwrap().boolean.as_deref(), Some("+rust*"));
    }
}
