//! The OpenID Connect adapter against the fake provider, driven like a browser.

use hireops_adapters::oidc::{OidcConfig, OidcProviderClient};
use hireops_domain::DomainError;
use hireops_domain::auth::{SsoProvider, VerifiedIdentity};
use hireops_domain::ports::OidcClient;
use hireops_tests::fake_oidc::{FakeOidc, FakeOidcOptions, TokenFault};
use std::collections::HashMap;

const STATE: &str = "state-0123456789";
const NONCE: &str = "nonce-0123456789";

fn adapter(fake: &FakeOidc) -> OidcProviderClient {
    OidcProviderClient::new(fake.oidc_config(SsoProvider::Google)).expect("valid config")
}

/// What a browser does: follow the authorization URL to the provider and read
/// the redirect back to us. Returns the query of the redirect.
async fn browse(url: &str, redirect_uri: &str) -> HashMap<String, String> {
    let browser = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let resp = browser.get(url).send().await.expect("provider reachable");
    assert_eq!(resp.status(), reqwest::StatusCode::FOUND, "authorize answered {}", resp.status());
    let location = resp.headers()["location"].to_str().unwrap().to_owned();
    assert!(location.starts_with(redirect_uri), "redirected to {location}");
    url::Url::parse(&location).unwrap().query_pairs().into_owned().collect()
}

/// Start a sign-in: returns (code, pkce verifier) after checking state came back.
async fn sign_in(fake: &FakeOidc, oidc: &OidcProviderClient, nonce: &str) -> (String, String) {
    let (url, verifier) = oidc.authorization_url(STATE, nonce).await.expect("authorization url");
    let back = browse(&url, &fake.redirect_uri).await;
    assert_eq!(back.get("state").map(String::as_str), Some(STATE));
    assert!(!back.contains_key("error"), "provider error: {back:?}");
    (back["code"].clone(), verifier)
}

async fn full_flow(fake: &FakeOidc, oidc: &OidcProviderClient) -> Result<VerifiedIdentity, DomainError> {
    let (code, verifier) = sign_in(fake, oidc, NONCE).await;
    oidc.exchange(&code, &verifier, NONCE).await
}

fn assert_unauthenticated(result: Result<VerifiedIdentity, DomainError>, reason: &str) {
    match result {
        Err(DomainError::Unauthenticated(r)) => assert_eq!(r, reason),
        other => panic!("expected Unauthenticated({reason}), got {other:?}"),
    }
}

#[tokio::test]
async fn the_happy_path_returns_the_configured_identity() {
    let fake = FakeOidc::start().await;
    fake.set_next_identity("subject-42", "ada@example.com", true);
    let oidc = adapter(&fake);
    assert_eq!(oidc.provider(), SsoProvider::Google);

    let (url, verifier) = oidc.authorization_url(STATE, NONCE).await.unwrap();
    let q: HashMap<String, String> = url::Url::parse(&url).unwrap().query_pairs().into_owned().collect();
    assert!(url.starts_with(&format!("{}/authorize?", fake.base_url)));
    assert_eq!(q["response_type"], "code");
    assert_eq!(q["client_id"], fake.client_id);
    assert_eq!(q["redirect_uri"], fake.redirect_uri);
    assert_eq!(q["state"], STATE);
    assert_eq!(q["nonce"], NONCE);
    assert_eq!(q["code_challenge_method"], "S256");
    let mut scopes: Vec<&str> = q["scope"].split(' ').collect();
    scopes.sort();
    assert_eq!(scopes, ["email", "openid", "profile"]);
    assert!(verifier.len() >= 43, "PKCE verifier too short");
    assert!(!url.contains(&verifier), "the verifier must stay with us");

    let back = browse(&url, &fake.redirect_uri).await;
    assert_eq!(back["state"], STATE);
    let identity = oidc.exchange(&back["code"], &verifier, NONCE).await.unwrap();
    assert_eq!(
        identity,
        VerifiedIdentity { subject: "subject-42".into(), email: Some("ada@example.com".into()), email_verified: true }
    );
    assert_eq!(fake.last_client_auth(), Some("client_secret_basic"));
}

#[tokio::test]
async fn each_authorization_url_carries_a_fresh_pkce_challenge() {
    let fake = FakeOidc::start().await;
    let oidc = adapter(&fake);
    let (url1, v1) = oidc.authorization_url(STATE, NONCE).await.unwrap();
    let (url2, v2) = oidc.authorization_url(STATE, NONCE).await.unwrap();
    assert_ne!(v1, v2);
    assert_ne!(url1, url2);
}

