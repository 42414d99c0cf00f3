//! Streamed bodies and the per-read timeout: a request body fed from a
//! stream, a response body read as one, and the watch that fails a request
//! when no byte moves for its timeout.

use super::transport::{Failure, Stall};
use bytes::Bytes;
use futures::Stream;
use futures::stream::BoxStream;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::time::{Instant, Sleep};

/// A response body as it arrives; errors are the same one-line errors
/// (with hints) as those of [`super::Http::send`].
pub(crate) type BodyStream = BoxStream<'static, anyhow::Result<Bytes>>;

/// A request body fed from a stream. It can be sent once: a clone of the
/// request shares it, and a second send fails instead of sending nothing.
#[derive(Clone)]
pub(crate) struct StreamBody {
    stream: Arc<Mutex<Option<BoxStream<'static, anyhow::Result<Bytes>>>>>,
    content_length: Option<u64>,
}

impl StreamBody {
    pub(super) fn new(
        stream: BoxStream<'static, anyhow::Result<Bytes>>,
        content_length: Option<u64>,
    ) -> Self {
        StreamBody {
            stream: Arc::new(Mutex::new(Some(stream))),
            content_length,
        }
    }

    /// The length announced in `Content-Length`; without one the body is
    /// sent chunked.
    pub(crate) fn content_length(&self) -> Option<u64> {
        self.content_length
    }

    pub(super) fn take(&self) -> Option<BoxStream<'static, anyhow::Result<Bytes>>> {
        lock(&self.stream).take()
    }
}

impl fmt::Debug for StreamBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.content_length {
            Some(n) => write!(f, "<streamed body, {n} bytes>"),
            None => f.write_str("<streamed body>"),
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// What one request is waiting for, shared by its body and its watch.
#[derive(Clone)]
pub(super) struct Activity(Arc<Mutex<Phase>>);

#[derive(Clone, Copy)]
enum Phase {
    /// Waiting on the network (connect, send, the answer) since `since`.
    Network { since: Instant, body_sent: bool },
    /// Waiting on the stream that feeds the request body: its own reads
    /// have their own timeouts, and its slowness is not the service's.
    Source,
}

impl Activity {
    pub(super) fn new(streamed_body: bool) -> Self {
        Activity(Arc::new(Mutex::new(Phase::Network {
            since: Instant::now(),
            body_sent: !streamed_body,
        })))
    }

    fn moved(&self, body_sent: bool) {
        *lock(&self.0) = Phase::Network {
            since: Instant::now(),
            body_sent,
        };
    }

    fn waiting_on_source(&self) {
        *lock(&self.0) = Phase::Source;
    }

    /// When the request times out if nothing moves before; where it
    /// stalled if that time has passed.
    fn deadline(&self, timeout: Duration) -> Result<Instant, Stall> {
        match *lock(&self.0) {
            Phase::Network { since, body_sent } => {
                let deadline = since + timeout;
                if Instant::now() < deadline {
                    Ok(deadline)
                } else if body_sent {
                    Err(Stall::Response)
                } else {
                    Err(Stall::Sending)
                }
            }
            Phase::Source => Ok(Instant::now() + timeout),
        }
    }
}

/// Runs `fut` (connect, send the body, wait for the status line) until it
/// ends or nothing moves on the network for `timeout`.
pub(super) async fn within<F: Future>(
    fut: F,
    timeout: Duration,
    activity: &Activity,
) -> Result<F::Output, Stall> {
    tokio::pin!(fut);
    loop {
        let deadline = activity.deadline(timeout)?;
        tokio::select! {
            biased;
            out = &mut fut => return Ok(out),
            () = tokio::time::sleep_until(deadline) => {}
        }
    }
}

/// The request body as reqwest pulls it: marks progress for the watch and
/// keeps the source's own error, which reqwest would flatten.
pub(super) struct Outgoing {
    inner: BoxStream<'static, anyhow::Result<Bytes>>,
    activity: Activity,
    left: Option<u64>,
    failed: Arc<Mutex<Option<anyhow::Error>>>,
}

/// The placeholder reqwest carries; the real error is in `Outgoing::failed`.
#[derive(Debug, thiserror::Error)]
#[error("the request body failed")]
pub(super) struct SourceFailed;

impl Outgoing {
    pub(super) fn new(
        inner: BoxStream<'static, anyhow::Result<Bytes>>,
        content_length: Option<u64>,
        activity: Activity,
    ) -> (Self, Arc<Mutex<Option<anyhow::Error>>>) {
        let failed = Arc::new(Mutex::new(None));
        let body = Outgoing {
            inner,
            activity,
            left: content_length,
            failed: failed.clone(),
        };
        (body, failed)
    }
}

/// The error the body's source failed with, if it did.
pub(super) fn source_error(failed: &Mutex<Option<anyhow::Error>>) -> Option<anyhow::Error> {
    lock(failed).take()
}

impl Stream for Outgoing {
    type Item = Result<Bytes, SourceFailed>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        this.activity.waiting_on_source();
        match this.inner.as_mut().poll_next(cx) {
            Poll::Ready(Some(Ok(chunk))) => {
                // With a Content-Length hyper stops asking after the last
                // byte, so the end of the body is known from the count.
                this.left = this.left.map(|n| n.saturating_sub(chunk.len() as u64));
                this.activity.moved(this.left == Some(0));
                Poll::Ready(Some(Ok(chunk)))
            }
            Poll::Ready(Some(Err(e))) => {
                *lock(&this.failed) = Some(e);
                Poll::Ready(Some(Err(SourceFailed)))
            }
            Poll::Ready(None) => {
                this.activity.moved(true);
                Poll::Ready(None)
            }
            Poll::Pending => Poll::Pending,
        }
    }
}

/// A response body whose every chunk must arrive within the timeout.
pub(super) struct Incoming {
    inner: BoxStream<'static, reqwest::Result<Bytes>>,
    timeout: Duration,
    sleep: Pin<Box<Sleep>>,
    waiting: bool,
    done: bool,
}

impl Incoming {
    pub(super) fn new(
        inner: BoxStream<'static, reqwest::Result<Bytes>>,
        timeout: Duration,
    ) -> Self {
        Incoming {
            inner,
            timeout,
            sleep: Box::pin(tokio::time::sleep(timeout)),
            waiting: false,
            done: false,
        }
    }
}

impl Stream for Incoming {
    type Item = Result<Bytes, Failure>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        if this.done {
            return Poll::Ready(None);
        }
        // The clock starts when the reader asks for the next chunk, so a
        // slow reader (a slow upload it feeds) is not blamed on this service.
        if !this.waiting {
            let deadline = Instant::now() + this.timeout;
            this.sleep.as_mut().reset(deadline);
            this.waiting = true;
        }
        match this.inner.as_mut().poll_next(cx) {
            Poll::Ready(item) => {
                this.waiting = false;
                this.done = !matches!(item, Some(Ok(_)));
                Poll::Ready(item.map(|r| r.map_err(Failure::Transport)))
            }
            Poll::Pending => match this.sleep.as_mut().poll(cx) {
                Poll::Ready(()) => {
                    this.done = true;
                    Poll::Ready(Some(Err(Failure::TimedOut(Stall::Reading))))
                }
                Poll::Pending => Poll::Pending,
            },
        }
    }
}
