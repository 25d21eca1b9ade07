//! Reads mail from the SMTP catcher's HTTP API (MailDev: `GET /email`).

use serde_json::Value;
use std::time::{Duration, Instant};

#[derive(Clone)]
pub struct MailCatcher {
    base: String,
    http: reqwest::Client,
}

#[derive(Clone, Debug)]
pub struct CaughtMail {
    /// The From display name, if any.
    pub from_name: String,
    pub subject: String,
    pub text: String,
    pub html: String,
}

impl MailCatcher {
    pub fn new(base: String) -> Self {
        Self { base: base.trim_end_matches('/').to_string(), http: reqwest::Client::new() }
    }

    pub async fn messages_to(&self, address: &str) -> Vec<CaughtMail> {
        let all: Vec<Value> = self.http.get(format!("{}/email", self.base)).send().await.expect("mail catcher").json().await.expect("json");
        all.into_iter()
            .filter(|m| m["to"].as_array().is_some_and(|to| to.iter().any(|t| t["address"].as_str().is_some_and(|a| a.eq_ignore_ascii_case(address)))))
            .map(|m| CaughtMail {
                from_name: m["from"][0]["name"].as_str().unwrap_or_default().to_string(),
                subject: m["subject"].as_str().unwrap_or_default().to_string(),
                text: m["text"].as_str().unwrap_or_default().to_string(),
                html: m["html"].as_str().unwrap_or_default().to_string(),
            })
            .collect()
    }

    /// Wait until `address` has received at least `count` messages; returns them all.
    pub async fn wait_for(&self, address: &str, count: usize) -> Vec<CaughtMail> {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let got = self.messages_to(address).await;
            if got.len() >= count {
                return got;
            }
            assert!(Instant::now() < deadline, "expected {count} mail(s) to {address}, got {}", got.len());
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// The sign-in codes sent to `address`, oldest first (other mail may hold
    /// digit runs too, e.g. in addresses, so only sign-in code mails count).
    pub async fn codes(&self, address: &str) -> Vec<String> {
        self.messages_to(address).await.iter().filter(|m| m.subject.contains("sign-in code")).filter_map(|m| find_code(&m.text)).collect()
    }

    /// Wait for a code beyond the first `already_seen` ones and return it.
    pub async fn wait_for_code(&self, address: &str, already_seen: usize) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let codes = self.codes(address).await;
            if codes.len() > already_seen {
                return codes[already_seen].clone();
            }
            assert!(Instant::now() < deadline, "no new sign-in code reached {address}");
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// The `token` query parameter of the newest link in a mail whose subject contains `subject_part`.
    pub async fn wait_for_token(&self, address: &str, subject_part: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let mails = self.messages_to(address).await;
            if let Some(token) = mails.iter().rev().filter(|m| m.subject.to_lowercase().contains(&subject_part.to_lowercase())).find_map(|m| find_token(&m.text)) {
                return token;
            }
            assert!(Instant::now() < deadline, "no mail about {subject_part:?} with a token reached {address}");
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
}

pub fn find_code(text: &str) -> Option<String> {
    let bytes: Vec<char> = text.chars().collect();
    (0..bytes.len().saturating_sub(5)).find_map(|i| {
        let run: String = bytes[i..i + 6].iter().collect();
        let before = i == 0 || !bytes[i - 1].is_ascii_digit();
        let after = i + 6 == bytes.len() || !bytes[i + 6].is_ascii_digit();
        (before && after && run.chars().all(|c| c.is_ascii_digit())).then_some(run)
    })
}

pub fn find_token(text: &str) -> Option<String> {
    let start = text.find("token=")? + "token=".len();
    let token: String = text[start..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
    (!token.is_empty()).then_some(token)
}
