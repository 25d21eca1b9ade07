//! Adapters against the REAL local services (see localstack/README.md):
//! moto (S3, SQS, SESv2), Redis, clamd, MailDev. No mocks.
//!
//! Endpoints come from the usual environment variables, defaulting to the
//! local stack: AWS_ENDPOINT_URL, AWS_REGION, REDIS_URL, CLAMD_ADDR,
//! SMTP_HOST/SMTP_PORT, MAIL_CATCHER_URL, S3_BUCKET.

use hireops_adapters::aws::{s3_client, sdk_config};
use hireops_adapters::clamav::{Clamd, ScanVerdict};
use hireops_adapters::mail::{MailRenderer, MailTransport, RenderedMail, SesTransport, SmtpTls, SmtpTransport};
use hireops_adapters::object_store::S3Store;
use hireops_adapters::queue::{ReceivedMessage, SqsMailOutbox, SqsQueue, create_with_dlq};
use hireops_adapters::redis::RedisStore;
use hireops_domain::auth::{SsoPending, SsoProvider};
use hireops_domain::identity::Email;
use hireops_domain::mail::{MailMessage, OutgoingMail};
use hireops_domain::ports::{MailOutbox, RateDecision, RateLimiter, SsoStateStore};
use std::time::{Duration, Instant};

fn env_or(key: &str, default: &str) -> String {
    std::env::var(key)
        .ok()
        .filter(|v| !v.trim().is_empty())
        .unwrap_or_else(|| default.to_owned())
}

fn suffix() -> String {
    uuid::Uuid::new_v4().simple().to_string()[..12].to_owned()
}

async fn aws() -> aws_config::SdkConfig {
    let endpoint = env_or("AWS_ENDPOINT_URL", "http://127.0.0.1:4566");
    let region = env_or("AWS_REGION", "us-east-1");
    let conf = sdk_config(Some(&endpoint), &region).await;
    assert_eq!(conf.endpoint_url(), Some(endpoint.as_str()));
    assert_eq!(conf.region().map(|r| r.as_ref()), Some(region.as_str()));
    if std::env::var("AWS_ACCESS_KEY_ID").is_ok() {
        conf
    } else {
        // The emulator accepts any key; the default chain would find none here.
        let creds = aws_sdk_sqs::config::Credentials::new("test", "test", None, None, "hireops-tests");
        conf.to_builder()
            .credentials_provider(aws_sdk_sqs::config::SharedCredentialsProvider::new(creds))
            .build()
    }
}

async fn sqs() -> aws_sdk_sqs::Client {
    aws_sdk_sqs::Client::new(&aws().await)
}

/// Poll until at least one message arrives or `within` passes.
async fn receive_within(q: &SqsQueue, within: Duration) -> Vec<ReceivedMessage> {
    let deadline = Instant::now() + within;
    loop {
        let got = q.receive(10, 1).await.expect("receive");
        if !got.is_empty() || Instant::now() >= deadline {
            return got;
        }
    }
}

async fn drop_queues(client: &aws_sdk_sqs::Client, name: &str) {
    for n in [name.to_owned(), format!("{name}-dlq")] {
        if let Ok(q) = SqsQueue::connect(client.clone(), &n).await {
            let _ = q.delete_queue().await;
        }
    }
}

// ---------------------------------------------------------------------------
// SQS
// ---------------------------------------------------------------------------

