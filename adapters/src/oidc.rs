//! OpenID Connect single sign-on (Google, Microsoft) on the `openidconnect` crate.
//!
//! The authorization-code flow with PKCE (S256) and a nonce. The provider's
//! discovery document and JSON Web Key Set are fetched lazily on first use and
//! cached, so a Lambda cold start never calls the provider and an unreachable
//! provider cannot break startup. When an ID token names a key (`kid`) the
//! cached key set does not hold, the key set is fetched again once (the
//! provider rotated its keys) before the token is refused.
//!
//! Errors: anything in the provider's *answer* that does not verify (error
//! response from the token endpoint, bad signature, wrong issuer, audience or
//! nonce, expired token...) is `DomainError::Unauthenticated` with a short
//! reason, the cause logged with `tracing::warn!`; failing to reach the
//! provider (or an unusable discovery document / key set) is
//! `DomainError::Infrastructure`.

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use base64::Engine as _;
use hireops_domain::auth::{SsoProvider, VerifiedIdentity};
use hireops_domain::error::DomainError;
use hireops_domain::ports::{OidcClient, PortResult};
use openidconnect::core::{
    CoreAuthenticationFlow, CoreClient, CoreClientAuthMethod, CoreIdToken, CoreJsonWebKeySet, CoreProviderMetadata,
};
use openidconnect::{
    AccessTokenHash, AuthType, AuthUrl, AuthorizationCode, ClaimsVerificationError, ClientId, ClientSecret, CsrfToken,
    IssuerUrl, JsonWebKeySetUrl, Nonce, OAuth2TokenResponse, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl,
    RequestTokenError, Scope, SignatureVerificationError, TokenResponse, TokenUrl,
};
use tokio::sync::RwLock;

/// The template variable Microsoft puts in the issuer of its multi-tenant endpoints.
const TENANT_PLACEHOLDER: &str = "{tenantid}";
/// The tenant segment used to fetch the discovery document of a multi-tenant issuer.
const MULTI_TENANT_DISCOVERY_SEGMENT: &str = "common";

/// How to reach one OpenID Connect provider.
#[derive(Clone, Debug)]
pub struct OidcConfig {
    pub provider: SsoProvider,
    /// The issuer identifier, e.g. `https://accounts.google.com`.
    ///
    /// Microsoft multi-tenant apps use `https://login.microsoftonline.com/{tenantid}/v2.0`
    /// (the literal `{tenantid}` template variable, as Microsoft's discovery document
    /// states it). Then:
    /// - the discovery document is fetched with `{tenantid}` replaced by `common`;
    /// - openidconnect's exact issuer check is turned off, and instead the
    ///   (signature-verified) token's `iss` must equal this URL with
    ///   `{tenantid}` replaced by the token's own `tid` claim; a token without
    ///   `tid` is refused.
    ///
    /// `http://` issuers are accepted (the tests use a local fake provider);
    /// production configuration must use `https://`.
    pub issuer_url: String,
    pub client_id: String,
    pub client_secret: String,
    /// Where the provider sends the browser back to; must be registered there.
    pub redirect_url: String,
    /// Scopes to request; `openid` is always requested.
    pub scopes: Vec<String>,
}

impl OidcConfig {
    /// The usual scopes: `openid email profile`.
    pub fn default_scopes() -> Vec<String> {
        vec!["openid".into(), "email".into(), "profile".into()]
    }

    fn is_multi_tenant(&self) -> bool {
        self.issuer_url.contains(TENANT_PLACEHOLDER)
    }
}

/// What discovery told us, plus the cached key set.
#[derive(Clone)]
struct ProviderInfo {
    auth_url: AuthUrl,
    token_url: TokenUrl,
    jwks_url: JsonWebKeySetUrl,
    auth_type: AuthType,
    jwks: CoreJsonWebKeySet,
}

/// An [`OidcClient`] for one provider.
pub struct OidcProviderClient {
    config: OidcConfig,
    client_id: ClientId,
    client_secret: ClientSecret,
    issuer: IssuerUrl,
    redirect_url: RedirectUrl,
    http: openidconnect::reqwest::Client,
    cache: RwLock<Option<Arc<ProviderInfo>>>,
}

