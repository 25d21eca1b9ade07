#!/usr/bin/env python3
"""Create (idempotently) the AWS resources HireOps expects on the local
S3/SQS/SESv2 emulator (moto_server, or LocalStack when using compose.yaml).

Run with the venv python created by up.sh:
    ~/.cache/hireops/venv/bin/python localstack/init_aws.py

Environment (all optional):
    AWS_ENDPOINT_URL      http://127.0.0.1:4566
    AWS_ENDPOINT_URL_S3 / _SQS / _SESV2 / _SES   per-service override (optional)
    AWS_REGION            us-east-1
    AWS_ACCESS_KEY_ID     test
    AWS_SECRET_ACCESS_KEY test
    S3_BUCKET             hireops-uploads
    S3_QUARANTINE_BUCKET  hireops-quarantine
    QUEUE_MAIL            hireops-mail      (queue NAMES, each gets <name>-dlq)
    QUEUE_EVENTS          hireops-events
    QUEUE_SCAN            hireops-scan
    QUEUE_IMPORT          hireops-import
    MAIL_FROM             no-reply@hireops.local

Running it again changes nothing; it only reports what exists.
Exit code 0 when every required resource exists (the S3 -> SQS bucket
notification is best effort and never fails the run).
"""

import json
import os
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

DLQ_MAX_RECEIVE_COUNT = 5
VISIBILITY_TIMEOUT = 30
DLQ_RETENTION_SECONDS = 14 * 24 * 3600  # 14 days (SQS maximum)


def env(name, default):
    value = os.environ.get(name, "").strip()
    return value or default


def out(msg):
    print(f"[init_aws] {msg}", flush=True)


def err_code(exc):
    return exc.response.get("Error", {}).get("Code", "")


def clients():
    endpoint = env("AWS_ENDPOINT_URL", "http://127.0.0.1:4566")
    region = env("AWS_REGION", env("AWS_DEFAULT_REGION", "us-east-1"))
    kwargs = dict(
        endpoint_url=endpoint,
        region_name=region,
        aws_access_key_id=env("AWS_ACCESS_KEY_ID", "test"),
        aws_secret_access_key=env("AWS_SECRET_ACCESS_KEY", "test"),
    )
    cfg = Config(
        retries={"max_attempts": 5, "mode": "standard"},
        connect_timeout=5,
        read_timeout=30,
        s3={"addressing_style": "path"},
    )
    session = boto3.session.Session()

    def client(service, env_suffix):
        # Per-service override, same names the AWS SDKs use
        # (e.g. AWS_ENDPOINT_URL_S3=http://127.0.0.1:9000 for MinIO).
        kw = dict(kwargs, endpoint_url=env(f"AWS_ENDPOINT_URL_{env_suffix}", endpoint))
        return session.client(service, config=cfg, **kw)

    return (
        endpoint,
        region,
        client("s3", "S3"),
        client("sqs", "SQS"),
        client("sesv2", "SESV2"),
        client("ses", "SES"),
    )


# --------------------------------------------------------------------------- S3
def ensure_bucket(s3, region, name):
    try:
        s3.head_bucket(Bucket=name)
        out(f"S3 bucket  {name}: exists")
        return
    except ClientError as exc:
        if err_code(exc) not in ("404", "NoSuchBucket", "NotFound"):
            raise
    params = {"Bucket": name}
    if region != "us-east-1":
        params["CreateBucketConfiguration"] = {"LocationConstraint": region}
    try:
        s3.create_bucket(**params)
        out(f"S3 bucket  {name}: created")
    except ClientError as exc:
        if err_code(exc) in ("BucketAlreadyOwnedByYou", "BucketAlreadyExists"):
            out(f"S3 bucket  {name}: exists")
        else:
            raise


# -------------------------------------------------------------------------- SQS
def queue_url(sqs, name):
    try:
        return sqs.get_queue_url(QueueName=name)["QueueUrl"]
    except ClientError as exc:
        if err_code(exc) in (
            "AWS.SimpleQueueService.NonExistentQueue",
            "QueueDoesNotExist",
            "NonExistentQueue",
        ):
            return None
        raise


