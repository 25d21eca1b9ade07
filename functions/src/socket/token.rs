//! The access token of a WebSocket handshake. Browsers cannot set headers on
//! a WebSocket, so it comes as `?access_token=` or as the second entry of
//! `Sec-WebSocket-Protocol: bearer, <token>`.

use axum::http::HeaderMap;

/// The token, and whether it came as the subprotocol (the answer must then
/// select `bearer`, or browsers drop the connection).
pub fn handshake_token(query_token: Option<&str>, headers: &HeaderMap) -> Option<(String, bool)> {
    if let Some(t) = query_token.map(str::trim).filter(|t| !t.is_empty()) {
        return Some((t.to_owned(), false));
    }
    let protocols = headers.get("sec-websocket-protocol")?.to_str().ok()?;
    let mut parts = protocols.split(',').map(str::trim);
    if !parts.next()?.eq_ignore_ascii_case("bearer") {
        return None;
    }
    parts.next().filter(|t| !t.is_empty()).map(|t| (t.to_owned(), true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_first_then_the_bearer_subprotocol() {
        let mut headers = HeaderMap::new();
        assert_eq!(handshake_token(Some(" t1 "), &headers), Some(("t1".into(), false)));
        assert_eq!(handshake_token(None, &headers), None);
        headers.insert("sec-websocket-protocol", "bearer, t2".parse().unwrap());
        assert_eq!(handshake_token(Some(""), &headers), Some(("t2".into(), true)));
        headers.insert("sec-websocket-protocol", "chat, t2".parse().unwrap());
        assert_eq!(handshake_token(None, &headers), None);
    }
}