#[tokio::test]
async fn sqs_round_trip_and_connect() {
    let client = sqs().await;
    let name = format!("hireops-test-rt-{}", suffix());
    let q = create_with_dlq(client.clone(), &name, 3, 30).await.unwrap();
    assert_eq!(q.name(), name);
    assert!(q.url().starts_with("http") && q.url().ends_with(&name), "{}", q.url());
    q.ping().await.unwrap();

    // By name and by URL resolve to the same queue.
    let by_name = SqsQueue::connect(client.clone(), &name).await.unwrap();
    assert_eq!(by_name.url(), q.url());
    let by_url = SqsQueue::connect(client.clone(), q.url()).await.unwrap();
    assert_eq!(by_url.url(), q.url());
    assert_eq!(by_url.name(), name);
    by_url.ping().await.unwrap();

    // A missing queue is an error, both to resolve and to ping.
    assert!(
        SqsQueue::connect(client.clone(), &format!("hireops-missing-{}", suffix()))
            .await
            .is_err()
    );
    let ghost = SqsQueue::connect(client.clone(), &q.url().replace(&name, &format!("ghost-{}", suffix())))
        .await
        .unwrap();
    assert!(ghost.ping().await.is_err());

    let body = format!("{{\"hello\":\"{}\"}}", suffix());
    q.send(&body).await.unwrap();
    let got = receive_within(&by_name, Duration::from_secs(10)).await;
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].body, body);
    assert_eq!(got[0].receive_count, 1);
    assert!(!got[0].message_id.is_empty() && !got[0].receipt_handle.is_empty());
    q.delete(&got[0].receipt_handle).await.unwrap();

    // Deleted: it does not come back, even after the visibility timeout would have run out.
    assert!(q.receive(10, 1).await.unwrap().is_empty());
    drop_queues(&client, &name).await;
}

#[tokio::test]
async fn sqs_redelivers_then_dead_letters() {
    let client = sqs().await;
    let name = format!("hireops-test-dlq-{}", suffix());
    let q = create_with_dlq(client.clone(), &name, 2, 1).await.unwrap();
    let dlq = SqsQueue::connect(client.clone(), &format!("{name}-dlq")).await.unwrap();
    let body = format!("poison-{}", suffix());
    q.send(&body).await.unwrap();

    let first = receive_within(&q, Duration::from_secs(10)).await;
    assert_eq!(first.len(), 1);
    assert_eq!((first[0].body.as_str(), first[0].receive_count), (body.as_str(), 1));
    // Not deleted: invisible for 1 s, then delivered again.
    assert!(q.receive(10, 0).await.unwrap().is_empty(), "still invisible");
    tokio::time::sleep(Duration::from_millis(1300)).await;
    let second = receive_within(&q, Duration::from_secs(10)).await;
    assert_eq!(second.len(), 1);
    assert_eq!(second[0].message_id, first[0].message_id);
    assert_eq!(second[0].receive_count, 2);

    // max_receive reached: the next receive moves it to the DLQ.
    tokio::time::sleep(Duration::from_millis(1300)).await;
    let third = q.receive(10, 2).await.unwrap();
    assert!(third.is_empty(), "should have been dead-lettered: {third:?}");
    let dead = receive_within(&dlq, Duration::from_secs(10)).await;
    assert_eq!(dead.len(), 1, "{dead:?}");
    assert_eq!(dead[0].body, body);
    dlq.delete(&dead[0].receipt_handle).await.unwrap();
    drop_queues(&client, &name).await;
}

#[tokio::test]
async fn sqs_mail_outbox_enqueues_json() {
    let client = sqs().await;
    let name = format!("hireops-test-mail-{}", suffix());
    let q = create_with_dlq(client.clone(), &name, 3, 30).await.unwrap();
    let outbox = SqsMailOutbox(q.clone());
    let mail = OutgoingMail::new(
        Email::parse("Candidate@Example.com").unwrap(),
        Some("Zoë O'Brien <ceo>".into()),
        MailMessage::ActivateAccount {
            link: "https://app.example.com/activate?token=a&b=\"c\"".into(),
            expires_in_hours: 72,
            company_name: Some("Acme & Sons".into()),
        },
    );
    outbox.enqueue(mail.clone()).await.unwrap();
    outbox
        .enqueue(OutgoingMail::new(
            Email::parse("x@example.com").unwrap(),
            None,
            MailMessage::PasswordChanged,
        ))
        .await
        .unwrap();

    let mut got = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(10);
    while got.len() < 2 && Instant::now() < deadline {
        got.extend(q.receive(10, 1).await.unwrap());
    }
    assert_eq!(got.len(), 2);
    let decoded: Vec<OutgoingMail> = got
        .iter()
        .map(|m| serde_json::from_str(&m.body).expect("valid JSON OutgoingMail"))
        .collect();
    let found = decoded.iter().find(|m| m.id == mail.id).expect("our mail");
    assert_eq!(found, &mail);
    let json: serde_json::Value =
        serde_json::from_str(&got.iter().find(|m| m.body.contains(&mail.id.to_string())).unwrap().body).unwrap();
    assert_eq!(json["message"]["template"], "activate_account");
    assert_eq!(json["to"], "candidate@example.com");
    assert!(decoded.iter().any(|m| m.message == MailMessage::PasswordChanged));

    // An unreachable queue is an infrastructure error for the domain.
    q.delete_queue().await.unwrap();
    let broken = SqsMailOutbox(q);
    match broken.enqueue(mail).await {
        Err(hireops_domain::DomainError::Infrastructure(msg)) => assert!(msg.contains("SendMessage"), "{msg}"),
        other => panic!("expected Infrastructure, got {other:?}"),
    }
    drop_queues(&client, &name).await;
}

