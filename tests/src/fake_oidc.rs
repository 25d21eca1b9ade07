//! A fake OpenID Connect provider for tests, following OpenID Connect Core 1.0
//! (authorization-code flow), Discovery 1.0, RFC 6749 and RFC 7636 (PKCE S256).
//!
//! Served by axum on `127.0.0.1:<random port>`. Its RS256 signing key is
//! generated at start-up with aws-lc-rs (no key files). Tests choose who signs
//! in ([`FakeOidc::set_next_identity`]) and can spoil the next ID token
//! ([`FakeOidc::set_next_fault`]) or rotate the signing key.
//!
//! Multi-tenant mode ([`FakeOidcOptions::tenant`]) imitates Microsoft's
//! `common` endpoint: the discovery document lives under `/common`, its issuer
//! is the template `{base}/{tenantid}`, and tokens carry `tid` with
//! `iss = {base}/{tid}`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use aws_lc_rs::signature::{KeyPair as _, RSA_PKCS1_SHA256, RsaKeyPair};
use axum::extract::{Form, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use hireops_adapters::oidc::OidcConfig;
use hireops_domain::auth::SsoProvider;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

/// How long an authorization code stays valid.
const CODE_TTL: Duration = Duration::from_secs(60);

/// Ways to spoil the next ID token the token endpoint issues (used once).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenFault {
    /// `aud` is another client.
    WrongAudience,
    /// `nonce` differs from the one sent to `/authorize`.
    WrongNonce,
    /// `exp` (and `iat`) lie in the past.
    Expired,
    /// Signed by a key the JWKS does not publish (fresh `kid`).
    UnknownKey,
    /// `iss` is another issuer (in multi-tenant mode: another tenant than `tid`).
    WrongIssuer,
    /// `at_hash` does not match the access token.
    WrongAccessTokenHash,
}

/// Who signs in at `/authorize`.
#[derive(Clone, Debug)]
pub struct FakeIdentity {
    pub subject: String,
    pub email: Option<String>,
    pub email_verified: Option<bool>,
}

/// Start-up options.
#[derive(Clone, Debug)]
pub struct FakeOidcOptions {
    /// `token_endpoint_auth_methods_supported`; the token endpoint accepts only these.
    pub token_auth_methods: Vec<&'static str>,
    /// Multi-tenant (Microsoft-like) mode with this tenant id.
    pub tenant: Option<String>,
}

impl Default for FakeOidcOptions {
    fn default() -> Self {
        Self { token_auth_methods: vec!["client_secret_basic", "client_secret_post"], tenant: None }
    }
}

struct SigningKey {
    kid: String,
    pair: RsaKeyPair,
}

impl SigningKey {
    fn generate() -> Self {
        let pair = RsaKeyPair::generate(aws_lc_rs::rsa::KeySize::Rsa2048).expect("RSA key generation");
        Self { kid: random_token(12), pair }
    }

    fn jwk(&self) -> Value {
        let public = self.pair.public_key();
        json!({
            "kty": "RSA",
            "use": "sig",
            "alg": "RS256",
            "kid": self.kid,
            "n": URL_SAFE_NO_PAD.encode(public.modulus().big_endian_without_leading_zero()),
            "e": URL_SAFE_NO_PAD.encode(public.exponent().big_endian_without_leading_zero()),
        })
    }

    fn sign_jwt(&self, claims: &Value) -> String {
        let header = json!({ "alg": "RS256", "typ": "JWT", "kid": self.kid });
        let signing_input = format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(serde_json::to_vec(&header).unwrap()),
            URL_SAFE_NO_PAD.encode(serde_json::to_vec(claims).unwrap())
        );
        let mut sig = vec![0u8; self.pair.public_modulus_len()];
        self.pair
            .sign(&RSA_PKCS1_SHA256, &aws_lc_rs::rand::SystemRandom::new(), signing_input.as_bytes(), &mut sig)
            .expect("RSA signing");
        format!("{signing_input}.{}", URL_SAFE_NO_PAD.encode(sig))
    }
}

