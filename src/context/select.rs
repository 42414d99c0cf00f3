//! Sites from flags: which clouds (`--os-cloud`, `--sites`, `OS_CLOUD`, the
//! only cloud, or a prompt), and which of their regions (`regions:`, else
//! the Keystone catalog; `--os-region-name`, `--sites` globs).

use super::patterns::{cloud_pattern_matches, glob, pattern_matches};
use crate::api::{SiteClient, SiteId};
use crate::auth::{Auth, NoCachedToken};
use crate::config::{CloudConfig, Config, ensure_clouds};
use crate::error::{add_hint, describe, hinted};
use crate::fanout::{OnCancel, Partial, Runner, Site};
use crate::render::prompt;
use std::sync::Arc;
use std::time::Duration;

/// The user's selection, as given on the command line and in the environment.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// `--os-cloud` (explicit).
    pub clouds: Vec<String>,
    /// `--os-region-name`, else `OS_REGION_NAME`.
    pub regions: Vec<String>,
    /// `--sites` globs.
    pub patterns: Vec<String>,
    /// `--os-interface`.
    pub interface: Option<String>,
    /// `--timeout`.
    pub timeout: Option<Duration>,
}

impl Selection {
    /// The selection with `regions` (`OS_REGION_NAME`) as its regions when
    /// neither --os-region-name nor --sites chose any.
    pub(crate) fn or_regions(mut self, regions: &[String]) -> Self {
        if self.regions.is_empty() && self.patterns.is_empty() {
            self.regions = regions.to_vec();
        }
        self
    }
}

const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// Resolves the selection into sites, sorted by cloud and region.
pub(crate) async fn select(
    config: &Config,
    sel: &Selection,
    auth: &Auth,
    runner: &Runner,
) -> anyhow::Result<Vec<Site>> {
    let clouds = clouds(config, sel)?;
    // Regions of clouds without a `regions:` list come from their catalogs,
    // fetched concurrently (clouds sharing a Keystone share the token).
    let found = runner
        .run(
            clouds,
            |c| SiteId {
                cloud: c.name.clone(),
                region: String::new(),
            },
            OnCancel::Abandon,
            |cloud| async move { Ok(Partial::new(regions_of(cloud, sel, auth).await)) },
        )
        .await;
    if found.interrupted {
        return Err(anyhow::Error::new(crate::error::Interrupted));
    }
    let mut sites = Vec::new();
    let mut seen_regions = Vec::new();
    let mut unknown = Vec::new();
    for (_, (cloud, regions)) in found.done {
        match regions {
            Err(e) => unknown.push((cloud, e)),
            Ok(regions) => {
                for region in regions {
                    seen_regions.push(region.clone());
                    if !wanted(sel, &cloud.name, &region) {
                        continue;
                    }
                    sites.push(site(cloud, &region, sel, auth));
                }
            }
        }
    }
    // After every site is set up, so the error names every cloud of the login.
    let regions_unknown = !unknown.is_empty();
    for (cloud, e) in unknown {
        sites.extend(unknown_regions(cloud, sel, &e));
    }
    for r in &sel.regions {
        if !regions_unknown && !seen_regions.is_empty() && !seen_regions.contains(r) {
            seen_regions.sort();
            seen_regions.dedup();
            return Err(hinted(
                format!("--os-region-name {r}: no selected cloud has that region"),
                format!("regions found: {}", seen_regions.join(", ")),
            ));
        }
    }
    if sites.is_empty() {
        return Err(hinted(
            "no site matches the selection",
            "run `osprey sites --sites all` to see every cloud and region",
        ));
    }
    sites.sort_by_key(|s| s.id());
    Ok(sites)
}

fn site(cloud: &CloudConfig, region: &str, sel: &Selection, auth: &Auth) -> Site {
    let id = SiteId {
        cloud: cloud.name.clone(),
        region: region.to_string(),
    };
    let built = cloud.region(region).and_then(|cfg| {
        let timeout = timeout_for(sel, cfg.api_timeout);
        let session = auth.session(&cfg, timeout)?;
        Ok(SiteClient::new(cfg, session, sel.interface.as_deref()))
    });
    match built {
        Ok(c) => Site::Ready(Arc::new(c)),
        Err(e) => Site::Failed(id, e),
    }
}

pub(super) fn timeout_for(sel: &Selection, api_timeout: Option<f64>) -> Duration {
    sel.timeout
        .or_else(|| {
            api_timeout
                .filter(|t| *t > 0.0)
                .map(Duration::from_secs_f64)
        })
        .unwrap_or(DEFAULT_TIMEOUT)
}

