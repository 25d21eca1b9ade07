use base64::Engine;
use hireops_domain::ports::Secrets;
use hmac::{Mac, SimpleHmac};
use rand::{Rng, RngCore};
use sha2::Sha256;

type HmacSha256 = SimpleHmac<Sha256>;

/// Random secrets from the OS generator; digests are HMAC-SHA256 under a server
/// key, so a leaked table of digests can't be brute-forced (6-digit codes!).
pub struct HmacSecrets {
    key: Vec<u8>,
}

impl HmacSecrets {
    pub fn new(key: &[u8]) -> anyhow::Result<Self> {
        anyhow::ensure!(key.len() >= 32, "APP_SECRET must be at least 32 bytes");
        Ok(Self { key: key.to_vec() })
    }

    fn mac(&self, secret: &str) -> HmacSha256 {
        let mut mac = HmacSha256::new_from_slice(&self.key).expect("HMAC takes any key length");
        mac.update(secret.as_bytes());
        mac
    }
}

impl Secrets for HmacSecrets {
    fn random_token(&self) -> String {
        let mut bytes = [0u8; 32];
        rand::rng().fill_bytes(&mut bytes);
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    }

    fn random_code(&self) -> String {
        let n: u32 = rand::rng().random_range(0..1_000_000);
        format!("{n:06}")
    }

    fn digest(&self, secret: &str) -> String {
        hex::encode(self.mac(secret).finalize().into_bytes())
    }

    fn matches(&self, secret: &str, digest: &str) -> bool {
        hex::decode(digest).is_ok_and(|expected| self.mac(secret).verify_slice(&expected).is_ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secrets() -> HmacSecrets {
        HmacSecrets::new(&[7u8; 32]).unwrap()
    }

    #[test]
    fn codes_are_six_digits() {
        for _ in 0..200 {
            let c = secrets().random_code();
            assert_eq!(c.len(), 6);
            assert!(c.chars().all(|ch| ch.is_ascii_digit()));
        }
    }

    #[test]
    fn tokens_are_long_and_distinct() {
        let s = secrets();
        let (a, b) = (s.random_token(), s.random_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
    }

    #[test]
    fn digests_are_keyed_and_verifiable() {
        let s = secrets();
        let d = s.digest("123456");
        assert_eq!(d.len(), 64);
        assert!(s.matches("123456", &d));
        assert!(!s.matches("123457", &d));
        assert!(!s.matches("123456", "zz"));
        assert_ne!(HmacSecrets::new(&[8u8; 32]).unwrap().digest("123456"), d);
    }

    #[test]
    fn short_keys_are_refused() {
        assert!(HmacSecrets::new(b"short").is_err());
    }
}