#[tokio::test]
async fn an_unverified_or_missing_email_is_reported_as_such() {
    let fake = FakeOidc::start().await;
    let oidc = adapter(&fake);

    fake.set_next_identity("s1", "bob@example.com", false);
    let id = full_flow(&fake, &oidc).await.unwrap();
    assert_eq!(id, VerifiedIdentity { subject: "s1".into(), email: Some("bob@example.com".into()), email_verified: false });

    fake.set_next_identity_claims("s2", Some("carol@example.com"), None);
    let id = full_flow(&fake, &oidc).await.unwrap();
    assert_eq!(id, VerifiedIdentity { subject: "s2".into(), email: Some("carol@example.com".into()), email_verified: false });

    fake.set_next_identity_claims("s3", None, None);
    let id = full_flow(&fake, &oidc).await.unwrap();
    assert_eq!(id, VerifiedIdentity { subject: "s3".into(), email: None, email_verified: false });
}

async fn refused_with(fault: TokenFault, reason: &str) {
    let fake = FakeOidc::start().await;
    let oidc = adapter(&fake);
    fake.set_next_fault(fault);
    assert_unauthenticated(full_flow(&fake, &oidc).await, reason);
    // The fault was for one token only: the next sign-in works.
    assert!(full_flow(&fake, &oidc).await.is_ok(), "a clean token after {fault:?} must verify");
}

#[tokio::test]
async fn a_token_for_another_audience_is_refused() {
    refused_with(TokenFault::WrongAudience, "id_token_wrong_audience").await;
}

#[tokio::test]
async fn a_token_with_another_nonce_is_refused() {
    refused_with(TokenFault::WrongNonce, "id_token_wrong_nonce").await;
}

#[tokio::test]
async fn an_expired_token_is_refused() {
    refused_with(TokenFault::Expired, "id_token_expired").await;
}

#[tokio::test]
async fn a_token_from_another_issuer_is_refused() {
    refused_with(TokenFault::WrongIssuer, "id_token_wrong_issuer").await;
}

#[tokio::test]
async fn a_token_whose_at_hash_does_not_match_is_refused() {
    refused_with(TokenFault::WrongAccessTokenHash, "id_token_at_hash_mismatch").await;
}

#[tokio::test]
async fn a_token_signed_by_an_unknown_key_is_refused_after_one_key_refresh() {
    let fake = FakeOidc::start().await;
    let oidc = adapter(&fake);
    let (code, verifier) = sign_in(&fake, &oidc, NONCE).await;
    assert_eq!(fake.jwks_fetches(), 1);
    fake.set_next_fault(TokenFault::UnknownKey);
    assert_unauthenticated(oidc.exchange(&code, &verifier, NONCE).await, "id_token_unknown_key");
    assert_eq!(fake.jwks_fetches(), 2, "the key set is fetched again once before refusing");
}

#[tokio::test]
async fn a_rotated_signing_key_is_picked_up_by_refetching_the_key_set() {
    let fake = FakeOidc::start().await;
    let oidc = adapter(&fake);
    fake.set_next_identity("rotated", "r@example.com", true);
    let (code, verifier) = sign_in(&fake, &oidc, NONCE).await; // caches the old key set
    fake.rotate_key();
    let id = oidc.exchange(&code, &verifier, NONCE).await.expect("the new key is fetched");
    assert_eq!(id.subject, "rotated");
    assert_eq!(fake.jwks_fetches(), 2);
    // The refreshed key set is cached.
    full_flow(&fake, &oidc).await.unwrap();
    assert_eq!(fake.jwks_fetches(), 2);
    assert_eq!(fake.discovery_fetches(), 1);
}

#[tokio::test]
async fn a_nonce_other_than_the_one_sent_is_refused() {
    let fake = FakeOidc::start().await;
    let oidc = adapter(&fake);
    let (code, verifier) = sign_in(&fake, &oidc, NONCE).await;
    assert_unauthenticated(oidc.exchange(&code, &verifier, "another-nonce").await, "id_token_wrong_nonce");
}

#[tokio::test]
async fn a_wrong_pkce_verifier_is_refused() {
    let fake = FakeOidc::start().await;
    let oidc = adapter(&fake);
    let (code, _) = sign_in(&fake, &oidc, NONCE).await;
    let (_, other_verifier) = oidc.authorization_url(STATE, NONCE).await.unwrap();
    assert_unauthenticated(oidc.exchange(&code, &other_verifier, NONCE).await, "token_exchange_refused");
}

#[tokio::test]
async fn a_code_works_only_once() {
    let fake = FakeOidc::start().await;
    let oidc = adapter(&fake);
    let (code, verifier) = sign_in(&fake, &oidc, NONCE).await;
    oidc.exchange(&code, &verifier, NONCE).await.expect("first use");
    assert_unauthenticated(oidc.exchange(&code, &verifier, NONCE).await, "token_exchange_refused");
    assert_eq!(fake.token_requests(), 2);
}