// ---------------------------------------------------------------------------
// S3
// ---------------------------------------------------------------------------

#[tokio::test]
async fn s3_ping_put_get() {
    let conf = aws().await;
    let bucket = env_or("S3_BUCKET", "hireops-uploads");
    let store = S3Store::new(s3_client(&conf, true), &bucket);
    store.ping().await.unwrap();

    let key = format!("tests/{}/hello.bin", suffix());
    let data: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();
    store
        .put_bytes(&key, data.clone(), Some("application/octet-stream"))
        .await
        .unwrap();
    assert_eq!(store.get_bytes(&key).await.unwrap().as_deref(), Some(data.as_slice()));
    store.put_bytes(&key, b"v2".to_vec(), None).await.unwrap();
    assert_eq!(store.get_bytes(&key).await.unwrap().as_deref(), Some(&b"v2"[..]));
    store.delete(&key).await.unwrap();
    assert_eq!(store.get_bytes(&key).await.unwrap(), None);

    let missing = S3Store::new(s3_client(&conf, true), format!("hireops-missing-{}", suffix()));
    assert!(missing.ping().await.is_err());
}

// ---------------------------------------------------------------------------
// Mail
// ---------------------------------------------------------------------------

fn smtp() -> SmtpTransport {
    let host = env_or("SMTP_HOST", "127.0.0.1");
    let port: u16 = env_or("SMTP_PORT", "1025").parse().unwrap();
    SmtpTransport::new(
        &host,
        port,
        None,
        None,
        SmtpTls::None,
        "HireOps <no-reply@hireops.local>".into(),
    )
    .unwrap()
}

