//! What every sync command shares: the source site (`--from`, default the
//! selected cloud's home region), the target sites (`--to` globs, default
//! every other selected site), and the drift matrix of names by sites.

pub(crate) mod drift;

use crate::api::{SiteClient, SiteId};
use crate::config::CloudConfig;
use crate::context::{
    Estate, Selection, Site, cloud_pattern_matches, clouds, pattern_matches, select, wanted,
};
use crate::error::hinted;
use std::sync::Arc;

/// What a sync clones and between which sites.
#[derive(Debug, Clone, Default, clap::Args)]
pub(crate) struct CloneArgs {
    /// The names to clone (exact, as at the source).
    #[arg(required = true, value_name = "NAME")]
    pub(crate) names: Vec<String>,

    #[command(flatten)]
    pub(crate) ends: EndsArgs,
}

/// Where a sync reads and writes.
#[derive(Debug, Clone, Default, clap::Args)]
pub(crate) struct EndsArgs {
    /// The source site, CLOUD/REGION (or CLOUD for its region_name).
    ///
    /// Default: the region_name of the one selected cloud.
    #[arg(long, value_name = "CLOUD/REGION", add = crate::complete::site())]
    pub(crate) from: Option<String>,

    /// The target sites as cloud/region globs, as in --sites (repeatable,
    /// comma lists).
    ///
    /// Default: every selected site but the source.
    #[arg(long, value_delimiter = ',', value_name = "PATTERN",
          add = crate::complete::sites())]
    pub(crate) to: Vec<String>,
}

/// Where a sync reads and where it writes.
pub(crate) struct Ends {
    pub(crate) source: Arc<SiteClient>,
    /// Sorted; a target whose login failed is a failed site.
    pub(crate) targets: Vec<Site>,
}

/// Resolves `--from` and `--to` into sites, logging in where needed.
pub(crate) async fn ends(estate: &Estate<'_>, args: &EndsArgs) -> anyhow::Result<Ends> {
    let from = source(estate, args)?;
    let mut sel = estate.selection.clone();
    if args.to.is_empty() {
        include(&mut sel, &from);
    } else {
        // The targets are what --to names, wherever they are; the source
        // is read from wherever it is.
        sel = only(&sel, args.to.iter().cloned().chain([from.to_string()]));
    }
    let sites = select(estate.config, &sel, &estate.auth, &estate.runner).await?;
    let mut source = None;
    let mut targets = Vec::new();
    for site in sites {
        let id = site.id();
        if id == from {
            source = Some(site);
        } else if targeted(&estate.selection, args, &id) {
            targets.push(site);
        }
    }
    let source = match source {
        Some(Site::Ready(client)) => client,
        Some(Site::Failed(_, e)) => return Err(e.context(format!("--from {from}"))),
        None => {
            return Err(hinted(
                format!("--from {from}: no such site"),
                format!(
                    "run `osprey --os-cloud {} sites` to see its regions",
                    from.cloud
                ),
            ));
        }
    };
    if targets.is_empty() && !args.to.is_empty() {
        return Err(unmatched(
            "--to",
            &args.to,
            &format!("no site matches but the source {from}"),
        ));
    }
    if targets.is_empty() {
        return Err(hinted(
            format!("no target site: nothing selected but the source {from}"),
            "name the targets with --to CLOUD/REGION (globs as in --sites)",
        ));
    }
    Ok(Ends { source, targets })
}

/// The sites `--to` names (globs as in --sites), wherever they are; else
/// every selected site. For commands with no source site (an import).
pub(crate) async fn targets(estate: &Estate<'_>, to: &[String]) -> anyhow::Result<Vec<Site>> {
    if to.is_empty() {
        return estate.sites().await;
    }
    named_sites(estate, "--to", to).await
}