impl std::fmt::Debug for OidcProviderClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OidcProviderClient")
            .field("provider", &self.config.provider)
            .field("issuer_url", &self.config.issuer_url)
            .field("client_id", &self.config.client_id)
            .finish_non_exhaustive()
    }
}

impl OidcProviderClient {
    /// Checks the configuration only; no network call happens here.
    pub fn new(config: OidcConfig) -> Result<Self, DomainError> {
        // IssuerUrl/RedirectUrl accept any scheme, so http:// works for the local fake.
        let issuer = IssuerUrl::new(config.issuer_url.clone()).map_err(|e| DomainError::infra(format!("oidc issuer_url: {e}")))?;
        let redirect_url =
            RedirectUrl::new(config.redirect_url.clone()).map_err(|e| DomainError::infra(format!("oidc redirect_url: {e}")))?;
        // openidconnect's docs: never follow redirects (SSRF protection).
        let http = openidconnect::reqwest::ClientBuilder::new()
            .redirect(openidconnect::reqwest::redirect::Policy::none())
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(10))
            .build()
            .map_err(|e| DomainError::infra(format!("oidc http client: {e}")))?;
        Ok(Self {
            client_id: ClientId::new(config.client_id.clone()),
            client_secret: ClientSecret::new(config.client_secret.clone()),
            issuer,
            redirect_url,
            http,
            cache: RwLock::new(None),
            config,
        })
    }

    /// The cached provider information, fetching it on first use.
    async fn info(&self) -> PortResult<Arc<ProviderInfo>> {
        if let Some(info) = self.cache.read().await.as_ref() {
            return Ok(info.clone());
        }
        let mut slot = self.cache.write().await;
        if let Some(info) = slot.as_ref() {
            return Ok(info.clone());
        }
        let info = Arc::new(self.discover().await?);
        *slot = Some(info.clone());
        Ok(info)
    }

    async fn get_json(&self, url: &str, what: &str) -> PortResult<serde_json::Value> {
        let resp = self.http.get(url).header("accept", "application/json").send().await.map_err(|e| {
            tracing::warn!(provider = self.config.provider.as_str(), url, error = %e, "oidc: {what} unreachable");
            DomainError::infra(format!("oidc {what} unreachable: {e}"))
        })?;
        let status = resp.status();
        if !status.is_success() {
            tracing::warn!(provider = self.config.provider.as_str(), url, %status, "oidc: {what} answered an error");
            return Err(DomainError::infra(format!("oidc {what} answered HTTP {status}")));
        }
        resp.json::<serde_json::Value>().await.map_err(|e| {
            tracing::warn!(provider = self.config.provider.as_str(), url, error = %e, "oidc: {what} is not JSON");
            DomainError::infra(format!("oidc {what} is not JSON: {e}"))
        })
    }

    async fn fetch_jwks(&self, url: &JsonWebKeySetUrl) -> PortResult<CoreJsonWebKeySet> {
        let json = self.get_json(url.as_str(), "jwks").await?;
        serde_json::from_value(json).map_err(|e| {
            tracing::warn!(provider = self.config.provider.as_str(), error = %e, "oidc: unusable key set");
            DomainError::infra(format!("oidc jwks: {e}"))
        })
    }

    async fn discover(&self) -> PortResult<ProviderInfo> {
        let base = if self.config.is_multi_tenant() {
            self.config.issuer_url.replace(TENANT_PLACEHOLDER, MULTI_TENANT_DISCOVERY_SEGMENT)
        } else {
            self.config.issuer_url.clone()
        };
        let url = format!("{}/.well-known/openid-configuration", base.trim_end_matches('/'));
        let json = self.get_json(&url, "discovery").await?;
        let metadata: CoreProviderMetadata = serde_json::from_value(json).map_err(|e| {
            tracing::warn!(provider = self.config.provider.as_str(), error = %e, "oidc: unusable discovery document");
            DomainError::infra(format!("oidc discovery document: {e}"))
        })?;
        // OpenID Connect Discovery §4.3: the document's issuer must be the one we asked for
        // (for Microsoft multi-tenant, it is the `{tenantid}` template itself).
        if metadata.issuer().as_str() != self.config.issuer_url {
            tracing::warn!(provider = self.config.provider.as_str(), found = metadata.issuer().as_str(), "oidc: discovery issuer mismatch");
            return Err(DomainError::infra("oidc discovery issuer mismatch"));
        }
        let token_url = metadata
            .token_endpoint()
            .cloned()
            .ok_or_else(|| DomainError::infra("oidc discovery document has no token_endpoint"))?;
        // Spec default is client_secret_basic; use post only when basic is not offered.
        let auth_type = match metadata.token_endpoint_auth_methods_supported() {
            Some(methods)
                if !methods.contains(&CoreClientAuthMethod::ClientSecretBasic)
                    && methods.contains(&CoreClientAuthMethod::ClientSecretPost) =>
            {
                AuthType::RequestBody
            }
            _ => AuthType::BasicAuth,
        };
        let jwks_url = metadata.jwks_uri().clone();
        let jwks = self.fetch_jwks(&jwks_url).await?;
        Ok(ProviderInfo { auth_url: metadata.authorization_endpoint().clone(), token_url, jwks_url, auth_type, jwks })
    }

    /// Fetch the key set again (after an unknown `kid`) and cache it.
    async fn refresh_jwks(&self, stale: &Arc<ProviderInfo>) -> PortResult<Arc<ProviderInfo>> {
        let mut slot = self.cache.write().await;
        if let Some(current) = slot.as_ref()
            && !Arc::ptr_eq(current, stale)
        {
            return Ok(current.clone()); // someone else refreshed meanwhile
        }
        let jwks = self.fetch_jwks(&stale.jwks_url).await?;
        let fresh = Arc::new(ProviderInfo { jwks, ..(**stale).clone() });
        *slot = Some(fresh.clone());
        Ok(fresh)
    }

    fn client(
        &self,
        info: &ProviderInfo,
    ) -> CoreClient<
        openidconnect::EndpointSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointSet,
        openidconnect::EndpointNotSet,
    > {
        CoreClient::new(self.client_id.clone(), self.issuer.clone(), info.jwks.clone())
            .set_client_secret(self.client_secret.clone())
            .set_auth_uri(info.auth_url.clone())
            .set_token_uri(info.token_url.clone())
            .set_redirect_uri(self.redirect_url.clone())
            .set_auth_type(info.auth_type.clone())
    }

    fn refuse(&self, reason: &'static str, cause: &dyn std::fmt::Display) -> DomainError {
        tracing::warn!(provider = self.config.provider.as_str(), reason, cause = %cause, "oidc: sign-in refused");
        DomainError::Unauthenticated(reason)
    }

    /// Verify the ID token against `info`'s keys; `Ok(Err(..))` when the
    /// token names a key we do not have (the caller may refresh and retry).
    fn verify(
        &self,
        info: &ProviderInfo,
        id_token: &CoreIdToken,
        access_token: &openidconnect::AccessToken,
        nonce: &Nonce,
    ) -> Result<Result<VerifiedIdentity, ()>, DomainError> {
        let client = self.client(info);
        let multi_tenant = self.config.is_multi_tenant();
        let verifier = client.id_token_verifier().require_issuer_match(!multi_tenant);
        let claims = match id_token.claims(&verifier, nonce) {
            Ok(c) => c,
            Err(ClaimsVerificationError::SignatureVerification(SignatureVerificationError::NoMatchingKey)) => {
                return Ok(Err(()));
            }
            Err(e) => {
                let reason = match &e {
                    ClaimsVerificationError::Expired(_) => "id_token_expired",
                    ClaimsVerificationError::InvalidAudience(_) => "id_token_wrong_audience",
                    ClaimsVerificationError::InvalidIssuer(_) => "id_token_wrong_issuer",
                    ClaimsVerificationError::InvalidNonce(_) => "id_token_wrong_nonce",
                    ClaimsVerificationError::SignatureVerification(_) => "id_token_bad_signature",
                    _ => "id_token_invalid",
                };
                return Err(self.refuse(reason, &e));
            }
        };
        if multi_tenant {
            self.check_tenant_issuer(id_token, claims.issuer().as_str())?;
        }
        // at_hash is optional in the code flow; when present it must match.
        if let Some(expected) = claims.access_token_hash() {
            let alg = id_token.signing_alg().map_err(|e| self.refuse("id_token_invalid", &e))?;
            let key = id_token.signing_key(&verifier).map_err(|e| self.refuse("id_token_invalid", &e))?;
            let actual = AccessTokenHash::from_token(access_token, alg, key).map_err(|e| self.refuse("id_token_invalid", &e))?;
            if actual != *expected {
                return Err(self.refuse("id_token_at_hash_mismatch", &"at_hash does not match the access token"));
            }
        }
        Ok(Ok(VerifiedIdentity {
            subject: claims.subject().to_string(),
            email: claims.email().map(|e| e.to_string()),
            email_verified: claims.email_verified().unwrap_or(false),
        }))
    }

    /// Microsoft multi-tenant: `iss` must be the configured template with
    /// `{tenantid}` replaced by the token's `tid`. Called only after the
    /// signature was verified, so reading the payload directly is safe.
    fn check_tenant_issuer(&self, id_token: &CoreIdToken, iss: &str) -> Result<(), DomainError> {
        let compact = id_token.to_string();
        let payload = compact.split('.').nth(1).unwrap_or_default();
        let tid = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(payload.trim_end_matches('='))
            .ok()
            .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
            .and_then(|v| v.get("tid").and_then(|t| t.as_str()).map(str::to_owned));
        let Some(tid) = tid.filter(|t| !t.is_empty() && !t.contains(['/', '{', '}'])) else {
            return Err(self.refuse("id_token_wrong_issuer", &"multi-tenant token without a usable tid claim"));
        };
        let expected = self.config.issuer_url.replace(TENANT_PLACEHOLDER, &tid);
        if iss != expected {
            return Err(self.refuse("id_token_wrong_issuer", &format!("iss `{iss}` is not `{expected}`")));
        }
        Ok(())
    }
}

