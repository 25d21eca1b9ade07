use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher as _, PasswordVerifier as _, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use hireops_domain::ports::{PasswordHasher, PortResult};
use hireops_domain::DomainError;
use std::sync::Arc;

/// argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane) unless configured higher.
/// Hashing runs on the blocking pool so it never stalls the async runtime.
#[derive(Clone)]
pub struct Argon2Hasher {
    params: Params,
    dummy_hash: Arc<String>,
}

impl Argon2Hasher {
    pub fn new(memory_kib: u32, iterations: u32) -> anyhow::Result<Self> {
        anyhow::ensure!(memory_kib >= 19 * 1024 && iterations >= 2, "argon2id needs m >= 19 MiB and t >= 2");
        let params = Params::new(memory_kib, iterations, 1, None).map_err(|e| anyhow::anyhow!("argon2 params: {e}"))?;
        let dummy_hash = hash_with(&params, "not-a-real-password-but-same-cost")?;
        Ok(Self { params, dummy_hash: Arc::new(dummy_hash) })
    }
}

fn argon(params: &Params) -> Argon2<'static> {
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone())
}

fn hash_with(params: &Params, password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(argon(params).hash_password(password.as_bytes(), &salt).map_err(|e| anyhow::anyhow!("argon2: {e}"))?.to_string())
}

fn verify_with(params: &Params, password: &str, hash: &str) -> bool {
    // The parameters stored in the hash are used, so older hashes still verify.
    PasswordHash::new(hash).is_ok_and(|parsed| argon(params).verify_password(password.as_bytes(), &parsed).is_ok())
}

#[async_trait::async_trait]
impl PasswordHasher for Argon2Hasher {
    async fn hash(&self, password: &str) -> PortResult<String> {
        let (params, password) = (self.params.clone(), password.to_owned());
        tokio::task::spawn_blocking(move || hash_with(&params, &password))
            .await
            .map_err(DomainError::infra)?
            .map_err(DomainError::infra)
    }

    async fn verify(&self, password: &str, hash: &str) -> PortResult<bool> {
        let (params, password, hash) = (self.params.clone(), password.to_owned(), hash.to_owned());
        tokio::task::spawn_blocking(move || verify_with(&params, &password, &hash)).await.map_err(DomainError::infra)
    }

    async fn verify_dummy(&self, password: &str) {
        let _ = self.verify(password, &self.dummy_hash.clone()).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_are_argon2id_and_verify() {
        let h = Argon2Hasher::new(19 * 1024, 2).unwrap();
        let hash = h.hash("violet-harbor-telescope-42").await.unwrap();
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
        assert!(h.verify("violet-harbor-telescope-42", &hash).await.unwrap());
        assert!(!h.verify("violet-harbor-telescope-43", &hash).await.unwrap());
        assert!(!h.verify("x", "not a hash").await.unwrap());
    }

    #[test]
    fn weak_parameters_are_refused() {
        assert!(Argon2Hasher::new(8 * 1024, 2).is_err());
        assert!(Argon2Hasher::new(19 * 1024, 1).is_err());
    }
}