/// The sites that `flag`'s patterns name (globs as in --sites), wherever
/// they are; an error names the flag when they match nothing.
pub(crate) async fn named_sites(
    estate: &Estate<'_>,
    flag: &str,
    to: &[String],
) -> anyhow::Result<Vec<Site>> {
    // Selecting by --to alone would blame --sites for a pattern that
    // matches nothing: select the clouds it names, then keep its sites.
    let clouds: Vec<String> = estate
        .config
        .clouds
        .iter()
        .filter(|c| to.iter().any(|p| cloud_pattern_matches(p, &c.name)))
        .map(|c| c.name.clone())
        .collect();
    if clouds.is_empty() {
        let known: Vec<&str> = estate
            .config
            .clouds
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        return Err(hinted(
            format!("{flag} {}: no cloud matches", to.join(",")),
            format!("clouds: {}", known.join(", ")),
        ));
    }
    // --to's own patterns too: a cloud whose catalog cannot be read fails
    // as the regions they name.
    let sel = only(
        &estate.selection,
        clouds.into_iter().chain(to.iter().cloned()),
    );
    let sites: Vec<Site> = select(estate.config, &sel, &estate.auth, &estate.runner)
        .await?
        .into_iter()
        .filter(|s| {
            let id = s.id();
            to.iter().any(|p| pattern_matches(p, &id.cloud, &id.region))
        })
        .collect();
    if sites.is_empty() {
        return Err(unmatched(flag, to, "no site matches"));
    }
    Ok(sites)
}

/// A flag's patterns that select nothing: named as the user wrote them.
fn unmatched(flag: &str, to: &[String], what: &str) -> anyhow::Error {
    hinted(
        format!("{flag} {}: {what}", to.join(",")),
        "run `osprey --sites all sites` to see every cloud and region",
    )
}

/// The selection of exactly the sites `patterns` name, with the rest of
/// the user's settings (interface, timeout).
fn only(sel: &Selection, patterns: impl Iterator<Item = String>) -> Selection {
    Selection {
        clouds: Vec::new(),
        regions: Vec::new(),
        patterns: patterns.collect(),
        ..sel.clone()
    }
}

/// Whether a selected site other than the source is a target: one that
/// `--to` names, else one the user's selection holds (the selection was
/// widened only to reach the source).
fn targeted(sel: &Selection, args: &EndsArgs, id: &SiteId) -> bool {
    if !args.to.is_empty() {
        return args
            .to
            .iter()
            .any(|p| pattern_matches(p, &id.cloud, &id.region));
    }
    (sel.clouds.is_empty() || sel.clouds.contains(&id.cloud)) && wanted(sel, &id.cloud, &id.region)
}

