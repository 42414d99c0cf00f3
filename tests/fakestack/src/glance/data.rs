//! Image data: `PUT /v2/images/{id}/file` read as a stream and hashed on the way, `GET …/file` streamed back.
//!
//! The upload is never buffered whole before it is checked: each chunk is
//! hashed (MD5 for `checksum`, SHA-512 for `os_hash_value`) and counted
//! against the size cap as it arrives, by the [`Intake`] a
//! `glance-download` import's fetch uses too, and [`activate`] leaves
//! both the same way. The bytes are then kept in memory and sent back in
//! 64 KiB chunks. An upload first needs room for its announced size in
//! the project's `image_size_total` when Keystone limits are on.

use std::convert::Infallible;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::Path;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use axum::routing::get;
use futures_util::StreamExt;
use md5::{Digest, Md5};
use serde_json::json;

use crate::server::Ctx;
use crate::state::Caller;
use crate::store::{ApiError, Kind, RegionStore, Reply, Req, owned_or_admin};

use super::images::{lookup, not_found};

/// The size of the chunks a download is sent in.
const CHUNK: usize = 64 * 1024;

pub(crate) fn routes() -> Router<Ctx> {
    Router::new().route("/image/v2/images/{id}/file", get(download).put(upload))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Image data as it arrives, from an upload or an import's download:
/// hashed (MD5 for `checksum`, SHA-512 for `os_hash_value`) and held to
/// the size cap chunk by chunk, so nothing is buffered unchecked.
pub(crate) struct Intake {
    /// The bytes, unless they are only hashed and counted (see
    /// [`crate::Spec::discard_image_data`]).
    data: Option<Vec<u8>>,
    len: usize,
    md5: Md5,
    sha: aws_lc_rs::digest::Context,
    cap: usize,
}

/// What an intake leaves: the bytes, or only their count.
pub(crate) enum Blob {
    Kept(Bytes),
    Discarded(usize),
}

impl Blob {
    fn len(&self) -> usize {
        match self {
            Blob::Kept(b) => b.len(),
            Blob::Discarded(n) => *n,
        }
    }
}

impl Intake {
    /// An intake held to `cap` bytes that keeps the bytes when `keep`.
    pub(crate) fn new(cap: usize, keep: bool) -> Self {
        Self {
            data: keep.then(Vec::new),
            len: 0,
            md5: Md5::new(),
            sha: aws_lc_rs::digest::Context::new(&aws_lc_rs::digest::SHA512),
            cap,
        }
    }

    /// Adds a chunk; Glance's 413 when it takes the data past the cap.
    pub(crate) fn take(&mut self, chunk: &[u8]) -> Result<(), ApiError> {
        if self.len + chunk.len() > self.cap {
            return Err(ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "The provided image is too large.",
            ));
        }
        self.md5.update(chunk);
        self.sha.update(chunk);
        self.len += chunk.len();
        if let Some(data) = &mut self.data {
            data.extend_from_slice(chunk);
        }
        Ok(())
    }

    /// How many bytes came so far.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The data and its (MD5, SHA-512) hex digests, for [`activate`].
    pub(crate) fn finish(self) -> (Blob, (String, String)) {
        let hashes = (hex(&self.md5.finalize()), hex(self.sha.finish().as_ref()));
        let blob = match self.data {
            Some(data) => Blob::Kept(Bytes::from(data)),
            None => Blob::Discarded(self.len),
        };
        (blob, hashes)
    }
}

/// The upload's announced size in whole MiB (Glance's quota delta; 0
/// when the body comes chunked).
fn megabytes(headers: &HeaderMap) -> i64 {
    headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<i64>().ok())
        .map_or(0, |n| n >> 20)
}

/// Marks the image `saving`; 409 unless it is `queued`.
fn begin(s: &mut RegionStore, caller: &Caller, id: &str) -> Result<(), ApiError> {
    let image = lookup(s, caller, id)?;
    if !owned_or_admin(caller, &image) {
        return Err(ApiError::forbidden(format!(
            "Not allowed to upload image data for image {id}"
        )));
    }
    let status = image.field("status").to_owned();
    if status != "queued" {
        return Err(ApiError::conflict(format!(
            "Image status transition from {status} to saving is not allowed"
        )));
    }
    if let Some(r) = s.get_mut(Kind::Image, id) {
        r.body["status"] = json!("saving");
        r.touch();
    }
    Ok(())
}

/// Puts the image back to `queued` if the upload ends before it finishes
/// (an error, or the request dropped), as Glance does with a failed upload.
struct Unfinished<'a> {
    ctx: &'a Ctx,
    id: &'a str,
    done: bool,
}

