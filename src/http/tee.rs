//! One body fed to many requests: a download read once and uploaded to
//! every target at once through small bounded buffers. The slowest reader
//! sets the pace, memory stays flat whatever the size, and a reader that
//! goes away is dropped without stalling the others.

use super::BodyStream;
use bytes::Bytes;
use futures::StreamExt;
use tokio::sync::mpsc;

/// Chunks a reader may fall behind the fastest before the source waits.
const DEPTH: usize = 8;

/// The readers' end: one [`BodyStream`] per reader.
pub(crate) struct Tee {
    senders: Vec<Option<mpsc::Sender<anyhow::Result<Bytes>>>>,
}

/// What checks the body as it passes: sees each chunk, and at the end says
/// whether the whole is as expected.
pub(crate) trait Inspect {
    fn chunk(&mut self, chunk: &Bytes);
    /// `Err(what is wrong)` when the body is not what it should be.
    fn finish(self) -> anyhow::Result<()>;
}

/// A tee and its `n` readers.
pub(crate) fn tee(n: usize) -> (Tee, Vec<BodyStream>) {
    let mut senders = Vec::with_capacity(n);
    let mut readers = Vec::with_capacity(n);
    for _ in 0..n {
        let (tx, rx) = mpsc::channel(DEPTH);
        senders.push(Some(tx));
        readers.push(
            futures::stream::unfold(rx, |mut rx| async move {
                rx.recv().await.map(|item| (item, rx))
            })
            .boxed(),
        );
    }
    (Tee { senders }, readers)
}

impl Tee {
    /// Reads `source` to its end, handing each chunk to every reader still
    /// there, and returns how many bytes passed. The last chunk is held
    /// back until `inspect` has seen the whole: if the body is not as
    /// expected (or the source fails), every reader gets the error instead
    /// of the end, so no reader ever receives a whole body that is wrong.
    /// Ends early, with an error, when every reader is gone.
    pub(crate) async fn feed(
        mut self,
        mut source: BodyStream,
        mut inspect: impl Inspect,
    ) -> anyhow::Result<u64> {
        let mut held: Option<Bytes> = None;
        let mut passed = 0u64;
        while let Some(item) = source.next().await {
            let chunk = match item {
                Ok(chunk) => chunk,
                Err(e) => {
                    self.fail(&e).await;
                    return Err(e);
                }
            };
            inspect.chunk(&chunk);
            passed += chunk.len() as u64;
            if let Some(previous) = held.replace(chunk) {
                self.send(previous).await;
                if self.senders.iter().all(Option::is_none) {
                    anyhow::bail!("every reader of the stream went away");
                }
            }
        }
        if let Err(e) = inspect.finish() {
            self.fail(&e).await;
            return Err(e);
        }
        if let Some(last) = held {
            self.send(last).await;
        }
        Ok(passed)
    }

    /// Ends every reader with `e` before anything was fed (the source
    /// could not be read at all).
    pub(crate) async fn abort(mut self, e: &anyhow::Error) {
        self.fail(e).await;
    }

    /// Hands a chunk to every reader still there; a reader that went away
    /// is dropped.
    async fn send(&mut self, chunk: Bytes) {
        for slot in &mut self.senders {
            if let Some(tx) = slot
                && tx.send(Ok(chunk.clone())).await.is_err()
            {
                *slot = None;
            }
        }
    }

    /// Ends every reader with the error.
    async fn fail(&mut self, e: &anyhow::Error) {
        for tx in self.senders.iter_mut().filter_map(Option::take) {
            tx.send(Err(crate::error::copied(e))).await.ok();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counts bytes and fails at the end when told to.
    struct Count {
        seen: usize,
        fail: bool,
    }

    impl Inspect for Count {
        fn chunk(&mut self, chunk: &Bytes) {
            self.seen += chunk.len();
        }
        fn finish(self) -> anyhow::Result<()> {
            match self.fail {
                true => anyhow::bail!("hash mismatch after {} bytes", self.seen),
                false => Ok(()),
            }
        }
    }

    fn count(fail: bool) -> Count {
        Count { seen: 0, fail }
    }

    /// Feeds `source` to every reader and reads each to its end.
    async fn fed_to_all(
        tee: Tee,
        source: BodyStream,
        check: Count,
        readers: Vec<BodyStream>,
    ) -> (anyhow::Result<u64>, Vec<(usize, Option<String>)>) {
        let feed = tee.feed(source, check);
        tokio::join!(
            feed,
            futures::future::join_all(readers.into_iter().map(drain))
        )
    }

    fn source(chunks: usize) -> BodyStream {
        futures::stream::iter((0..chunks).map(|i| Ok(Bytes::from(vec![i as u8; 1000])))).boxed()
    }

    async fn drain(mut r: BodyStream) -> (usize, Option<String>) {
        let mut n = 0;
        while let Some(item) = r.next().await {
            match item {
                Ok(c) => n += c.len(),
                Err(e) => return (n, Some(e.to_string())),
            }
        }
        (n, None)
    }

    #[tokio::test]
    async fn every_reader_gets_the_whole_body_from_one_read() {
        let (tee, readers) = tee(3);
        let (fed, got) = fed_to_all(tee, source(100), count(false), readers).await;
        assert_eq!(fed.unwrap(), 100_000);
        assert!(got.iter().all(|g| *g == (100_000, None)), "{got:?}");
    }

    #[tokio::test]
    async fn a_reader_that_goes_away_does_not_stall_the_others() {
        let (tee, mut readers) = tee(2);
        let gone = readers.pop().unwrap();
        drop(gone);
        let feed = tee.feed(source(100), count(false));
        let (fed, got) = tokio::join!(feed, drain(readers.pop().unwrap()));
        assert_eq!(fed.unwrap(), 100_000);
        assert_eq!(got, (100_000, None));
    }

    #[tokio::test]
    async fn a_body_that_fails_its_check_never_reaches_a_reader_whole() {
        let (tee, readers) = tee(2);
        let (fed, got) = fed_to_all(tee, source(10), count(true), readers).await;
        assert!(fed.is_err());
        for (n, err) in got {
            assert!(n < 10_000, "{n}");
            assert_eq!(err.as_deref(), Some("hash mismatch after 10000 bytes"));
        }
    }

    #[tokio::test]
    async fn a_failing_source_ends_every_reader_with_its_error() {
        let (tee, readers) = tee(2);
        let failing = futures::stream::iter([
            Ok(Bytes::from_static(b"abc")),
            Err(anyhow::anyhow!("GET /file: connection reset")),
        ])
        .boxed();
        let (fed, got) = fed_to_all(tee, failing, count(false), readers).await;
        assert!(fed.is_err());
        for (_, err) in got {
            assert_eq!(err.as_deref(), Some("GET /file: connection reset"));
        }
    }

    #[tokio::test]
    async fn when_every_reader_is_gone_the_read_stops() {
        let (tee, readers) = tee(2);
        drop(readers);
        let err = tee.feed(source(100), count(false)).await.unwrap_err();
        assert!(err.to_string().contains("every reader"), "{err}");
    }
}