def ensure_queue_attrs(sqs, name, wanted):
    """Create queue `name` with attributes `wanted`, or converge an existing
    queue to them. Returns (url, arn, state)."""
    url = queue_url(sqs, name)
    if url is None:
        url = sqs.create_queue(QueueName=name, Attributes=wanted)["QueueUrl"]
        state = "created"
    else:
        current = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
        diff = {k: v for k, v in wanted.items() if not same_attr(k, current.get(k), v)}
        if diff:
            sqs.set_queue_attributes(QueueUrl=url, Attributes=diff)
            state = "updated (" + ", ".join(sorted(diff)) + ")"
        else:
            state = "exists"
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    return url, arn, state


def same_attr(key, current, wanted):
    if current is None:
        return False
    if key in ("RedrivePolicy", "Policy"):
        try:
            a, b = json.loads(current), json.loads(wanted)
        except ValueError:
            return current == wanted
        # maxReceiveCount comes back as int or str depending on the emulator
        norm = lambda d: {k: str(v) for k, v in d.items()} if isinstance(d, dict) else d
        return norm(a) == norm(b)
    return str(current) == str(wanted)


def ensure_queue_with_dlq(sqs, name):
    dlq_name = f"{name}-dlq"
    _, dlq_arn, dlq_state = ensure_queue_attrs(
        sqs,
        dlq_name,
        {
            "MessageRetentionPeriod": str(DLQ_RETENTION_SECONDS),
            "VisibilityTimeout": str(VISIBILITY_TIMEOUT),
        },
    )
    out(f"SQS queue  {dlq_name}: {dlq_state}")
    redrive = json.dumps({"deadLetterTargetArn": dlq_arn, "maxReceiveCount": str(DLQ_MAX_RECEIVE_COUNT)})
    url, arn, state = ensure_queue_attrs(
        sqs,
        name,
        {"VisibilityTimeout": str(VISIBILITY_TIMEOUT), "RedrivePolicy": redrive},
    )
    out(f"SQS queue  {name}: {state} (DLQ {dlq_name}, maxReceiveCount={DLQ_MAX_RECEIVE_COUNT})")
    return url, arn


# ---------------------------------------------------- S3 -> SQS notification
def ensure_bucket_notification(s3, sqs, bucket, queue_name, queue_url_, queue_arn):
    """Best effort: s3:ObjectCreated:* on `bucket` -> scan queue."""
    try:
        bucket_arn = f"arn:aws:s3:::{bucket}"
        policy = json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Sid": "AllowS3ObjectCreated",
                        "Effect": "Allow",
                        "Principal": {"Service": "s3.amazonaws.com"},
                        "Action": "sqs:SendMessage",
                        "Resource": queue_arn,
                        "Condition": {"ArnLike": {"aws:SourceArn": bucket_arn}},
                    }
                ],
            }
        )
        current = sqs.get_queue_attributes(QueueUrl=queue_url_, AttributeNames=["Policy"])
        if not same_attr("Policy", current.get("Attributes", {}).get("Policy"), policy):
            sqs.set_queue_attributes(QueueUrl=queue_url_, Attributes={"Policy": policy})

        wanted = {
            "Id": "hireops-scan-on-upload",
            "QueueArn": queue_arn,
            "Events": ["s3:ObjectCreated:*"],
        }
        conf = s3.get_bucket_notification_configuration(Bucket=bucket)
        existing = conf.get("QueueConfigurations", [])
        if any(q.get("QueueArn") == queue_arn and "s3:ObjectCreated:*" in q.get("Events", []) for q in existing):
            out(f"S3 notify  {bucket} s3:ObjectCreated:* -> {queue_name}: exists")
            return True
        others = [q for q in existing if q.get("Id") != wanted["Id"]]
        new_conf = {
            "QueueConfigurations": others + [wanted],
            "TopicConfigurations": conf.get("TopicConfigurations", []),
            "LambdaFunctionConfigurations": conf.get("LambdaFunctionConfigurations", []),
        }
        if conf.get("EventBridgeConfiguration") is not None:
            new_conf["EventBridgeConfiguration"] = conf["EventBridgeConfiguration"]
        s3.put_bucket_notification_configuration(Bucket=bucket, NotificationConfiguration=new_conf)
        out(f"S3 notify  {bucket} s3:ObjectCreated:* -> {queue_name}: created")
        return True
    except Exception as exc:  # noqa: BLE001 - best effort by design
        out(f"S3 notify  {bucket} -> {queue_name}: NOT configured ({exc}); continuing")
        return False


