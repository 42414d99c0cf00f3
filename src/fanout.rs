//! Runs a task on every site with bounded concurrency; Ctrl-C stops the
//! outstanding work and returns what finished. Returns data, never prints.

use crate::api::SiteId;
use crate::render::progress::Progress;
use futures::StreamExt;
use std::future::Future;

/// What one site's task produced.
#[derive(Debug)]
pub struct Outcome<T> {
    pub site: SiteId,
    pub result: anyhow::Result<T>,
}

/// Every finished site's outcome, sorted by site, and whether Ctrl-C cut the run short.
#[derive(Debug)]
pub struct FanOut<T> {
    pub outcomes: Vec<Outcome<T>>,
    pub interrupted: bool,
}

/// Runs `task` on each item, at most `concurrency` at once.
pub async fn fan_out<I, T, F, Fut>(
    items: Vec<I>,
    site_of: impl Fn(&I) -> SiteId,
    concurrency: usize,
    progress: &dyn Progress,
    task: F,
) -> FanOut<T>
where
    F: Fn(I) -> Fut,
    Fut: Future<Output = anyhow::Result<T>>,
{
    let stream = futures::stream::iter(items.into_iter().map(|item| {
        let site = site_of(&item);
        let fut = task(item);
        async move {
            Outcome {
                site,
                result: fut.await,
            }
        }
    }))
    .buffer_unordered(concurrency.max(1));
    futures::pin_mut!(stream);
    let mut outcomes = Vec::new();
    let mut interrupted = false;
    let ctrl_c = tokio::signal::ctrl_c();
    futures::pin_mut!(ctrl_c);
    loop {
        tokio::select! {
            next = stream.next() => match next {
                Some(outcome) => {
                    progress.site_done(&outcome.site.to_string());
                    outcomes.push(outcome);
                }
                None => break,
            },
            _ = &mut ctrl_c => {
                interrupted = true;
                break;
            }
        }
    }
    progress.finish();
    outcomes.sort_by(|a, b| a.site.cmp(&b.site));
    FanOut {
        outcomes,
        interrupted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::progress::Silent;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    fn site(n: usize) -> SiteId {
        SiteId {
            cloud: format!("c{}", n % 3),
            region: format!("r{n:02}"),
        }
    }

    #[tokio::test]
    async fn bounded_sorted_and_failures_kept() {
        let running = Arc::new(AtomicUsize::new(0));
        let peak = Arc::new(AtomicUsize::new(0));
        let out = fan_out(
            (0..20).collect(),
            |n| site(*n),
            4,
            &Silent,
            |n| {
                let running = running.clone();
                let peak = peak.clone();
                async move {
                    let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                    peak.fetch_max(now, Ordering::SeqCst);
                    tokio::time::sleep(Duration::from_millis((20 - n) as u64)).await;
                    running.fetch_sub(1, Ordering::SeqCst);
                    if n == 7 { anyhow::bail!("boom") } else { Ok(n) }
                }
            },
        )
        .await;
        assert!(!out.interrupted);
        assert_eq!(out.outcomes.len(), 20);
        assert!(peak.load(Ordering::SeqCst) <= 4);
        let sites: Vec<_> = out.outcomes.iter().map(|o| o.site.clone()).collect();
        let mut sorted = sites.clone();
        sorted.sort();
        assert_eq!(sites, sorted);
        assert_eq!(out.outcomes.iter().filter(|o| o.result.is_err()).count(), 1);
    }
}
