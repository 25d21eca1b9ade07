#!/usr/bin/env bash
# Prove that every local service works end to end (run after up.sh):
#   mariadb : SQL round-trip as the app user, incl. CREATE/DROP of a
#             <db>_test_<random> database, a table and a trigger in it
#   redis   : SET / GET / DEL
#   aws     : S3 put/get on both buckets, S3 -> scan-queue notification,
#             SQS send/receive/delete on every queue + DLQ wiring, SESv2 send
#   clamd   : PING, clean INSTREAM -> OK, EICAR plain / zip(stored) /
#             zip(deflated) -> FOUND
#   maildev : SMTP send with smtplib, read back via GET /email, DELETE it
# Exit code 0 only if every check passed. Leaves no test data behind.
set -euo pipefail

# shellcheck source=localstack/lib.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
load_env

FAILS=0
pass() { printf '%sPASS%s %s\n' "$_C_GRN" "$_C_OFF" "$*"; }
fail() { printf '%sFAIL%s %s\n' "$_C_RED" "$_C_OFF" "$*"; FAILS=$((FAILS + 1)); }

# ---------------------------------------------------------------- MariaDB
sql_selftest() {
  command -v mariadb >/dev/null 2>&1 || { fail "mariadb: client not installed"; return; }
  local db="${MYSQL_DATABASE}_test_selftest_$$_$RANDOM" out
  my() {
    MYSQL_PWD="$MYSQL_PASSWORD" mariadb --protocol=TCP -h "$MYSQL_HOST" -P "$MYSQL_PORT" \
      -u "$MYSQL_USER" --connect-timeout=5 -N -B "$@"
  }
  if out="$(my "$MYSQL_DATABASE" -e 'SELECT CONCAT(CURRENT_USER(), " on ", DATABASE(), " / ", VERSION())' 2>&1)"; then
    pass "mariadb: connected as $out"
  else
    fail "mariadb: cannot connect as $MYSQL_USER to $MYSQL_DATABASE: $out"; return
  fi
  if out="$(my -e "
      CREATE DATABASE \`$db\`;
      USE \`$db\`;
      CREATE TABLE t (id INT PRIMARY KEY AUTO_INCREMENT, v VARCHAR(50), n INT NOT NULL DEFAULT 0);
      CREATE TRIGGER t_bi BEFORE INSERT ON t FOR EACH ROW SET NEW.n = CHAR_LENGTH(NEW.v);
      INSERT INTO t (v) VALUES ('hello hireops');
      SELECT CONCAT(v, '|', n) FROM t;
      DROP DATABASE \`$db\`;" 2>&1)" && [ "$out" = "hello hireops|13" ]; then
    pass "mariadb: CREATE DATABASE $db, table, trigger, insert/select, DROP DATABASE"
  else
    fail "mariadb: round-trip in $db failed: $out"
    my -e "DROP DATABASE IF EXISTS \`$db\`" >/dev/null 2>&1 || true
  fi
}

# ---------------------------------------------------------------- Python checks
py_selftest() {
  if [ ! -x "$VENV_PY" ]; then fail "python venv $VENV_DIR missing (run localstack/up.sh)"; return; fi
  local rc=0
  "$VENV_PY" - <<'PY' || rc=$?
import io, json, os, smtplib, socket, struct, sys, time, urllib.request, uuid, zipfile
from email.message import EmailMessage

import boto3
from botocore.config import Config

E = os.environ
fails = 0
G, R, O = ("\033[32m", "\033[31m", "\033[0m") if sys.stdout.isatty() and not E.get("NO_COLOR") else ("", "", "")

def ok(msg): print(f"{G}PASS{O} {msg}", flush=True)
def bad(msg):
    global fails
    fails += 1
    print(f"{R}FAIL{O} {msg}", flush=True)
def warn(msg): print(f"WARN {msg}", flush=True)

def check(name):
    def deco(fn):
        try:
            fn()
        except Exception as exc:  # noqa: BLE001
            bad(f"{name}: {type(exc).__name__}: {exc}")
        return fn
    return deco

token = uuid.uuid4().hex[:12]

# ----------------------------------------------------------------- redis
def resp(sock, *args):
    out = b"*%d\r\n" % len(args)
    for a in args:
        a = a if isinstance(a, bytes) else str(a).encode()
        out += b"$%d\r\n%s\r\n" % (len(a), a)
    sock.sendall(out)
    f = sock.makefile("rb")
    line = f.readline().rstrip(b"\r\n")
    if line.startswith(b"$"):
        n = int(line[1:])
        return None if n < 0 else f.read(n + 2)[:-2]
    return line

@check("redis")
def _redis():
    with socket.create_connection((E["REDIS_HOST"], int(E["REDIS_PORT"])), timeout=5) as s:
        key = f"hireops:selftest:{token}"
        assert resp(s, "SET", key, "v-" + token, "EX", "60") == b"+OK"
        got = resp(s, "GET", key)
        resp(s, "DEL", key)
        assert got == ("v-" + token).encode(), got
    ok(f"redis: SET/GET/DEL {key}")

# ----------------------------------------------------------------- AWS
kw = dict(
    region_name=E["AWS_REGION"],
    aws_access_key_id=E["AWS_ACCESS_KEY_ID"], aws_secret_access_key=E["AWS_SECRET_ACCESS_KEY"],
    config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 3}),
)
def aws(service, suffix):
    return boto3.client(service, endpoint_url=E.get(f"AWS_ENDPOINT_URL_{suffix}") or E["AWS_ENDPOINT_URL"], **kw)
s3, sqs, sesv2 = aws("s3", "S3"), aws("sqs", "SQS"), aws("sesv2", "SESV2")
queues = [E["QUEUE_MAIL"], E["QUEUE_EVENTS"], E["QUEUE_SCAN"], E["QUEUE_IMPORT"]]

def take(queue_url, match, timeout=10):
    """Receive until a message whose body contains `match` shows up; delete it.
    Other messages are made visible again immediately (not consumed)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        r = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=1,
                                VisibilityTimeout=5)
        found = None
        for m in r.get("Messages", []):
            if found is None and match in m["Body"]:
                found = m
                sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=m["ReceiptHandle"])
            else:
                sqs.change_message_visibility(QueueUrl=queue_url, ReceiptHandle=m["ReceiptHandle"],
                                              VisibilityTimeout=0)
        if found:
            return found
    return None

@check("s3")
def _s3():
    for bucket in (E["S3_BUCKET"], E["S3_QUARANTINE_BUCKET"]):
        key = f"_selftest/{token}.txt"
        body = f"hello {token}".encode()
        s3.put_object(Bucket=bucket, Key=key, Body=body, ContentType="text/plain")
        got = s3.get_object(Bucket=bucket, Key=key)["Body"].read()
        assert got == body, got
        ok(f"s3: put/get s3://{bucket}/{key}")
    # notification from the upload bucket to the scan queue (best effort feature)
    scan_url = sqs.get_queue_url(QueueName=E["QUEUE_SCAN"])["QueueUrl"]
    m = take(scan_url, token)
    if m:
        rec = json.loads(m["Body"])["Records"][0]
        ok(f"s3: ObjectCreated notification {rec['eventName']} for {rec['s3']['object']['key']} arrived on {E['QUEUE_SCAN']}")
    else:
        warn(f"s3: no ObjectCreated notification on {E['QUEUE_SCAN']} (emulator without S3->SQS notifications?)")
    for bucket in (E["S3_BUCKET"], E["S3_QUARANTINE_BUCKET"]):
        s3.delete_object(Bucket=bucket, Key=f"_selftest/{token}.txt")

@check("sqs")
def _sqs():
    for q in queues:
        url = sqs.get_queue_url(QueueName=q)["QueueUrl"]
        attrs = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
        redrive = json.loads(attrs.get("RedrivePolicy", "{}"))
        dlq_name = redrive.get("deadLetterTargetArn", "").rsplit(":", 1)[-1]
        assert dlq_name == f"{q}-dlq", f"{q}: RedrivePolicy={attrs.get('RedrivePolicy')}"
        assert str(redrive.get("maxReceiveCount")) == "5", redrive
        assert attrs.get("VisibilityTimeout") == "30", attrs.get("VisibilityTimeout")
        dlq_url = sqs.get_queue_url(QueueName=dlq_name)["QueueUrl"]
        dattrs = sqs.get_queue_attributes(QueueUrl=dlq_url, AttributeNames=["MessageRetentionPeriod"])["Attributes"]
        assert dattrs["MessageRetentionPeriod"] == str(14 * 86400), dattrs
        body = json.dumps({"selftest": token, "queue": q})
        sqs.send_message(QueueUrl=url, MessageBody=body)
        m = take(url, token)
        assert m is not None, f"message not received back from {q}"
        ok(f"sqs: send/receive/delete on {q} (DLQ {dlq_name}, maxReceiveCount 5, retention 14d)")

@check("ses")
def _ses():
    sender = E["MAIL_FROM"]
    if "<" in sender and sender.endswith(">"):
        sender = sender.rsplit("<", 1)[1][:-1].strip()
    r = sesv2.send_email(
        FromEmailAddress=sender,
        Destination={"ToAddresses": ["selftest@example.com"]},
        Content={"Simple": {"Subject": {"Data": f"selftest {token}"}, "Body": {"Text": {"Data": "hello"}}}},
    )
    assert r.get("MessageId"), r
    ok(f"sesv2: SendEmail from {sender} -> MessageId {r['MessageId'][:24]}...")

# ----------------------------------------------------------------- clamd
host, _, port = E["CLAMD_ADDR"].rpartition(":")
# EICAR test string assembled at run time (never stored as a file)
EICAR = ("X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-" + "ANTIVIRUS-TEST-FILE!$H+H*").encode()

def clamd(cmd, payload=None):
    with socket.create_connection((host, int(port)), timeout=30) as s:
        s.sendall(b"z" + cmd + b"\0")
        if payload is not None:
            for i in range(0, len(payload), 65536):
                chunk = payload[i:i + 65536]
                s.sendall(struct.pack(">I", len(chunk)) + chunk)
            s.sendall(struct.pack(">I", 0))
        data = b""
        while not data.endswith(b"\0"):
            part = s.recv(4096)
            if not part:
                break
            data += part
        return data.rstrip(b"\0").decode()

def zipped(method):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=method) as z:
        z.writestr("readme.txt", "just a cv\n" * 50)
        z.writestr("docs/eicar.com", EICAR)
    return buf.getvalue()

@check("clamd")
def _clamd():
    assert clamd(b"PING") == "PONG"
    ok(f"clamd: PING -> PONG ({clamd(b'VERSION')})")
    clean = clamd(b"INSTREAM", b"Jane Doe - Curriculum Vitae\n" * 1000)
    assert clean == "stream: OK", clean
    ok(f"clamd: clean INSTREAM -> {clean}")
    for label, data in (("EICAR plain", EICAR),
                        ("EICAR in zip (stored)", zipped(zipfile.ZIP_STORED)),
                        ("EICAR in zip (deflated)", zipped(zipfile.ZIP_DEFLATED))):
        r = clamd(b"INSTREAM", data)
        assert r.startswith("stream: ") and r.endswith(" FOUND"), f"{label}: {r}"
        ok(f"clamd: {label} -> {r}")
    big = b"A" * (20 * 1024 * 1024)
    r = clamd(b"INSTREAM", big)
    assert r == "stream: OK", f"20 MB stream: {r}"
    ok("clamd: 20 MB INSTREAM accepted (StreamMaxLength >= 25 MB uploads)")

# ----------------------------------------------------------------- maildev
@check("maildev")
def _maildev():
    base = E["MAIL_CATCHER_URL"].rstrip("/")
    subject = f"HireOps selftest {token}"
    msg = EmailMessage()
    msg["From"] = E["MAIL_FROM"]
    msg["To"] = "candidate@example.com"
    msg["Subject"] = subject
    msg.set_content("Hello from localstack/selftest.sh")
    with smtplib.SMTP(E["SMTP_HOST"], int(E["SMTP_PORT"]), timeout=10) as smtp:
        smtp.send_message(msg)
    ok(f"smtp: sent '{subject}' via {E['SMTP_HOST']}:{E['SMTP_PORT']}")
    found, deadline = None, time.time() + 10
    while not found and time.time() < deadline:
        with urllib.request.urlopen(f"{base}/email", timeout=5) as r:
            found = next((m for m in json.load(r) if m.get("subject") == subject), None)
        if not found:
            time.sleep(0.3)
    assert found, f"message not listed by GET {base}/email"
    ok(f"maildev: GET /email lists it (id {found['id']}, to {found['to'][0]['address']})")
    req = urllib.request.Request(f"{base}/email/{found['id']}", method="DELETE")
    urllib.request.urlopen(req, timeout=5).read()
    ok(f"maildev: DELETE /email/{found['id']}")

sys.exit(1 if fails else 0)
PY
  [ "$rc" = 0 ] || FAILS=$((FAILS + 1))
}

echo "== HireOps local services selftest"
sql_selftest
export REDIS_HOST REDIS_PORT
py_selftest
echo
if [ "$FAILS" = 0 ]; then
  printf '%sselftest passed%s\n' "$_C_GRN" "$_C_OFF"
else
  printf '%sselftest FAILED%s (%s group(s) failed)\n' "$_C_RED" "$_C_OFF" "$FAILS"
  exit 1
fi