struct Grant {
    identity: FakeIdentity,
    client_id: String,
    redirect_uri: String,
    nonce: Option<String>,
    code_challenge: String,
    issued: Instant,
}

struct Inner {
    key: SigningKey,
    next_identity: FakeIdentity,
    next_fault: Option<TokenFault>,
    codes: HashMap<String, Grant>,
    discovery_fetches: usize,
    jwks_fetches: usize,
    token_requests: usize,
    last_client_auth: Option<&'static str>,
}

struct Shared {
    base: String,
    /// Path prefix of every endpoint ("" or "/common").
    prefix: String,
    issuer: String,
    tenant: Option<String>,
    client_id: String,
    client_secret: String,
    redirect_uri: String,
    token_auth_methods: Vec<&'static str>,
    inner: Mutex<Inner>,
}

impl Shared {
    fn endpoint(&self, path: &str) -> String {
        format!("{}{}{}", self.base, self.prefix, path)
    }
}

/// A running fake provider; stops when dropped.
pub struct FakeOidc {
    /// The issuer identifier to configure (in multi-tenant mode, the `{tenantid}` template).
    pub issuer: String,
    /// `http://127.0.0.1:<port>`.
    pub base_url: String,
    /// The one registered client.
    pub client_id: String,
    pub client_secret: String,
    /// The one registered redirect URI (nothing listens there; tests read the Location header).
    pub redirect_uri: String,
    shared: Arc<Shared>,
    server: tokio::task::JoinHandle<()>,
}

impl Drop for FakeOidc {
    fn drop(&mut self) {
        self.server.abort();
    }
}

impl FakeOidc {
    /// Single-tenant provider accepting client_secret_basic and client_secret_post.
    pub async fn start() -> FakeOidc {
        Self::start_with(FakeOidcOptions::default()).await
    }

    pub async fn start_with(options: FakeOidcOptions) -> FakeOidc {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind fake OIDC provider");
        let base = format!("http://{}", listener.local_addr().unwrap());
        let (prefix, issuer) = match &options.tenant {
            Some(_) => ("/common".to_string(), format!("{base}/{{tenantid}}")),
            None => (String::new(), base.clone()),
        };
        let shared = Arc::new(Shared {
            base: base.clone(),
            prefix: prefix.clone(),
            issuer: issuer.clone(),
            tenant: options.tenant.clone(),
            client_id: "hireops-test-client".into(),
            client_secret: random_token(24),
            redirect_uri: "http://127.0.0.1:9/api/auth/sso/google/callback".into(),
            token_auth_methods: options.token_auth_methods.clone(),
            inner: Mutex::new(Inner {
                key: SigningKey::generate(),
                next_identity: FakeIdentity {
                    subject: "fake-subject-1".into(),
                    email: Some("user@example.com".into()),
                    email_verified: Some(true),
                },
                next_fault: None,
                codes: HashMap::new(),
                discovery_fetches: 0,
                jwks_fetches: 0,
                token_requests: 0,
                last_client_auth: None,
            }),
        });
        let app = Router::new()
            .route(&format!("{prefix}/.well-known/openid-configuration"), get(discovery))
            .route(&format!("{prefix}/jwks"), get(jwks))
            .route(&format!("{prefix}/authorize"), get(authorize))
            .route(&format!("{prefix}/token"), post(token))
            .with_state(shared.clone());
        let server = tokio::spawn(async move {
            axum::serve(listener, app).await.expect("fake OIDC provider");
        });
        FakeOidc {
            issuer,
            base_url: base,
            client_id: shared.client_id.clone(),
            client_secret: shared.client_secret.clone(),
            redirect_uri: shared.redirect_uri.clone(),
            shared,
            server,
        }
    }