/// The source site: `--from CLOUD/REGION` (or `CLOUD`, its home region),
/// else the home region of the one selected cloud.
fn source(estate: &Estate<'_>, args: &EndsArgs) -> anyhow::Result<SiteId> {
    if let Some(from) = &args.from {
        let (cloud, region) = match from.split_once('/') {
            Some((c, r)) => (c, Some(r)),
            None => (from.as_str(), None),
        };
        if cloud.contains(['*', '?']) || region.is_some_and(|r| r.contains(['*', '?'])) {
            return Err(hinted(
                format!("--from {from}: the source is one site, not a pattern"),
                "name it as CLOUD/REGION",
            ));
        }
        let cloud = estate.config.cloud(cloud)?;
        let region = match region {
            Some(r) if !r.is_empty() => r.to_string(),
            _ => home(cloud, &format!("--from {from}"))?,
        };
        return Ok(SiteId::new(&cloud.name, region));
    }
    let selected = clouds(estate.config, &estate.selection)?;
    match selected.as_slice() {
        [cloud] => Ok(SiteId::new(&cloud.name, home(cloud, "the source")?)),
        _ => Err(hinted(
            format!(
                "the source is ambiguous: {} clouds are selected ({})",
                selected.len(),
                selected
                    .iter()
                    .map(|c| c.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            "name it with --from CLOUD/REGION",
        )),
    }
}

/// A cloud's home region: its `region_name`, else its only listed region.
fn home(cloud: &CloudConfig, what: &str) -> anyhow::Result<String> {
    if let Some(r) = &cloud.home_region {
        return Ok(r.clone());
    }
    match cloud.regions.as_slice() {
        [only] => Ok(only.clone()),
        _ => Err(hinted(
            format!(
                "{what}: cloud {} has no region_name to start from",
                cloud.name
            ),
            format!("pass --from {}/REGION", cloud.name),
        )),
    }
}

/// Widens the selection so that it holds the source site too.
fn include(sel: &mut Selection, from: &SiteId) {
    if !sel.clouds.is_empty() && !sel.clouds.contains(&from.cloud) {
        sel.clouds.push(from.cloud.clone());
    }
    if !sel.patterns.is_empty()
        && !sel
            .patterns
            .iter()
            .any(|p| pattern_matches(p, &from.cloud, &from.region))
    {
        sel.patterns.push(from.to_string());
    }
    if !sel.regions.is_empty() && !sel.regions.contains(&from.region) {
        sel.regions.push(from.region.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::Auth;
    use crate::config::{ConfigEnv, load};
    use crate::fanout::{Cancel, Runner};

    const YAML: &str = "clouds:
  prod:
    auth: {auth_url: 'http://k:5000/v3', username: u, password: p, project_name: x,
           user_domain_name: Default, project_domain_name: Default}
    region_name: RegionOne
  dr:
    auth: {auth_url: 'http://k2:5000/v3', username: u, password: p, project_name: x,
           user_domain_name: Default, project_domain_name: Default}
    regions: [East]
";

    fn with_config<T>(
        sel: Selection,
        args: EndsArgs,
        f: impl FnOnce(anyhow::Result<SiteId>) -> T,
    ) -> T {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("clouds.yaml");
        std::fs::write(&path, YAML).unwrap();
        let vars = [
            (
                "OS_CLIENT_CONFIG_FILE".to_string(),
                path.display().to_string(),
            ),
            ("HOME".to_string(), dir.path().display().to_string()),
        ];
        let config = load(&ConfigEnv::from_vars(
            vars.into_iter().collect(),
            dir.path().into(),
        ))
        .unwrap();
        let estate = Estate::new(
            &config,
            sel,
            Auth::new(std::sync::Arc::new(crate::http::Http::new(0)), None, None),
            Runner::new(4, Cancel::new(), false),
        );
        f(source(&estate, &args))
    }

    fn id(c: &str, r: &str) -> SiteId {
        SiteId::new(c, r)
    }

    fn from(f: &str) -> EndsArgs {
        EndsArgs {
            from: Some(f.into()),
            to: Vec::new(),
        }
    }

    fn clouds(names: &[&str]) -> Selection {
        Selection {
            clouds: names.iter().map(|n| n.to_string()).collect(),
            ..Selection::default()
        }
    }

    #[test]
    fn the_source_is_named_or_the_one_clouds_home() {
        with_config(clouds(&["prod"]), EndsArgs::default(), |r| {
            assert_eq!(r.unwrap(), id("prod", "RegionOne"))
        });
        with_config(clouds(&["dr"]), EndsArgs::default(), |r| {
            assert_eq!(r.unwrap(), id("dr", "East"))
        });
        with_config(clouds(&["prod", "dr"]), from("dr/West"), |r| {
            assert_eq!(r.unwrap(), id("dr", "West"))
        });
        with_config(clouds(&["prod", "dr"]), from("prod"), |r| {
            assert_eq!(r.unwrap(), id("prod", "RegionOne"))
        });
    }

    #[test]
    fn an_ambiguous_or_bad_source_names_from() {
        with_config(clouds(&["prod", "dr"]), EndsArgs::default(), |r| {
            let e = format!("{:#}", r.unwrap_err());
            assert!(
                e.contains("ambiguous: 2 clouds are selected (prod, dr)"),
                "{e}"
            );
        });
        with_config(clouds(&["prod"]), from("prod/*"), |r| {
            assert!(r.unwrap_err().to_string().contains("not a pattern"));
        });
        with_config(clouds(&["prod"]), from("nope/R"), |r| {
            assert!(r.unwrap_err().to_string().contains("unknown cloud 'nope'"));
        });
    }

    #[test]
    fn the_selection_is_widened_to_reach_the_source_only() {
        let mut sel = clouds(&["dr"]);
        sel.regions = vec!["East".into()];
        include(&mut sel, &id("prod", "RegionOne"));
        assert_eq!(sel.clouds, ["dr", "prod"]);
        let original = {
            let mut s = clouds(&["dr"]);
            s.regions = vec!["East".into()];
            s
        };
        let none = EndsArgs::default();
        assert!(targeted(&original, &none, &id("dr", "East")));
        assert!(!targeted(&original, &none, &id("prod", "East")));
        assert!(!targeted(&original, &none, &id("dr", "RegionOne")));
        let to = EndsArgs {
            from: None,
            to: vec!["prod/*".into()],
        };
        assert!(targeted(&original, &to, &id("prod", "East")));
    }
}