#[async_trait]
impl OidcClient for OidcProviderClient {
    fn provider(&self) -> SsoProvider {
        self.config.provider
    }

    async fn authorization_url(&self, state: &str, nonce: &str) -> PortResult<(String, String)> {
        let info = self.info().await?;
        let client = self.client(&info);
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let state = state.to_owned();
        let nonce = nonce.to_owned();
        let (url, _, _) = client
            .authorize_url(CoreAuthenticationFlow::AuthorizationCode, move || CsrfToken::new(state), move || Nonce::new(nonce))
            // openidconnect always adds `openid` itself.
            .add_scopes(self.config.scopes.iter().filter(|s| s.as_str() != "openid").map(|s| Scope::new(s.clone())))
            .set_pkce_challenge(challenge)
            .url();
        Ok((url.to_string(), verifier.into_secret()))
    }

    async fn exchange(&self, code: &str, pkce_verifier: &str, nonce: &str) -> PortResult<VerifiedIdentity> {
        let info = self.info().await?;
        let client = self.client(&info);
        let response = client
            .exchange_code(AuthorizationCode::new(code.to_owned()))
            .set_pkce_verifier(PkceCodeVerifier::new(pkce_verifier.to_owned()))
            .request_async(&self.http)
            .await
            .map_err(|e| match e {
                RequestTokenError::Request(err) => {
                    tracing::warn!(provider = self.config.provider.as_str(), error = %err, "oidc: token endpoint unreachable");
                    DomainError::infra(format!("oidc token endpoint unreachable: {err}"))
                }
                RequestTokenError::ServerResponse(err) => self.refuse("token_exchange_refused", &err),
                RequestTokenError::Parse(err, _) => self.refuse("token_response_invalid", &err),
                RequestTokenError::Other(err) => self.refuse("token_response_invalid", &err),
            })?;
        let Some(id_token) = response.id_token() else {
            return Err(self.refuse("no_id_token", &"token response has no id_token"));
        };
        let nonce = Nonce::new(nonce.to_owned());
        match self.verify(&info, id_token, response.access_token(), &nonce)? {
            Ok(identity) => Ok(identity),
            Err(()) => {
                // Unknown key: the provider may have rotated its keys. Refetch once.
                let fresh = self.refresh_jwks(&info).await?;
                match self.verify(&fresh, id_token, response.access_token(), &nonce)? {
                    Ok(identity) => Ok(identity),
                    Err(()) => Err(self.refuse("id_token_unknown_key", &"no key in the provider's key set matches the token")),
                }
            }
        }
    }
}
