//! Benchmarks, run on demand with `./scripts/bench` (never part of the tests).
//!
//! Against the real local stack, with two real `local` processes sharing one
//! database and one Redis (like two Lambda containers or two laptops' servers):
//!
//! 1. **Fan-out latency**: a recruiter sends 100 messages over REST to process
//!    1; the time until each `message.created` reaches a colleague's
//!    WebSocket on process 2 (one message in flight at a time, after 10
//!    warm-up messages). Reports p50, p90, p99 and max.
//! 2. **Upload to clean**: for 1 MB and 10 MB attachments, the time from the
//!    start of the presigned POST to S3 until `attachment.status_changed`
//!    says `clean` on a participant's socket (upload, confirm, queue, clamd
//!    INSTREAM, SHA-256, sniffing, the status write and the push). Five runs each.
//!
//! Prints a Markdown table; `docs/benchmarks.md` keeps the figures.

use futures_util::StreamExt;
use hireops_tests::TestApp;
use serde_json::{json, Value};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tokio_tungstenite::tungstenite::Message;

type Socket = tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

const WARM_UP: usize = 10;
const MESSAGES: usize = 100;
const UPLOAD_RUNS: usize = 5;

/// A `local` process serving the bench's database, queues and Redis prefix.
struct Server {
    child: Child,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").expect("a free port").local_addr().expect("addr").port()
}

async fn start_local(app: &TestApp) -> Server {
    let bin = std::env::var("HIREOPS_LOCAL_BIN").expect("HIREOPS_LOCAL_BIN (set by scripts/bench)");
    let c = &app.state.config;
    let port = free_port();
    let child = Command::new(bin)
        .env("HIREOPS_BIND", format!("127.0.0.1:{port}"))
        .env("DATABASE_URL", &c.database_url)
        .env("REDIS_URL", &c.redis_url)
        .env("REDIS_KEY_PREFIX", &c.redis_key_prefix)
        .env("QUEUE_MAIL", &c.queue_mail)
        .env("QUEUE_EVENTS", &c.queue_events)
        .env("QUEUE_IMPORT", &c.queue_import)
        .env("QUEUE_SCAN", &c.queue_scan)
        .env("S3_BUCKET", &c.s3_bucket)
        .env("APP_SECRET", &c.app_secret)
        .env("JWT_PRIVATE_KEY_PEM", &c.jwt_private_key_pem)
        .env("JWT_KEY_ID", &c.jwt_key_id)
        .env("JWT_ISSUER", &c.jwt_issuer)
        .env("JWT_AUDIENCE", &c.jwt_audience)
        .env("MESSAGE_ATTACHMENT_MAX_BYTES", c.message_attachment_max_bytes.to_string())
        .env("RUN_MIGRATIONS_ON_START", "false")
        .env_remove("BOOTSTRAP_SUPERADMIN_EMAIL")
        .env_remove("BOOTSTRAP_SUPERADMIN_PASSWORD")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start the local bin");
    let base = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Ok(r) = app.http.get(format!("{base}/api/health")).send().await
            && r.status().is_success()
        {
            break;
        }
        assert!(Instant::now() < deadline, "the local bin on {base} never became healthy");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    Server { child, base }
}

async fn post(app: &TestApp, url: String, token: &str, body: Value) -> Value {
    let r = app.http.post(url).bearer_auth(token).json(&body).send().await.expect("request");
    assert!(r.status().is_success(), "{}", r.status());
    r.json().await.unwrap_or(Value::Null)
}

async fn next_json(socket: &mut Socket) -> Value {
    loop {
        let frame = tokio::time::timeout(Duration::from_secs(120), socket.next()).await.expect("a frame").expect("open").expect("frame");
        if let Message::Text(text) = frame {
            return serde_json::from_str(text.as_str()).expect("json");
        }
    }
}