impl Drop for Unfinished<'_> {
    fn drop(&mut self) {
        if !self.done {
            restore(self.ctx, self.id);
        }
    }
}

fn restore(ctx: &Ctx, id: &str) {
    ctx.world.store.at(ctx.key(), |s| {
        if let Some(r) = s.get_mut(Kind::Image, id) {
            r.body["status"] = json!("queued");
            r.touch();
        }
    });
}

async fn upload(
    Req { ctx, caller, .. }: Req,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Reply {
    let kind = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    if !kind.starts_with("application/octet-stream") {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!("Invalid content type {kind}"),
        ));
    }
    let project = caller.project_id.as_deref().unwrap_or_default();
    ctx.world.store.at(ctx.key(), |s| {
        super::usage::enforce(&ctx, s, project, "image_size_total", megabytes(&headers))?;
        begin(s, &caller, &id)
    })?;
    let mut guard = Unfinished {
        ctx: &ctx,
        id: &id,
        done: false,
    };
    let mut intake = Intake::new(ctx.world.image_size_cap, ctx.world.keep_image_data);
    let mut stream = body.into_data_stream();
    while let Some(chunk) = stream.next().await {
        let Ok(chunk) = chunk else {
            return Err(ApiError::bad_request(
                "The image data upload was interrupted.",
            ));
        };
        intake.take(&chunk)?;
    }
    let (data, hashes) = intake.finish();
    let done = ctx.world.store.at(ctx.key(), |s| {
        activate(s, &id, data, hashes).map_err(|_| {
            ApiError::new(
                StatusCode::GONE,
                format!("Image {id} could not be found after upload. The image may have been deleted during the upload."),
            )
        })
    });
    guard.done = true;
    done.map(|()| {
        let mut resp = Response::new(Body::empty());
        *resp.status_mut() = StatusCode::NO_CONTENT;
        resp
    })
}

/// What a finished upload leaves: the data, its size, `checksum` (MD5),
/// `os_hash_value` (SHA-512), status `active`, store `local`.
pub(crate) fn activate(
    s: &mut RegionStore,
    id: &str,
    data: Blob,
    (md5, sha512): (String, String),
) -> Result<(), ApiError> {
    let r = s.get_mut(Kind::Image, id).ok_or_else(|| not_found(id))?;
    let size = data.len();
    // Glance's format inspector gives a raw (or ISO) image's size as its virtual size.
    let sized = matches!(r.field("disk_format"), "raw" | "iso" | "");
    r.body["size"] = json!(size);
    r.body["virtual_size"] = if sized { json!(size) } else { json!(null) };
    r.body["status"] = json!("active");
    r.body["checksum"] = json!(md5);
    r.body["os_hash_algo"] = json!("sha512");
    r.body["os_hash_value"] = json!(sha512);
    r.body["stores"] = json!("local");
    r.touch();
    if let Blob::Kept(data) = data {
        s.blobs.insert(id.to_owned(), data);
    }
    Ok(())
}

/// 200 with the data (`Content-MD5` the checksum), or 204 before any upload.
async fn download(Req { ctx, caller, .. }: Req, Path(id): Path<String>) -> Reply {
    let (image, data) = ctx.world.store.at(ctx.key(), |s| {
        let image = lookup(s, &caller, &id)?;
        Ok::<_, ApiError>((image, s.blobs.get(&id).cloned()))
    })?;
    let Some(data) = data else {
        let mut resp = Response::new(Body::empty());
        *resp.status_mut() = StatusCode::NO_CONTENT;
        return Ok(resp);
    };
    let len = data.len();
    let chunks = (0..len)
        .step_by(CHUNK)
        .map(move |at| Ok::<Bytes, Infallible>(data.slice(at..(at + CHUNK).min(len))));
    let mut resp = Response::new(Body::from_stream(futures_util::stream::iter(chunks)));
    let headers = resp.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/octet-stream"),
    );
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(len));
    if let Ok(md5) = HeaderValue::from_str(image.field("checksum")) {
        headers.insert("content-md5", md5);
    }
    Ok(resp)
}

/// Stores data for an image as a finished upload would (the test API's
/// way to seed an active image).
pub(crate) fn put(s: &mut RegionStore, id: &str, data: Vec<u8>) -> Result<(), ApiError> {
    let mut intake = Intake::new(usize::MAX, true);
    intake.take(&data)?;
    let (data, hashes) = intake.finish();
    activate(s, id, data, hashes)
}
