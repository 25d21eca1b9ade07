import { afterEach, describe, expect, it, vi } from "vitest";
import { installFakeXhr } from "../../test/fakeXhr";
import { ApiError } from "../apiError";
import { uploadToPresignedPost } from "../upload";

describe("uploadToPresignedPost", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("posts every field, then the file last as `file`, reports progress and resolves on 2xx", async () => {
    const Xhr = installFakeXhr();
    const file = new File(["hello"], "cv.pdf", { type: "application/pdf" });
    const progress: number[] = [];
    const done = uploadToPresignedPost("http://s3.local/bucket", { key: "resumes/1", policy: "p", "x-amz-signature": "s" }, file, (f) => progress.push(f));
    const xhr = Xhr.instances[0]!;
    expect(xhr.method).toBe("POST");
    expect(xhr.url).toBe("http://s3.local/bucket");
    expect(xhr.partNames()).toEqual(["key", "policy", "x-amz-signature", "file"]);
    expect(xhr.body!.get("key")).toBe("resumes/1");
    expect(xhr.body!.get("file")).toBeInstanceOf(File);
    xhr.progress(2, 5);
    xhr.respond(204);
    await expect(done).resolves.toBeUndefined();
    expect(progress).toEqual([0.4, 1]);
  });

  it("rejects with upload_failed when the storage refuses or cannot be reached", async () => {
    const Xhr = installFakeXhr();
    const file = new File(["x"], "cv.pdf");
    const refused = uploadToPresignedPost("http://s3.local/b", {}, file, () => {});
    Xhr.instances[0]!.respond(403);
    await expect(refused).rejects.toMatchObject({ status: 403, code: "upload_failed" });
    const unreachable = uploadToPresignedPost("http://s3.local/b", {}, file, () => {});
    Xhr.instances[1]!.fail();
    await expect(unreachable).rejects.toBeInstanceOf(ApiError);
  });
});