    /// An adapter configuration for this provider.
    pub fn oidc_config(&self, provider: SsoProvider) -> OidcConfig {
        OidcConfig {
            provider,
            issuer_url: self.issuer.clone(),
            client_id: self.client_id.clone(),
            client_secret: self.client_secret.clone(),
            redirect_url: self.redirect_uri.clone(),
            scopes: OidcConfig::default_scopes(),
        }
    }

    /// Who the following authorizations sign in as (sticky until changed).
    pub fn set_next_identity(&self, subject: &str, email: &str, email_verified: bool) {
        self.set_next_identity_claims(subject, Some(email), Some(email_verified));
    }

    /// As [`Self::set_next_identity`], with claims that may be left out of the ID token.
    pub fn set_next_identity_claims(&self, subject: &str, email: Option<&str>, email_verified: Option<bool>) {
        self.inner().next_identity = FakeIdentity {
            subject: subject.into(),
            email: email.map(str::to_owned),
            email_verified,
        };
    }

    /// Spoil the next ID token issued by the token endpoint (once).
    pub fn set_next_fault(&self, fault: TokenFault) {
        self.inner().next_fault = Some(fault);
    }

    /// Replace the signing key; the JWKS publishes only the new one.
    pub fn rotate_key(&self) {
        let key = SigningKey::generate();
        self.inner().key = key;
    }

    pub fn discovery_fetches(&self) -> usize {
        self.inner().discovery_fetches
    }

    pub fn jwks_fetches(&self) -> usize {
        self.inner().jwks_fetches
    }

    pub fn token_requests(&self) -> usize {
        self.inner().token_requests
    }

    /// `client_secret_basic` or `client_secret_post`: how the last token request authenticated.
    pub fn last_client_auth(&self) -> Option<&'static str> {
        self.inner().last_client_auth
    }

    fn inner(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.shared.inner.lock().unwrap()
    }
}

async fn discovery(State(s): State<Arc<Shared>>) -> Json<Value> {
    s.inner.lock().unwrap().discovery_fetches += 1;
    Json(json!({
        "issuer": s.issuer,
        "authorization_endpoint": s.endpoint("/authorize"),
        "token_endpoint": s.endpoint("/token"),
        "jwks_uri": s.endpoint("/jwks"),
        "response_types_supported": ["code"],
        "response_modes_supported": ["query"],
        "grant_types_supported": ["authorization_code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "scopes_supported": ["openid", "email", "profile"],
        "token_endpoint_auth_methods_supported": s.token_auth_methods,
        "code_challenge_methods_supported": ["S256"],
        "claims_supported": ["iss", "aud", "sub", "exp", "iat", "nonce", "email", "email_verified", "tid"],
    }))
}

async fn jwks(State(s): State<Arc<Shared>>) -> Json<Value> {
    let mut inner = s.inner.lock().unwrap();
    inner.jwks_fetches += 1;
    Json(json!({ "keys": [inner.key.jwk()] }))
}

fn bad_request(msg: &str) -> Response {
    (StatusCode::BAD_REQUEST, msg.to_string()).into_response()
}

fn redirect(to: url::Url) -> Response {
    let mut resp = StatusCode::FOUND.into_response();
    resp.headers_mut().insert(header::LOCATION, HeaderValue::from_str(to.as_str()).unwrap());
    resp
}

/// OpenID Connect Core §3.1.2: the authorization endpoint (the user is
/// considered authenticated and consenting as the configured identity).
async fn authorize(State(s): State<Arc<Shared>>, Query(q): Query<HashMap<String, String>>) -> Response {
    // Errors about the client or redirect URI must not redirect (RFC 6749 §4.1.2.1).
    if q.get("client_id") != Some(&s.client_id) {
        return bad_request("unknown client_id");
    }
    let Some(redirect_uri) = q.get("redirect_uri").filter(|r| **r == s.redirect_uri) else {
        return bad_request("redirect_uri missing or not registered");
    };
    let mut back = url::Url::parse(redirect_uri).unwrap();
    let state = q.get("state").cloned();
    let error_back = |error: &str| {
        let mut back = back.clone();
        back.query_pairs_mut().append_pair("error", error);
        if let Some(state) = &state {
            back.query_pairs_mut().append_pair("state", state);
        }
        redirect(back)
    };
    if q.get("response_type").map(String::as_str) != Some("code") {
        return error_back("unsupported_response_type");
    }
    if !q.get("scope").is_some_and(|s| s.split(' ').any(|x| x == "openid")) {
        return error_back("invalid_scope");
    }
    let Some(code_challenge) = q.get("code_challenge").filter(|c| !c.is_empty()) else {
        return error_back("invalid_request");
    };
    if q.get("code_challenge_method").map(String::as_str) != Some("S256") {
        return error_back("invalid_request");
    }
    let code = random_token(32);
    {
        let mut inner = s.inner.lock().unwrap();
        let identity = inner.next_identity.clone();
        inner.codes.insert(
            code.clone(),
            Grant {
                identity,
                client_id: s.client_id.clone(),
                redirect_uri: redirect_uri.clone(),
                nonce: q.get("nonce").cloned(),
                code_challenge: code_challenge.clone(),
                issued: Instant::now(),
            },
        );
    }
    back.query_pairs_mut().append_pair("code", &code);
    if let Some(state) = &state {
        back.query_pairs_mut().append_pair("state", state);
    }
    redirect(back)
}

fn token_error(status: StatusCode, error: &str, description: &str) -> Response {
    let mut resp = (status, Json(json!({ "error": error, "error_description": description }))).into_response();
    resp.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if status == StatusCode::UNAUTHORIZED {
        resp.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Basic realm=\"fake-oidc\""));
    }
    resp
}