#[tokio::test]
async fn smtp_sends_multipart_mail_seen_by_maildev() {
    let transport = smtp();
    transport.ping().await.unwrap();

    let renderer = MailRenderer::new("HireOps").unwrap();
    let to = format!("smtp-{}@example.com", suffix());
    let code = format!("{:06}", rand::random_range(0..1_000_000u32));
    let mail = OutgoingMail::new(
        Email::parse(&to).unwrap(),
        Some("Ada <Lovelace>".into()),
        MailMessage::TwoFactorCode {
            code: code.clone(),
            expires_in_minutes: 10,
        },
    );
    let rendered = renderer.render(&mail).unwrap();
    transport.send(&rendered).await.unwrap();

    let api = env_or("MAIL_CATCHER_URL", "http://127.0.0.1:1080");
    let http = reqwest::Client::new();
    let deadline = Instant::now() + Duration::from_secs(10);
    let found = loop {
        let all: Vec<serde_json::Value> = http
            .get(format!("{api}/email"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let hit = all.into_iter().find(|m| {
            m["to"]
                .as_array()
                .is_some_and(|to| to.iter().any(|t| t["address"].as_str() == Some(rendered.to.as_str())))
        });
        if let Some(hit) = hit {
            break hit;
        }
        assert!(Instant::now() < deadline, "mail to {to} never reached MailDev");
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert_eq!(found["subject"], "Your HireOps sign-in code");
    let text = found["text"].as_str().unwrap();
    let html = found["html"].as_str().unwrap();
    assert!(text.contains(&code) && text.contains("Hi Ada <Lovelace>,"), "{text}");
    assert!(
        html.contains(&code) && html.contains("Hi Ada &lt;Lovelace&gt;,"),
        "{html}"
    );
    assert!(
        found["from"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["address"] == "no-reply@hireops.local")
    );
    assert!(
        found["to"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["name"] == "Ada <Lovelace>"),
        "{}",
        found["to"]
    );

    // A bad recipient fails before reaching the relay.
    let bad = RenderedMail {
        to: "not an address".into(),
        ..rendered
    };
    assert!(transport.send(&bad).await.is_err());
    // Nothing listens on this port: ping fails.
    let dead = SmtpTransport::new(
        "127.0.0.1",
        1,
        None,
        None,
        SmtpTls::None,
        "no-reply@hireops.local".into(),
    )
    .unwrap();
    assert!(dead.ping().await.is_err());
}

async fn sesv2() -> aws_sdk_sesv2::Client {
    aws_sdk_sesv2::Client::new(&aws().await)
}

#[tokio::test]
async fn ses_sends_through_verified_identity() {
    let client = sesv2().await;
    let from = "no-reply@hireops.local";
    if client.get_email_identity().email_identity(from).send().await.is_err() {
        client
            .create_email_identity()
            .email_identity(from)
            .send()
            .await
            .unwrap();
    }
    let ses = SesTransport::new(client.clone(), format!("HireOps <{from}>"));
    ses.ping().await.unwrap();

    let renderer = MailRenderer::new("HireOps").unwrap();
    let mail = OutgoingMail::new(
        Email::parse(&format!("ses-{}@example.com", suffix())).unwrap(),
        Some("Zoë".into()),
        MailMessage::AccountLocked { minutes: 15 },
    );
    ses.send(&renderer.render(&mail).unwrap()).await.unwrap();

    // An identity that was never verified is refused, and its ping fails.
    let rogue = SesTransport::new(client, format!("someone@unverified-{}.example", suffix()));
    assert!(rogue.send(&renderer.render(&mail).unwrap()).await.is_err());
    assert!(rogue.ping().await.is_err());
}

// ---------------------------------------------------------------------------
// clamd
// ---------------------------------------------------------------------------

fn clamd() -> Clamd {
    Clamd::new(env_or("CLAMD_ADDR", "127.0.0.1:3310"), Duration::from_secs(30))
}

fn eicar() -> Vec<u8> {
    let a = r"X5O!P%@AP[4\PZX54(P^)7CC)7}$";
    let b = "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
    format!("{a}{b}").into_bytes()
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A one-entry ZIP archive, stored (no compression), written by hand.
fn stored_zip(name: &str, data: &[u8]) -> Vec<u8> {
    let crc = crc32(data);
    let size = u32::try_from(data.len()).unwrap();
    let name_len = u16::try_from(name.len()).unwrap();
    let (time, date) = (0u16, 0x21u16); // 1980-01-01 00:00
    let mut z = Vec::new();
    // Local file header
    z.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
    for v in [20u16, 0, 0, time, date] {
        z.extend_from_slice(&v.to_le_bytes());
    }
    for v in [crc, size, size] {
        z.extend_from_slice(&v.to_le_bytes());
    }
    z.extend_from_slice(&name_len.to_le_bytes());
    z.extend_from_slice(&0u16.to_le_bytes());
    z.extend_from_slice(name.as_bytes());
    z.extend_from_slice(data);
    // Central directory
    let cd_offset = u32::try_from(z.len()).unwrap();
    z.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
    for v in [20u16, 20, 0, 0, time, date] {
        z.extend_from_slice(&v.to_le_bytes());
    }
    for v in [crc, size, size] {
        z.extend_from_slice(&v.to_le_bytes());
    }
    for v in [name_len, 0, 0, 0, 0] {
        z.extend_from_slice(&v.to_le_bytes());
    }
    z.extend_from_slice(&0u32.to_le_bytes()); // external attributes
    z.extend_from_slice(&0u32.to_le_bytes()); // local header offset
    z.extend_from_slice(name.as_bytes());
    let cd_size = u32::try_from(z.len()).unwrap() - cd_offset;
    // End of central directory
    z.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    for v in [0u16, 0, 1, 1] {
        z.extend_from_slice(&v.to_le_bytes());
    }
    z.extend_from_slice(&cd_size.to_le_bytes());
    z.extend_from_slice(&cd_offset.to_le_bytes());
    z.extend_from_slice(&0u16.to_le_bytes());
    z
}

#[test]
fn crc32_matches_reference() {
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
}

#[tokio::test]
async fn clamd_ping_and_verdicts() {
    let c = clamd();
    c.ping().await.unwrap();

    let clean = b"Curriculum vitae\nJane Doe\nRust engineer\n".repeat(5000);
    assert_eq!(c.scan(&clean[..]).await.unwrap(), ScanVerdict::Clean);
    assert_eq!(c.scan(&b""[..]).await.unwrap(), ScanVerdict::Clean);

    match c.scan(&eicar()[..]).await.unwrap() {
        ScanVerdict::Infected(sig) => assert!(sig.to_lowercase().contains("eicar"), "{sig}"),
        v => panic!("EICAR not detected: {v:?}"),
    }

    let zip = stored_zip("resume.txt", &eicar());
    match c.scan(&zip[..]).await.unwrap() {
        ScanVerdict::Infected(sig) => assert!(sig.to_lowercase().contains("eicar"), "{sig}"),
        v => panic!("zipped EICAR not detected: {v:?}"),
    }
    // The same archive with harmless content is clean (so the zip itself is fine).
    assert_eq!(
        c.scan(&stored_zip("resume.txt", b"hello world")[..]).await.unwrap(),
        ScanVerdict::Clean
    );

    // Through a streaming reader (like a file or an S3 body), over several
    // INSTREAM chunks: clean data stays clean...
    let (mut w, r) = tokio::io::duplex(4096);
    let writer = tokio::spawn(async move {
        use tokio::io::AsyncWriteExt;
        w.write_all(&b"plain candidate notes ".repeat(20_000)).await.unwrap();
    });
    assert_eq!(c.scan(r).await.unwrap(), ScanVerdict::Clean);
    writer.await.unwrap();
    // ...and a signature straddling a 64 KiB chunk boundary is still found.
    let (mut w, r) = tokio::io::duplex(4096);
    let writer = tokio::spawn(async move {
        use tokio::io::AsyncWriteExt;
        w.write_all(&eicar()).await.unwrap();
        w.write_all(&b"\n".repeat(10)).await.unwrap();
    });
    assert!(matches!(c.scan(r).await.unwrap(), ScanVerdict::Infected(_)));
    writer.await.unwrap();
    let mut straddling = b"a".repeat(64 * 1024 - 20);
    straddling.extend_from_slice(&eicar());
    straddling.extend_from_slice(&b"b".repeat(1000));
    assert!(
        matches!(c.scan(&straddling[..]).await.unwrap(), ScanVerdict::Infected(_)),
        "signature across chunks"
    );
}

#[tokio::test]
async fn clamd_errors_are_errors() {
    // Over StreamMaxLength (30M locally): clamd answers "... size limit exceeded. ERROR".
    use tokio::io::AsyncReadExt;
    let big = tokio::io::repeat(b'a').take(31 * 1024 * 1024);
    let res = clamd().scan(big).await;
    let err = format!("{:#}", res.expect_err("oversized stream must not pass"));
    assert!(
        err.contains("size limit") || err.contains("closed the connection"),
        "{err}"
    );

    let nobody = Clamd::new("127.0.0.1:1", Duration::from_secs(2));
    assert!(nobody.ping().await.is_err());
    assert!(nobody.scan(&b"x"[..]).await.is_err());
}

// ---------------------------------------------------------------------------
// Redis
// ---------------------------------------------------------------------------

async fn redis() -> RedisStore {
    let url = env_or("REDIS_URL", "redis://127.0.0.1:6379");
    let r = RedisStore::connect(&url, &format!("hireops-test:{}:", suffix()))
        .await
        .unwrap();
    r.ping().await.unwrap();
    r
}

#[tokio::test]
async fn redis_rate_limiter() {
    let r = redis().await;
    let window = Duration::from_secs(2);
    for i in 0..3 {
        assert_eq!(
            r.hit("login:1.2.3.4", 3, window).await.unwrap(),
            RateDecision::Allowed,
            "hit {i}"
        );
    }
    for _ in 0..2 {
        match r.hit("login:1.2.3.4", 3, window).await.unwrap() {
            RateDecision::Limited { retry_after } => {
                assert!(
                    retry_after >= Duration::from_secs(1) && retry_after <= window,
                    "{retry_after:?}"
                )
            }
            RateDecision::Allowed => panic!("4th hit must be limited"),
        }
    }
    // Other keys are independent, and so are other prefixes.
    assert_eq!(r.hit("login:5.6.7.8", 3, window).await.unwrap(), RateDecision::Allowed);
    let other = redis().await;
    assert_eq!(
        other.hit("login:1.2.3.4", 3, window).await.unwrap(),
        RateDecision::Allowed
    );

    // A clone shares the counter.
    let clone = r.clone();
    assert!(matches!(
        clone.hit("login:1.2.3.4", 3, window).await.unwrap(),
        RateDecision::Limited { .. }
    ));

    // The window ends and counting starts again.
    tokio::time::sleep(window + Duration::from_millis(300)).await;
    assert_eq!(r.hit("login:1.2.3.4", 3, window).await.unwrap(), RateDecision::Allowed);

    // Limit 0 is never allowed; retry_after is at least a second even for a short window.
    match r.hit("zero", 0, Duration::from_millis(300)).await.unwrap() {
        RateDecision::Limited { retry_after } => assert_eq!(retry_after, Duration::from_secs(1)),
        RateDecision::Allowed => panic!("limit 0 must refuse"),
    }
}

#[tokio::test]
async fn redis_rate_limiter_is_atomic_under_concurrency() {
    let r = redis().await;
    let mut tasks = Vec::new();
    for _ in 0..50 {
        let r = r.clone();
        tasks.push(tokio::spawn(async move {
            r.hit("burst", 10, Duration::from_secs(30)).await.unwrap()
        }));
    }
    let mut allowed = 0;
    for t in tasks {
        if t.await.unwrap() == RateDecision::Allowed {
            allowed += 1;
        }
    }
    assert_eq!(allowed, 10);
}

#[tokio::test]
async fn redis_sso_state_is_single_use_and_expires() {
    let r = redis().await;
    let pending = SsoPending {
        provider: SsoProvider::Outlook,
        nonce: "n-123".into(),
        pkce_verifier: "v-456".into(),
    };
    r.put("state-a", &pending, Duration::from_secs(60)).await.unwrap();
    let got = r.take("state-a").await.unwrap().expect("first take");
    assert_eq!(
        (got.provider, got.nonce.as_str(), got.pkce_verifier.as_str()),
        (SsoProvider::Outlook, "n-123", "v-456")
    );
    assert!(r.take("state-a").await.unwrap().is_none(), "second take must be empty");
    assert!(r.take("never-put").await.unwrap().is_none());

    // Concurrent takes: exactly one wins.
    r.put("state-b", &pending, Duration::from_secs(60)).await.unwrap();
    let r2 = r.clone();
    let (a, b) = tokio::join!(r.take("state-b"), r2.take("state-b"));
    assert_eq!(a.unwrap().is_some() as u8 + b.unwrap().is_some() as u8, 1);

    // Expiry.
    r.put("state-c", &pending, Duration::from_millis(500)).await.unwrap();
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert!(r.take("state-c").await.unwrap().is_none(), "expired state must be gone");

    // Another prefix cannot see it.
    r.put("state-d", &pending, Duration::from_secs(60)).await.unwrap();
    assert!(redis().await.take("state-d").await.unwrap().is_none());
    assert!(r.take("state-d").await.unwrap().is_some());
}
