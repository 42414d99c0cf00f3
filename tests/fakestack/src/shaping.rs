//! Body faults: a streamed body cut, slowed or paused mid-transfer, in either direction.
//!
//! A response body that is cut ends with an error, so the connection is
//! dropped before `Content-Length` is reached and the client sees a broken
//! transfer. A request body (an upload) that is cut simply stops being
//! read, so the client stalls until its own timeout.

use std::time::Duration;

use axum::body::{Body, Bytes};
use futures_util::StreamExt;
use futures_util::stream::BoxStream;

use crate::faults::FaultKind;

/// How long a cut waits for the bytes before it to be written out.
const FLUSH: Duration = Duration::from_millis(50);

/// What a body fault does to the bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// Pass `after` bytes, then fail (a response) or stall (a request).
    Cut { after: u64 },
    /// At most `bytes_per_sec`, in pieces of a twentieth of a second.
    Slow { bytes_per_sec: u64 },
    /// Pass `after` bytes, wait `pause`, then the rest.
    Pause { after: u64, pause: Duration },
}

impl Shape {
    /// The shape of a body fault kind; `None` for the others.
    pub(crate) fn of(kind: &FaultKind) -> Option<Shape> {
        match *kind {
            FaultKind::CutBody { after_bytes } => Some(Shape::Cut { after: after_bytes }),
            FaultKind::SlowBody { bytes_per_sec } => Some(Shape::Slow {
                bytes_per_sec: bytes_per_sec.max(1),
            }),
            FaultKind::PauseBody { after_bytes, ms } => Some(Shape::Pause {
                after: after_bytes,
                pause: Duration::from_millis(ms),
            }),
            _ => None,
        }
    }
}

/// Which way a body flows, for what a cut does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Direction {
    Request,
    Response,
}

struct State {
    inner: BoxStream<'static, Result<Bytes, axum::Error>>,
    shape: Shape,
    direction: Direction,
    sent: u64,
    left: Bytes,
    paused: bool,
    /// A cut body has ended (with its error).
    done: bool,
}

/// The next piece of the shaped body.
async fn step(mut st: State) -> Option<(Result<Bytes, std::io::Error>, State)> {
    if st.done {
        return None;
    }
    loop {
        if st.left.is_empty() {
            match st.inner.next().await? {
                Ok(chunk) => st.left = chunk,
                Err(e) => return Some((Err(std::io::Error::other(e)), st)),
            }
            continue;
        }
        let len = st.left.len() as u64;
        let take = match st.shape {
            Shape::Cut { after } => {
                let room = after.saturating_sub(st.sent);
                if room == 0 {
                    if st.direction == Direction::Request {
                        std::future::pending::<()>().await;
                    }
                    // Let hyper flush what was sent, so the client gets
                    // exactly `after` bytes before the connection drops.
                    tokio::time::sleep(FLUSH).await;
                    let cut = std::io::Error::new(
                        std::io::ErrorKind::ConnectionAborted,
                        "fakestack cut the body",
                    );
                    st.done = true;
                    return Some((Err(cut), st));
                }
                room.min(len)
            }
            Shape::Slow { bytes_per_sec } => {
                let piece = (bytes_per_sec / 20).max(1).min(len);
                tokio::time::sleep(Duration::from_secs_f64(piece as f64 / bytes_per_sec as f64))
                    .await;
                piece
            }
            Shape::Pause { after, pause } => {
                if !st.paused && st.sent >= after {
                    tokio::time::sleep(pause).await;
                    st.paused = true;
                }
                if st.paused {
                    len
                } else {
                    (after - st.sent).min(len)
                }
            }
        };
        let piece = st.left.split_to(take as usize);
        st.sent += take;
        return Some((Ok(piece), st));
    }
}

/// `body` with the shape applied.
pub(crate) fn shape(body: Body, shape: Shape, direction: Direction) -> Body {
    let st = State {
        inner: body.into_data_stream().boxed(),
        shape,
        direction,
        sent: 0,
        left: Bytes::new(),
        paused: false,
        done: false,
    };
    Body::from_stream(futures_util::stream::unfold(st, step))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::to_bytes;

    #[tokio::test]
    async fn a_cut_response_fails_after_its_bytes() {
        let body = shape(
            Body::from(vec![7u8; 1000]),
            Shape::Cut { after: 300 },
            Direction::Response,
        );
        let mut stream = body.into_data_stream();
        let mut got = 0;
        let mut failed = false;
        while let Some(chunk) = stream.next().await {
            match chunk {
                Ok(b) => got += b.len(),
                Err(_) => failed = true,
            }
        }
        assert_eq!((got, failed), (300, true));
    }

    #[tokio::test]
    async fn slow_and_paused_bodies_arrive_whole_and_late() {
        let start = tokio::time::Instant::now();
        let body = shape(
            Body::from(vec![1u8; 2000]),
            Shape::Slow {
                bytes_per_sec: 10_000,
            },
            Direction::Response,
        );
        assert_eq!(to_bytes(body, 10_000).await.unwrap().len(), 2000);
        assert!(start.elapsed() >= Duration::from_millis(180));
        let start = tokio::time::Instant::now();
        let pause = Shape::Pause {
            after: 10,
            pause: Duration::from_millis(100),
        };
        let body = shape(Body::from(vec![1u8; 50]), pause, Direction::Response);
        assert_eq!(to_bytes(body, 100).await.unwrap().len(), 50);
        assert!(start.elapsed() >= Duration::from_millis(100));
    }
}
