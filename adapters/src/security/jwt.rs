use aws_lc_rs::signature::{Ed25519KeyPair, KeyPair};
use base64::Engine;
use chrono::{DateTime, TimeZone, Utc};
use hireops_domain::auth::AccessClaims;
use hireops_domain::ids::{SessionFamilyId, UserId};
use hireops_domain::ports::{AccessTokenCodec, PortResult};
use hireops_domain::DomainError;
use jsonwebtoken::{decode, decode_header, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

const TOKEN_TYPE: &str = "access";

#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    iss: String,
    aud: String,
    sub: String,
    sid: String,
    typ: String,
    iat: i64,
    exp: i64,
    jti: String,
}

/// Ed25519 signing key (PKCS#8) and the public keys accepted, by `kid`.
pub struct JwtKeys {
    pub kid: String,
    signing_pkcs8: Vec<u8>,
    /// Raw 32-byte public keys by kid; includes the signing key's own.
    verifying: HashMap<String, Vec<u8>>,
}

impl JwtKeys {
    /// From a PKCS#8 PEM private key (`openssl genpkey -algorithm ed25519`).
    pub fn from_pem(kid: &str, pem: &str) -> anyhow::Result<Self> {
        let body: String = pem.lines().filter(|l| !l.starts_with("-----")).map(str::trim).collect();
        let der = base64::engine::general_purpose::STANDARD.decode(body)?;
        Self::from_pkcs8(kid, der)
    }

    /// A fresh key pair (tests and throwaway environments).
    pub fn generate(kid: &str) -> anyhow::Result<Self> {
        let doc = Ed25519KeyPair::generate_pkcs8(&aws_lc_rs::rand::SystemRandom::new()).map_err(|_| anyhow::anyhow!("key generation failed"))?;
        Self::from_pkcs8(kid, doc.as_ref().to_vec())
    }

    fn from_pkcs8(kid: &str, der: Vec<u8>) -> anyhow::Result<Self> {
        let pair = Ed25519KeyPair::from_pkcs8(&der).map_err(|e| anyhow::anyhow!("JWT key is not an Ed25519 PKCS#8 key: {e}"))?;
        let verifying = HashMap::from([(kid.to_string(), pair.public_key().as_ref().to_vec())]);
        Ok(Self { kid: kid.to_string(), signing_pkcs8: der, verifying })
    }

    /// Accept tokens signed by an older key during rotation: `kid:base64url(raw public key)`.
    pub fn with_verify_key(mut self, spec: &str) -> anyhow::Result<Self> {
        let (kid, key) = spec.split_once(':').ok_or_else(|| anyhow::anyhow!("verify key must be kid:base64url"))?;
        let raw = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(key.trim_end_matches('='))?;
        anyhow::ensure!(raw.len() == 32, "an Ed25519 public key has 32 bytes");
        self.verifying.insert(kid.to_string(), raw);
        Ok(self)
    }

    pub fn public_key_b64(&self) -> String {
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&self.verifying[&self.kid])
    }
}

/// Issues and verifies access tokens: EdDSA only, issuer, audience, type and expiry checked.
pub struct JwtCodec {
    kid: String,
    issuer: String,
    audience: String,
    encoding: EncodingKey,
    decoding: HashMap<String, DecodingKey>,
}

impl JwtCodec {
    pub fn new(keys: JwtKeys, issuer: &str, audience: &str) -> Self {
        Self {
            encoding: EncodingKey::from_ed_der(&keys.signing_pkcs8),
            decoding: keys.verifying.iter().map(|(kid, raw)| (kid.clone(), DecodingKey::from_ed_der(raw))).collect(),
            kid: keys.kid,
            issuer: issuer.to_string(),
            audience: audience.to_string(),
        }
    }
}

impl AccessTokenCodec for JwtCodec {
    fn issue(&self, user: UserId, session: SessionFamilyId, expires_at: DateTime<Utc>, issued_at: DateTime<Utc>) -> PortResult<String> {
        let mut header = Header::new(Algorithm::EdDSA);
        header.kid = Some(self.kid.clone());
        header.typ = Some("at+jwt".into());
        let claims = Claims {
            iss: self.issuer.clone(),
            aud: self.audience.clone(),
            sub: user.to_string(),
            sid: session.to_string(),
            typ: TOKEN_TYPE.into(),
            iat: issued_at.timestamp(),
            exp: expires_at.timestamp(),
            jti: uuid::Uuid::now_v7().to_string(),
        };
        encode(&header, &claims, &self.encoding).map_err(DomainError::infra)
    }

    fn verify(&self, token: &str, now: DateTime<Utc>) -> Option<AccessClaims> {
        let header = decode_header(token).ok()?;
        if header.alg != Algorithm::EdDSA {
            return None;
        }
        let key = self.decoding.get(header.kid.as_deref()?)?;
        let mut validation = Validation::new(Algorithm::EdDSA);
        validation.set_issuer(&[&self.issuer]);
        validation.set_audience(&[&self.audience]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.leeway = 0;
        // Expiry is judged against the injected clock below, not the library's.
        validation.validate_exp = false;
        let claims = decode::<Claims>(token, key, &validation).ok()?.claims;
        if claims.typ != TOKEN_TYPE || claims.exp <= now.timestamp() {
            return None;
        }
        Some(AccessClaims {
            user_id: claims.sub.parse().ok()?,
            session: claims.sid.parse().ok()?,
            expires_at: Utc.timestamp_opt(claims.exp, 0).single()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn codec(kid: &str) -> JwtCodec {
        JwtCodec::new(JwtKeys::generate(kid).unwrap(), "https://hireops.test", "hireops-api")
    }

    #[test]
    fn round_trips_claims() {
        let c = codec("k1");
        let (u, s, now) = (UserId::new(), SessionFamilyId::new(), Utc::now());
        let t = c.issue(u, s, now + Duration::minutes(15), now).unwrap();
        let claims = c.verify(&t, now).unwrap();
        assert_eq!((claims.user_id, claims.session), (u, s));
    }

    #[test]
    fn rejects_expired_tampered_and_foreign_tokens() {
        let c = codec("k1");
        let now = Utc::now();
        let t = c.issue(UserId::new(), SessionFamilyId::new(), now + Duration::minutes(15), now).unwrap();
        assert!(c.verify(&t, now + Duration::minutes(16)).is_none(), "expired");
        let mut tampered = t.clone();
        tampered.pop();
        tampered.push(if t.ends_with('A') { 'B' } else { 'A' });
        assert!(c.verify(&tampered, now).is_none(), "bad signature");
        assert!(codec("k1").verify(&t, now).is_none(), "another key with the same kid");
        let other_audience = JwtCodec::new(JwtKeys::generate("k1").unwrap(), "https://hireops.test", "other");
        let t2 = other_audience.issue(UserId::new(), SessionFamilyId::new(), now + Duration::minutes(5), now).unwrap();
        assert!(c.verify(&t2, now).is_none(), "wrong audience / key");
        assert!(c.verify("not.a.jwt", now).is_none());
    }

    #[test]
    fn accepts_an_extra_verify_key_during_rotation() {
        let old = JwtKeys::generate("old").unwrap();
        let old_pub = format!("old:{}", old.public_key_b64());
        let old_codec = JwtCodec::new(old, "i", "a");
        let now = Utc::now();
        let t = old_codec.issue(UserId::new(), SessionFamilyId::new(), now + Duration::minutes(5), now).unwrap();
        let new_codec = JwtCodec::new(JwtKeys::generate("new").unwrap().with_verify_key(&old_pub).unwrap(), "i", "a");
        assert!(new_codec.verify(&t, now).is_some());
    }
}
