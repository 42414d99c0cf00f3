//! Sites from flags: which clouds (`--os-cloud`, `--sites`, `OS_CLOUD`, the
//! only cloud, or a prompt), and which of their regions (`regions:`, else
//! the Keystone catalog; `--os-region-name`, `--sites` globs).

use super::{OnCancel, Partial, Runner};
use crate::api::{SiteClient, SiteId};
use crate::auth::{Auth, NoCachedToken, Session};
use crate::config::{CloudConfig, Config, ensure_clouds};
use crate::error::{add_hint, describe, hinted};
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

/// A selected site: ready to use, or failed before it could be (its
/// Keystone did not answer, its configuration is unusable).
pub enum Site {
    Ready(Arc<SiteClient>),
    Failed(SiteId, anyhow::Error),
}

impl Site {
    pub fn id(&self) -> SiteId {
        match self {
            Site::Ready(c) => c.id.clone(),
            Site::Failed(id, _) => id.clone(),
        }
    }
}

const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// Resolves the selection into sites, sorted by cloud and region.
pub async fn select(
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

fn timeout_for(sel: &Selection, api_timeout: Option<f64>) -> Duration {
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

pub fn wanted(sel: &Selection, cloud: &str, region: &str) -> bool {
    (sel.regions.is_empty() || sel.regions.iter().any(|r| r == region))
        && (sel.patterns.is_empty()
            || sel
                .patterns
                .iter()
                .any(|p| pattern_matches(p, cloud, region)))
}

/// `all`, `cloud/region` globs, or a bare cloud glob meaning all its regions.
pub fn pattern_matches(pattern: &str, cloud: &str, region: &str) -> bool {
    if pattern == "all" {
        return true;
    }
    let (c, r) = pattern.split_once('/').unwrap_or((pattern, "*"));
    glob(c, cloud) && glob(r, region)
}

pub(crate) fn cloud_pattern_matches(pattern: &str, cloud: &str) -> bool {
    pattern == "all" || glob(pattern.split_once('/').map_or(pattern, |(c, _)| c), cloud)
}

/// `*` any run, `?` one character; everything else literal.
pub fn glob(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut pi, mut ti) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

/// The clouds to act on.
pub fn clouds<'a>(config: &'a Config, sel: &Selection) -> anyhow::Result<Vec<&'a CloudConfig>> {
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

/// What a command that works on sites starts from: the configuration, the
/// selection flags, one login per Keystone, and the run's site runner.
pub struct Estate<'a> {
    pub config: &'a Config,
    pub selection: Selection,
    pub auth: Auth,
    pub runner: Runner,
}

/// A cloud's name and its logins (or why they cannot be made).
pub type CloudLogins = (String, anyhow::Result<Vec<Arc<Session>>>);

impl Estate<'_> {
    /// Logs in where needed and resolves the selection into sites.
    pub async fn sites(&self) -> anyhow::Result<Vec<Site>> {
        select(self.config, &self.selection, &self.auth, &self.runner).await
    }

    /// The logins of the selected clouds, without logging in: those of the
    /// regions a cloud lists, else of its home region (the one that reads
    /// the catalog). A cloud whose configuration is unusable has its error.
    pub fn logins(&self) -> anyhow::Result<Vec<CloudLogins>> {
        let clouds = clouds(self.config, &self.selection)?;
        Ok(clouds
            .into_iter()
            .map(|cloud| {
                let home = cloud.home_region.clone().unwrap_or_default();
                let regions = if cloud.regions.is_empty() {
                    vec![home]
                } else {
                    cloud.regions.clone()
                };
                let sessions = regions
                    .iter()
                    .map(|r| {
                        let cfg = cloud.region(r)?;
                        self.auth
                            .session(&cfg, timeout_for(&self.selection, cfg.api_timeout))
                    })
                    .collect();
                (cloud.name.clone(), sessions)
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob("prod*", "prod-eu"));
        assert!(glob("*", ""));
        assert!(glob("Region?ne", "RegionOne"));
        assert!(!glob("prod", "prod-eu"));
        assert!(glob("*One", "RegionOne"));
        assert!(!glob("*Two", "RegionOne"));
    }

    #[test]
    fn patterns() {
        assert!(pattern_matches("all", "a", "b"));
        assert!(pattern_matches("prod/*", "prod", "RegionOne"));
        assert!(pattern_matches("*/RegionOne", "dev", "RegionOne"));
        assert!(!pattern_matches("*/RegionOne", "dev", "RegionTwo"));
        assert!(pattern_matches("dev", "dev", "RegionTwo"));
        assert!(!pattern_matches("dev", "prod", "RegionTwo"));
    }
}