#[tokio::test]
async fn an_unknown_code_or_wrong_client_secret_is_refused() {
    let fake = FakeOidc::start().await;
    let oidc = adapter(&fake);
    let (_, verifier) = sign_in(&fake, &oidc, NONCE).await;
    assert_unauthenticated(oidc.exchange("made-up-code", &verifier, NONCE).await, "token_exchange_refused");

    let wrong = OidcProviderClient::new(OidcConfig { client_secret: "wrong".into(), ..fake.oidc_config(SsoProvider::Google) }).unwrap();
    let (code, verifier) = sign_in(&fake, &wrong, NONCE).await;
    assert_unauthenticated(wrong.exchange(&code, &verifier, NONCE).await, "token_exchange_refused");
}

#[tokio::test]
async fn client_secret_post_is_used_when_the_provider_offers_only_that() {
    let fake = FakeOidc::start_with(FakeOidcOptions { token_auth_methods: vec!["client_secret_post"], ..Default::default() }).await;
    let oidc = adapter(&fake);
    full_flow(&fake, &oidc).await.unwrap();
    assert_eq!(fake.last_client_auth(), Some("client_secret_post"));
}

#[tokio::test]
async fn the_provider_is_not_called_until_first_use_and_discovery_is_cached() {
    let fake = FakeOidc::start().await;
    let oidc = adapter(&fake);
    assert_eq!((fake.discovery_fetches(), fake.jwks_fetches()), (0, 0), "construction must not call the provider");
    full_flow(&fake, &oidc).await.unwrap();
    full_flow(&fake, &oidc).await.unwrap();
    assert_eq!((fake.discovery_fetches(), fake.jwks_fetches()), (1, 1));
}

#[tokio::test]
async fn an_unreachable_issuer_is_an_infrastructure_failure_not_a_startup_failure() {
    // A port nobody listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let oidc = OidcProviderClient::new(OidcConfig {
        provider: SsoProvider::Outlook,
        issuer_url: format!("http://127.0.0.1:{port}"),
        client_id: "c".into(),
        client_secret: "s".into(),
        redirect_url: "http://127.0.0.1:9/cb".into(),
        scopes: OidcConfig::default_scopes(),
    })
    .expect("construction never calls the provider");
    assert!(matches!(oidc.authorization_url(STATE, NONCE).await, Err(DomainError::Infrastructure(_))));
    assert!(matches!(oidc.exchange("code", "verifier", NONCE).await, Err(DomainError::Infrastructure(_))));
}

#[tokio::test]
async fn a_failed_discovery_is_retried_and_an_issuer_mismatch_is_refused() {
    // Discovery failures are not cached: the next call tries again.
    let fake = FakeOidc::start().await;
    let config = OidcConfig { issuer_url: format!("{}/", fake.issuer), ..fake.oidc_config(SsoProvider::Google) };
    // The issuer with a trailing slash is not the provider's issuer: refused as misconfiguration.
    let mismatched = OidcProviderClient::new(config).unwrap();
    assert!(matches!(mismatched.authorization_url(STATE, NONCE).await, Err(DomainError::Infrastructure(_))));
    assert!(matches!(mismatched.authorization_url(STATE, NONCE).await, Err(DomainError::Infrastructure(_))));
    assert_eq!(fake.discovery_fetches(), 2, "a failed discovery is retried, not cached");
}

#[tokio::test]
async fn microsoft_multi_tenant_issuers_are_checked_against_the_tid_claim() {
    let fake = FakeOidc::start_with(FakeOidcOptions { tenant: Some("tenant-1234".into()), ..Default::default() }).await;
    assert!(fake.issuer.ends_with("/{tenantid}"));
    let oidc = OidcProviderClient::new(fake.oidc_config(SsoProvider::Outlook)).unwrap();
    fake.set_next_identity("ms-subject", "m@example.com", true);
    let id = full_flow(&fake, &oidc).await.expect("iss equals the template with tid filled in");
    assert_eq!(id.subject, "ms-subject");

    // iss names another tenant than tid: refused.
    fake.set_next_fault(TokenFault::WrongIssuer);
    assert_unauthenticated(full_flow(&fake, &oidc).await, "id_token_wrong_issuer");
    // Audience and nonce are still checked in multi-tenant mode.
    fake.set_next_fault(TokenFault::WrongAudience);
    assert_unauthenticated(full_flow(&fake, &oidc).await, "id_token_wrong_audience");
}