/// The cloud's regions: its `regions:` list, else its catalog's regions.
async fn regions_of<'a>(
    cloud: &'a CloudConfig,
    sel: &Selection,
    auth: &Auth,
) -> (&'a CloudConfig, anyhow::Result<Vec<String>>) {
    if !cloud.regions.is_empty() {
        return (cloud, Ok(cloud.regions.clone()));
    }
    let home = cloud.home_region.clone().unwrap_or_default();
    let discovered = async {
        let cfg = cloud.region(&home)?;
        let session = auth.session(&cfg, timeout_for(sel, cfg.api_timeout))?;
        let token = session.token().await?;
        let regions: Vec<String> = token.catalog.regions().into_iter().collect();
        Ok(if regions.is_empty() {
            vec![home.clone()]
        } else {
            regions
        })
    };
    (cloud, discovered.await)
}

/// The sites of a cloud whose catalog could not be read, each failed with
/// its login's error: the regions the selection names (no catalog can say
/// whether they exist), else the whole cloud as `cloud/*`.
fn unknown_regions(cloud: &CloudConfig, sel: &Selection, err: &anyhow::Error) -> Vec<Site> {
    let mut regions = sel.regions.clone();
    regions.extend(sel.patterns.iter().filter_map(|p| {
        let (c, r) = p.split_once('/')?;
        (glob(c, &cloud.name) && !r.contains(['*', '?'])).then(|| r.to_string())
    }));
    regions.retain(|r| wanted(sel, &cloud.name, r));
    regions.sort();
    regions.dedup();
    if regions.is_empty() {
        regions.push("*".to_string());
    }
    let (message, hints) = describe(err);
    let uncached = err.downcast_ref::<NoCachedToken>().is_some();
    let failed = |region| {
        if uncached {
            let cloud = cloud.name.clone();
            return Site::Failed(SiteId { cloud, region }, anyhow::Error::new(NoCachedToken));
        }
        let mut e = anyhow::anyhow!("regions unknown: Keystone failed: {message}");
        for h in &hints {
            e = add_hint(e, h.clone());
        }
        let cloud = cloud.name.clone();
        Site::Failed(SiteId { cloud, region }, e)
    };
    regions.into_iter().map(failed).collect()
}

/// Whether the selection's `--os-region-name` and `--sites` keep a site.
pub(crate) fn wanted(sel: &Selection, cloud: &str, region: &str) -> bool {
    (sel.regions.is_empty() || sel.regions.iter().any(|r| r == region))
        && (sel.patterns.is_empty()
            || sel
                .patterns
                .iter()
                .any(|p| pattern_matches(p, cloud, region)))
}

/// The clouds to act on.
pub(crate) fn clouds<'a>(
    config: &'a Config,
    sel: &Selection,
) -> anyhow::Result<Vec<&'a CloudConfig>> {
    ensure_clouds(config)?;
    if !sel.clouds.is_empty() {
        let mut out = Vec::new();
        for name in &sel.clouds {
            let c = config.cloud(name)?;
            if !out.iter().any(|o: &&CloudConfig| o.name == c.name) {
                out.push(c);
            }
        }
        return Ok(out);
    }
    if !sel.patterns.is_empty() {
        let out: Vec<&CloudConfig> = config
            .clouds
            .iter()
            .filter(|c| {
                sel.patterns
                    .iter()
                    .any(|p| cloud_pattern_matches(p, &c.name))
            })
            .collect();
        if out.is_empty() {
            return Err(hinted(
                format!("--sites {}: no cloud matches", sel.patterns.join(",")),
                format!("clouds: {}", names(config)),
            ));
        }
        return Ok(out);
    }
    if let Some(name) = &config.default_cloud {
        return Ok(vec![config.cloud(name)?]);
    }
    if config.clouds.len() == 1 {
        return Ok(vec![&config.clouds[0]]);
    }
    if prompt::interactive() {
        let items: Vec<&str> = config.clouds.iter().map(|c| c.name.as_str()).collect();
        let picked = prompt::pick_many("clouds to act on (space selects, enter confirms)", &items)?;
        if !picked.is_empty() {
            return Ok(picked.into_iter().map(|i| &config.clouds[i]).collect());
        }
    }
    Err(hinted(
        format!(
            "no cloud selected and {} are configured: {}",
            config.clouds.len(),
            names(config)
        ),
        "pass --os-cloud NAME (or --sites all), or set OS_CLOUD",
    ))
}

fn names(config: &Config) -> String {
    config
        .clouds
        .iter()
        .map(|c| c.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}