async fn join(base: &str, conversation: &str, token: &str) -> Socket {
    let url = format!("{}/ws/conversations/{conversation}?access_token={token}", base.replacen("http://", "ws://", 1));
    let (mut socket, _) = tokio_tungstenite::connect_async(url).await.expect("upgrade");
    for _ in 0..2 {
        assert_eq!(next_json(&mut socket).await["type"], "subscribed");
    }
    socket
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// Bytes of printable ASCII (clamd reads them all; they sniff as text/plain).
fn text_of(size: usize, seed: u64) -> Vec<u8> {
    let mut x = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    (0..size)
        .map(|i| {
            if i % 80 == 79 {
                return b'\n';
            }
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            b'a' + (x % 26) as u8
        })
        .collect()
}

#[tokio::main]
async fn main() {
    let app = TestApp::spawn_with(|c| c.message_attachment_max_bytes = 25 * 1024 * 1024).await;
    let one = start_local(&app).await;
    let two = start_local(&app).await;
    let agency = app.create_company("Bench Agency", "agency").await;
    let (sender_email, reader_email) = (hireops_tests::unique_email("bench-sender"), hireops_tests::unique_email("bench-reader"));
    let sender_id = app.create_user(&sender_email, "recruiter", Some(agency)).await;
    let reader_id = app.create_user(&reader_email, "recruiter", Some(agency)).await;
    let sender = app.sign_in(&sender_email).await["access_token"].as_str().unwrap().to_string();
    let reader = app.sign_in(&reader_email).await["access_token"].as_str().unwrap().to_string();
    let conversation = post(&app, format!("{}/api/messaging/conversations", one.base), &sender, json!({"participant_ids": [reader_id.0]})).await;
    let cid = conversation["id"].as_str().unwrap().to_string();
    let mut watcher = join(&two.base, &cid, &reader).await;
    let _ = sender_id;

    // 1. Fan-out: REST on process 1 → Redis → WebSocket on process 2.
    let mut latencies = Vec::with_capacity(MESSAGES);
    for i in 0..WARM_UP + MESSAGES {
        let started = Instant::now();
        let sent = post(&app, format!("{}/api/messaging/conversations/{cid}/messages", one.base), &sender, json!({"body": format!("bench {i}")})).await;
        loop {
            let frame = next_json(&mut watcher).await;
            if frame["type"] == "message.created" && frame["data"]["id"] == sent["id"] && frame["channel"] == format!("conversation:{cid}") {
                break;
            }
        }
        if i >= WARM_UP {
            latencies.push(started.elapsed());
        }
    }
    latencies.sort();

    // 2. Upload to clean: presigned POST, confirm, scan, pushed state.
    let mut uploads = Vec::new();
    for (label, size) in [("1 MB", 1_000_000usize), ("10 MB", 10_000_000usize)] {
        let mut runs = Vec::new();
        for run in 0..UPLOAD_RUNS {
            let bytes = text_of(size, run as u64 + size as u64);
            let form = post(
                &app,
                format!("{}/api/messaging/conversations/{cid}/attachments/presign", one.base),
                &sender,
                json!({"file_name": format!("bench-{run}.txt"), "content_type": "text/plain", "size": size}),
            )
            .await;
            let id = form["attachment_id"].as_str().unwrap().to_string();
            let started = Instant::now();
            let mut multipart = reqwest::multipart::Form::new();
            for (k, v) in form["fields"].as_object().unwrap() {
                multipart = multipart.text(k.clone(), v.as_str().unwrap().to_string());
            }
            multipart = multipart.part("file", reqwest::multipart::Part::bytes(bytes).file_name("bench.txt").mime_str("text/plain").unwrap());
            let stored = app.http.post(form["url"].as_str().unwrap()).multipart(multipart).send().await.expect("upload");
            assert!(stored.status().is_success(), "upload: {}", stored.status());
            let uploaded_after = started.elapsed();
            post(&app, format!("{}/api/messaging/attachments/{id}/uploaded", one.base), &sender, json!({})).await;
            loop {
                let frame = next_json(&mut watcher).await;
                if frame["type"] == "attachment.status_changed" && frame["data"]["id"] == id.as_str() && frame["data"]["status"] != "pending" {
                    assert_eq!(frame["data"]["status"], "clean", "{frame}");
                    break;
                }
            }
            runs.push((started.elapsed(), uploaded_after));
        }
        runs.sort();
        uploads.push((label, runs));
    }

    println!("## Fan-out latency ({MESSAGES} messages, REST send on process 1 → WebSocket on process 2)\n");
    println!("| p50 | p90 | p99 | max |\n|---|---|---|---|");
    println!(
        "| {} | {} | {} | {} |\n",
        ms(percentile(&latencies, 50.0)),
        ms(percentile(&latencies, 90.0)),
        ms(percentile(&latencies, 99.0)),
        ms(*latencies.last().unwrap())
    );
    println!("## Upload to clean ({UPLOAD_RUNS} runs each; presigned POST start → `clean` on a participant's socket)\n");
    println!("| size | median | min | max | of which the POST to S3 (median) |\n|---|---|---|---|---|");
    for (label, runs) in &uploads {
        let mut posts: Vec<Duration> = runs.iter().map(|r| r.1).collect();
        posts.sort();
        println!("| {label} | {} | {} | {} | {} |", ms(runs[runs.len() / 2].0), ms(runs[0].0), ms(runs[runs.len() - 1].0), ms(posts[posts.len() / 2]));
    }
    drop(one);
    drop(two);
}