fn form_decode(s: &str) -> String {
    url::form_urlencoded::parse(format!("x={s}").as_bytes()).next().map(|(_, v)| v.into_owned()).unwrap_or_default()
}

/// RFC 6749 §2.3.1: client_secret_basic (form-urlencoded id and secret) or client_secret_post.
/// `Err` holds the error_description of an `invalid_client` answer.
fn client_auth(s: &Shared, headers: &HeaderMap, form: &HashMap<String, String>) -> Result<&'static str, &'static str> {
    let unauthorized = |d: &'static str| d;
    let (method, id, secret) = if let Some(value) = headers.get(header::AUTHORIZATION) {
        let value = value.to_str().map_err(|_| unauthorized("bad Authorization header"))?;
        let encoded = value.strip_prefix("Basic ").ok_or_else(|| unauthorized("not Basic"))?;
        let decoded = STANDARD.decode(encoded).ok().and_then(|b| String::from_utf8(b).ok()).ok_or_else(|| unauthorized("bad Basic"))?;
        let (id, secret) = decoded.split_once(':').ok_or_else(|| unauthorized("bad Basic"))?;
        ("client_secret_basic", form_decode(id), form_decode(secret))
    } else if let (Some(id), Some(secret)) = (form.get("client_id"), form.get("client_secret")) {
        ("client_secret_post", id.clone(), secret.clone())
    } else {
        return Err(unauthorized("no client authentication"));
    };
    if !s.token_auth_methods.contains(&method) {
        return Err(unauthorized("client authentication method not allowed"));
    }
    if id != s.client_id || secret != s.client_secret {
        return Err(unauthorized("wrong client credentials"));
    }
    Ok(method)
}