# ------------------------------------------------------------------------ SES
def ensure_ses_identity(sesv2, ses, identity):
    try:
        sesv2.get_email_identity(EmailIdentity=identity)
        state = "exists"
    except ClientError as exc:
        if err_code(exc) not in ("NotFoundException", "NotFound", "404"):
            raise
        sesv2.create_email_identity(EmailIdentity=identity)
        state = "created"
    # moto keeps one SES backend for v1 and v2; make sure the address also
    # counts as verified for SendEmail (LocalStack ignores verification).
    try:
        verified = ses.list_verified_email_addresses().get("VerifiedEmailAddresses", [])
        if identity not in verified and "@" in identity:
            ses.verify_email_identity(EmailAddress=identity)
    except ClientError as exc:
        out(f"SES v1 verify {identity}: skipped ({err_code(exc)})")
    out(f"SES ident  {identity}: {state}")


def main():
    endpoint, region, s3, sqs, sesv2, ses = clients()
    out(f"endpoint {endpoint} region {region}")

    bucket = env("S3_BUCKET", "hireops-uploads")
    quarantine = env("S3_QUARANTINE_BUCKET", "hireops-quarantine")
    queues = {
        "mail": env("QUEUE_MAIL", "hireops-mail"),
        "events": env("QUEUE_EVENTS", "hireops-events"),
        "scan": env("QUEUE_SCAN", "hireops-scan"),
        "import": env("QUEUE_IMPORT", "hireops-import"),
    }
    mail_from = env("MAIL_FROM", "no-reply@hireops.local")
    # "Name <addr@x>" -> addr@x
    if "<" in mail_from and mail_from.endswith(">"):
        mail_from = mail_from.rsplit("<", 1)[1][:-1].strip()

    for b in (bucket, quarantine):
        ensure_bucket(s3, region, b)

    created = {}
    for key, name in queues.items():
        created[key] = ensure_queue_with_dlq(sqs, name)

    scan_url, scan_arn = created["scan"]
    ensure_bucket_notification(s3, sqs, bucket, queues["scan"], scan_url, scan_arn)

    ensure_ses_identity(sesv2, ses, mail_from)

    # ---- summary of what exists -------------------------------------------
    buckets = sorted(b["Name"] for b in s3.list_buckets().get("Buckets", []))
    urls = sorted(sqs.list_queues(QueueNamePrefix="").get("QueueUrls", []))
    identities = sorted(
        i["IdentityName"] for i in sesv2.list_email_identities().get("EmailIdentities", [])
    )
    out("buckets:    " + ", ".join(buckets))
    out("queues:     " + ", ".join(u.rsplit("/", 1)[-1] for u in urls))
    out("identities: " + ", ".join(identities))
    return 0


if __name__ in ("__main__", "builtins"):
    # "builtins": LocalStack runs /etc/localstack/init/ready.d/*.py via exec();
    # raising (instead of sys.exit) keeps its process alive on failure.
    if __name__ == "builtins":
        main()
    else:
        try:
            sys.exit(main())
        except ClientError as exc:
            print(f"[init_aws] ERROR: {exc}", file=sys.stderr)
            sys.exit(1)
        except Exception as exc:  # connection refused etc.
            print(f"[init_aws] ERROR: {type(exc).__name__}: {exc}", file=sys.stderr)
            sys.exit(1)