/// OpenID Connect Core §3.1.3: the token endpoint.
async fn token(State(s): State<Arc<Shared>>, headers: HeaderMap, Form(form): Form<HashMap<String, String>>) -> Response {
    s.inner.lock().unwrap().token_requests += 1;
    let method = match client_auth(&s, &headers, &form) {
        Ok(m) => m,
        Err(description) => return token_error(StatusCode::UNAUTHORIZED, "invalid_client", description),
    };
    s.inner.lock().unwrap().last_client_auth = Some(method);
    if form.get("grant_type").map(String::as_str) != Some("authorization_code") {
        return token_error(StatusCode::BAD_REQUEST, "unsupported_grant_type", "only authorization_code");
    }
    let invalid_grant = |d: &str| token_error(StatusCode::BAD_REQUEST, "invalid_grant", d);
    // Single use: the code is gone whatever happens next.
    let grant = form.get("code").and_then(|c| s.inner.lock().unwrap().codes.remove(c));
    let Some(grant) = grant else {
        return invalid_grant("unknown or used code");
    };
    if grant.issued.elapsed() > CODE_TTL {
        return invalid_grant("code expired");
    }
    if grant.client_id != s.client_id {
        return invalid_grant("code issued to another client");
    }
    if form.get("redirect_uri") != Some(&grant.redirect_uri) {
        return invalid_grant("redirect_uri mismatch");
    }
    // RFC 7636 §4.6: BASE64URL(SHA256(code_verifier)) == code_challenge.
    let Some(verifier) = form.get("code_verifier").filter(|v| (43..=128).contains(&v.len())) else {
        return invalid_grant("code_verifier missing or malformed");
    };
    if URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes())) != grant.code_challenge {
        return invalid_grant("PKCE verification failed");
    }

    let access_token = random_token(32);
    let mut inner = s.inner.lock().unwrap();
    let fault = inner.next_fault.take();
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs() as i64;
    let (iat, exp) = if fault == Some(TokenFault::Expired) { (now - 7200, now - 3600) } else { (now, now + 3600) };
    let iss = match (&s.tenant, fault) {
        (Some(_), Some(TokenFault::WrongIssuer)) => format!("{}/another-tenant", s.base),
        (Some(tid), _) => s.issuer.replace("{tenantid}", tid),
        (None, Some(TokenFault::WrongIssuer)) => format!("{}/another-issuer", s.base),
        (None, _) => s.issuer.clone(),
    };
    let aud = if fault == Some(TokenFault::WrongAudience) { "another-client".to_string() } else { grant.client_id.clone() };
    let digest = Sha256::digest(access_token.as_bytes());
    let mut at_hash = URL_SAFE_NO_PAD.encode(&digest[..16]);
    if fault == Some(TokenFault::WrongAccessTokenHash) {
        at_hash = URL_SAFE_NO_PAD.encode(&Sha256::digest(b"something else")[..16]);
    }
    let mut claims = json!({ "iss": iss, "aud": aud, "sub": grant.identity.subject, "iat": iat, "exp": exp, "at_hash": at_hash });
    let nonce = match (fault, grant.nonce) {
        (Some(TokenFault::WrongNonce), _) => Some(random_token(16)),
        (_, n) => n,
    };
    if let Some(nonce) = nonce {
        claims["nonce"] = json!(nonce);
    }
    if let Some(email) = &grant.identity.email {
        claims["email"] = json!(email);
    }
    if let Some(verified) = grant.identity.email_verified {
        claims["email_verified"] = json!(verified);
    }
    if let Some(tid) = &s.tenant {
        claims["tid"] = json!(tid);
    }
    let id_token = if fault == Some(TokenFault::UnknownKey) {
        SigningKey::generate().sign_jwt(&claims)
    } else {
        inner.key.sign_jwt(&claims)
    };
    drop(inner);

    let mut resp = Json(json!({
        "access_token": access_token,
        "token_type": "Bearer",
        "expires_in": 3600,
        "scope": "openid email profile",
        "id_token": id_token,
    }))
    .into_response();
    resp.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    resp
}

fn random_token(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    aws_lc_rs::rand::fill(&mut buf).expect("randomness");
    URL_SAFE_NO_PAD.encode(buf)
}
