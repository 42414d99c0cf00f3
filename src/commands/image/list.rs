//! `osprey image list`: every image the project may use, by name across
//! the sites, compared by content hash; an image a killed copy left
//! unfinished is shown as such and named in a note.

use crate::api::image::{ContentHash, Image};
use crate::api::{SiteClient, SiteId};
use crate::context::Estate;
use crate::error::hinted;
use crate::render::{Rows, plural};
use crate::report::Report;
use crate::sync::drift::{Matrix, ViewArgs};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// The property an osprey copy carries while it is made: its run's id.
const RUN: &str = "osprey_run";
/// The property naming what osprey copied an image from: `cloud/region/id`.
const SOURCE: &str = "osprey_source";
/// The status (row) and mark (table cell) of an image a killed run left.
const UNFINISHED: &str = "unfinished";

/// `image list` flags.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct ListArgs {
    #[command(flatten)]
    pub(crate) view: ViewArgs,
    /// Only the images of the token's project, not the public, shared or
    /// community images of others.
    ///
    /// Default: every image the project may use.
    #[arg(long)]
    pub(crate) owned: bool,
}

/// One image at one site: the row of `image list`. A site without the
/// name has a row with only the name and status.
#[derive(Debug, Default, Serialize)]
pub(crate) struct ImageRow {
    cloud: String,
    region: String,
    id: Option<String>,
    name: String,
    /// The name's status over every site read (same, differs, missing),
    /// or `unfinished` for an image a killed copy left.
    status: String,
    /// Glance's status: active, queued, saving, importing, killed…
    image_status: Option<String>,
    size: Option<u64>,
    /// The algorithm of `hash`: the image's strongest (`os_hash_algo`),
    /// or `md5` where the name's images at the sites are hashed in
    /// several algorithms (a Glance without multihash).
    hash_algo: Option<String>,
    hash: Option<String>,
    visibility: Option<String>,
    /// `cloud/region/id` of the image it was copied from, if osprey made it.
    source: Option<String>,
}

impl ImageRow {
    /// The row of `image` (with the hash it is compared by), or of a site
    /// without the name.
    fn new(
        site: &SiteId,
        name: &str,
        image: Option<(&Image, Option<ContentHash>)>,
        status: &str,
    ) -> Self {
        let mut row = ImageRow {
            cloud: site.cloud.clone(),
            region: site.region.clone(),
            name: name.to_string(),
            status: status.to_string(),
            ..ImageRow::default()
        };
        if let Some((i, hash)) = image {
            row.id = Some(i.id.clone());
            row.image_status = Some(i.status.clone());
            row.size = i.size;
            row.hash_algo = hash.as_ref().map(|h| h.algo.clone());
            row.hash = hash.map(|h| h.value);
            row.visibility = i.visibility.clone();
            row.source = i.property(SOURCE).map(str::to_string);
        }
        row
    }
}

/// `osprey image list`: the images of every selected site, judged per name.
pub(crate) async fn list(estate: &Estate<'_>, args: &ListArgs) -> anyhow::Result<Report> {
    let mut report = Report::default();
    let sites = estate.sites().await?;
    let (_, read) = report
        .each(
            &estate.runner,
            sites,
            |c| async move { read(&c, args).await },
        )
        .await;
    let judged = Judged::of(&read);
    let rows = judged.rows();
    let what = match args.owned {
        true => "images of the project",
        false => "images",
    };
    report.lists(args.view.what(what), read.iter().map(|(site, _)| site));
    report.notes.extend(judged.notes());
    report.findings =
        args.view.exit_code && (judged.matrix.drifts() || !judged.unfinished.is_empty());
    report.table = estate
        .tables
        .then(|| judged.matrix.table(|name, site| judged.cell(name, site)));
    report.rows = Rows::typed(rows);
    Ok(report)
}

/// The images of one site that the flags keep.
async fn read(client: &SiteClient, args: &ListArgs) -> anyhow::Result<Vec<Image>> {
    let mut images = client.images().await?;
    images.retain(|i| args.view.wants(i.name()));
    if args.owned {
        let token = client.session().token().await?;
        let Some(project) = token.project_id.as_deref() else {
            return Err(hinted(
                "--owned: the token is not scoped to a project, so no image is its own",
                "scope the cloud entry to a project (auth: project_name or project_id)",
            ));
        };
        images.retain(|i| i.owner.as_deref() == Some(project));
    }
    Ok(images)
}

/// The run that left `image` unfinished: an osprey copy that never became
/// `active` was killed outright, before it could clean up.
fn unfinished_run(image: &Image) -> Option<&str> {
    image
        .property(RUN)
        .filter(|run| !run.is_empty() && image.status != "active")
}

/// Every site's images, judged per name.
struct Judged<'a> {
    matrix: Matrix,
    /// Per name and site, the images there (unfinished ones too), oldest
    /// first.
    images: BTreeMap<(&'a str, &'a SiteId), Vec<&'a Image>>,
    /// Per run, how many unfinished images it left.
    unfinished: BTreeMap<&'a str, usize>,
    /// The names whose images are compared by MD5.
    by_md5: BTreeSet<&'a str>,
}

impl<'a> Judged<'a> {
    fn of(read: &'a [(SiteId, Vec<Image>)]) -> Self {
        let mut images: BTreeMap<(&str, &SiteId), Vec<&Image>> = BTreeMap::new();
        for (site, list) in read {
            for image in list {
                images.entry((image.name(), site)).or_default().push(image);
            }
        }
        for here in images.values_mut() {
            here.sort_by(|a, b| (&a.created_at, &a.id).cmp(&(&b.created_at, &b.id)));
        }
        // Where one name's images are hashed in several algorithms (a
        // Glance without multihash, or another `hashing_algorithm`), only
        // the MD5 checksum, which every Glance keeps, compares them.
        let mut algos: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
        for ((name, _), here) in &images {
            let hashed = here.iter().filter(|i| unfinished_run(i).is_none());
            for hash in hashed.filter_map(|i| i.hash()) {
                algos.entry(name).or_default().insert(hash.algo);
            }
        }
        let by_md5 = algos
            .into_iter()
            .filter(|(_, a)| a.len() > 1)
            .map(|(name, _)| name)
            .collect();
        let mut judged = Judged {
            matrix: Matrix::new(read.iter().map(|(s, _)| s.clone()).collect()),
            images: BTreeMap::new(),
            unfinished: BTreeMap::new(),
            by_md5,
        };
        for ((name, site), here) in &images {
            for image in here {
                match unfinished_run(image) {
                    Some(run) => {
                        *judged.unfinished.entry(run).or_default() += 1;
                        judged.matrix.mark(site, name, UNFINISHED);
                    }
                    None => judged.matrix.insert(site, name, &judged.digest(image)),
                }
            }
        }
        judged.images = images;
        judged
    }

    /// The hash `image` is compared by: its strongest, or its MD5 where
    /// its name is compared by MD5.
    fn hash(&self, image: &Image) -> Option<ContentHash> {
        match self.by_md5.contains(image.name()) {
            true => image.md5().or_else(|| image.hash()),
            false => image.hash(),
        }
    }

    /// What an image holds its name with: its hash, or for an image
    /// without data yet its Glance status (a hash always has a `:`, a
    /// status never).
    fn digest(&self, image: &Image) -> String {
        match self.hash(image) {
            Some(hash) => hash.to_string(),
            None => image.status.clone(),
        }
    }

    /// A row per image at each site, by name, and one for each site
    /// without the name.
    fn rows(&self) -> Vec<ImageRow> {
        let mut rows = Vec::new();
        for name in self.matrix.names() {
            let status = self.matrix.drift(name).name();
            for site in self.matrix.sites() {
                let Some(here) = self.images.get(&(name.as_str(), site)) else {
                    rows.push(ImageRow::new(site, name, None, status));
                    continue;
                };
                for image in here {
                    let status = match unfinished_run(image) {
                        Some(_) => UNFINISHED,
                        None => status,
                    };
                    let hash = self.hash(image);
                    rows.push(ImageRow::new(site, name, Some((image, hash)), status));
                }
            }
        }
        rows
    }

    /// What the table shows of `name` at a site that holds it: the
    /// image's short hash, or how many images of that name are there.
    fn cell(&self, name: &str, site: &SiteId) -> String {
        let held: Vec<&Image> = self
            .images
            .get(&(name, site))
            .into_iter()
            .flatten()
            .copied()
            .filter(|i| unfinished_run(i).is_none())
            .collect();
        match held.as_slice() {
            // The first 12 hex digits of the hash, or the status of an
            // image without data.
            [one] => match self.hash(one) {
                Some(hash) => hash.value.get(..12).unwrap_or(&hash.value).to_string(),
                None => one.status.clone(),
            },
            many => format!("{} images", many.len()),
        }
    }

    /// One line per run that left unfinished images, saying how to remove
    /// them.
    fn notes(&self) -> Vec<String> {
        self.unfinished
            .iter()
            .map(|(run, &n)| {
                format!(
                    "{n} unfinished image{} of run {run}; remove {} with \
                     `osprey image unsync --run {run}`",
                    plural(n),
                    if n == 1 { "it" } else { "them" }
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::drift::Drift;
    use serde_json::{Value, json};

    fn site(r: &str) -> SiteId {
        SiteId::new("c", r)
    }

    /// An active image holding `data` (its hash is made of it).
    fn active(id: &str, name: &str, data: &str) -> Value {
        json!({"id": id, "name": name, "status": "active", "size": data.len(),
               "checksum": format!("md5-{data}"), "os_hash_algo": "sha512",
               "os_hash_value": format!("{data:0>16}"), "visibility": "private"})
    }

    fn read(sites: &[(&str, Vec<Value>)]) -> Vec<(SiteId, Vec<Image>)> {
        sites
            .iter()
            .map(|(r, images)| {
                let images = images
                    .iter()
                    .map(|v| serde_json::from_value(v.clone()).unwrap())
                    .collect();
                (site(r), images)
            })
            .collect()
    }

    /// (region, id, status) of every row of `name`.
    fn statuses(judged: &Judged, name: &str) -> Vec<(String, Option<String>, String)> {
        judged
            .rows()
            .into_iter()
            .filter(|r| r.name == name)
            .map(|r| (r.region, r.id, r.status))
            .collect()
    }

    fn row(region: &str, id: Option<&str>, status: &str) -> (String, Option<String>, String) {
        (
            region.to_string(),
            id.map(str::to_string),
            status.to_string(),
        )
    }

    #[test]
    fn names_are_judged_by_content_not_by_name() {
        let read = read(&[
            (
                "r1",
                vec![
                    active("1", "same", "aa"),
                    active("2", "differs", "aa"),
                    active("3", "missing", "aa"),
                ],
            ),
            (
                "r2",
                vec![active("4", "same", "aa"), active("5", "differs", "bb")],
            ),
        ]);
        let judged = Judged::of(&read);
        assert_eq!(judged.matrix.drift("same"), Drift::Same);
        assert_eq!(judged.matrix.drift("differs"), Drift::Differs);
        assert_eq!(
            statuses(&judged, "missing"),
            [row("r1", Some("3"), "missing"), row("r2", None, "missing")]
        );
        let rows = judged.rows();
        let first = &rows[0];
        assert_eq!(first.name, "differs");
        assert_eq!(first.hash_algo.as_deref(), Some("sha512"));
        assert_eq!(first.hash.as_deref(), Some("00000000000000aa"));
        assert_eq!(judged.cell("same", &site("r1")), "000000000000");
        assert!(judged.notes().is_empty());
    }

    #[test]
    fn an_old_glance_is_compared_by_md5() {
        let old = |id: &str, name: &str, data: &str| {
            let mut v = active(id, name, data);
            v["os_hash_algo"] = Value::Null;
            v["os_hash_value"] = Value::Null;
            v
        };
        let read = read(&[
            (
                "r1",
                vec![
                    old("1", "cirros", "aa"),
                    old("2", "mixed", "aa"),
                    old("3", "other", "aa"),
                ],
            ),
            (
                "r2",
                vec![
                    old("4", "cirros", "aa"),
                    active("5", "mixed", "aa"),
                    active("6", "other", "bb"),
                    active("7", "new", "aa"),
                ],
            ),
        ]);
        let judged = Judged::of(&read);
        assert_eq!(judged.matrix.drift("cirros"), Drift::Same);
        assert_eq!(judged.cell("cirros", &site("r1")), "md5-aa");
        // A Glance with multihash beside one without: compared by the MD5
        // both keep, and shown by it.
        assert_eq!(judged.matrix.drift("mixed"), Drift::Same);
        assert_eq!(judged.matrix.drift("other"), Drift::Differs);
        for row in judged.rows().into_iter().filter(|r| r.id.is_some()) {
            let (algo, hash) = match row.name.as_str() {
                "new" => ("sha512", "00000000000000aa"),
                "other" if row.region == "r2" => ("md5", "md5-bb"),
                _ => ("md5", "md5-aa"),
            };
            assert_eq!(row.hash_algo.as_deref(), Some(algo), "{row:?}");
            assert_eq!(row.hash.as_deref(), Some(hash), "{row:?}");
        }
    }

    #[test]
    fn several_images_of_one_name_at_a_site_count_as_their_set() {
        let read = read(&[
            (
                "r1",
                vec![active("1", "ubuntu", "aa"), active("2", "ubuntu", "bb")],
            ),
            (
                "r2",
                vec![
                    active("3", "ubuntu", "bb"),
                    active("4", "ubuntu", "aa"),
                    active("5", "half", "aa"),
                ],
            ),
            (
                "r3",
                vec![
                    active("6", "ubuntu", "aa"),
                    active("7", "half", "aa"),
                    active("8", "half", "bb"),
                ],
            ),
        ]);
        let judged = Judged::of(&read);
        assert_eq!(judged.matrix.drift("ubuntu"), Drift::Differs, "r3 has one");
        assert_eq!(judged.cell("ubuntu", &site("r1")), "2 images");
        assert_eq!(judged.cell("ubuntu", &site("r3")), "000000000000");
        let ubuntu = statuses(&judged, "ubuntu");
        assert_eq!(ubuntu.len(), 5, "a row per image");
        assert!(ubuntu.iter().all(|r| r.2 == "differs"), "{ubuntu:?}");
        assert_eq!(judged.matrix.drift("half"), Drift::Differs);
        let read2 = self::read(&[
            (
                "r1",
                vec![active("1", "ubuntu", "aa"), active("2", "ubuntu", "bb")],
            ),
            (
                "r2",
                vec![active("3", "ubuntu", "bb"), active("4", "ubuntu", "aa")],
            ),
        ]);
        assert_eq!(Judged::of(&read2).matrix.drift("ubuntu"), Drift::Same);
    }

    #[test]
    fn an_image_without_data_counts_by_its_status() {
        let queued = |id: &str| json!({"id": id, "name": "empty", "status": "queued"});
        let read = read(&[
            ("r1", vec![queued("1")]),
            ("r2", vec![queued("2")]),
            ("r3", vec![active("3", "empty", "aa")]),
        ]);
        let judged = Judged::of(&read);
        assert_eq!(judged.matrix.drift("empty"), Drift::Differs);
        assert_eq!(judged.cell("empty", &site("r1")), "queued");
        let read = self::read(&[("r1", vec![queued("1")]), ("r2", vec![queued("2")])]);
        assert_eq!(Judged::of(&read).matrix.drift("empty"), Drift::Same);
    }

    #[test]
    fn a_killed_copy_is_unfinished_and_holds_nothing() {
        let copy = |id: &str, status: &str, run: &str| {
            let mut v = active(id, "ubuntu", "aa");
            v["status"] = json!(status);
            v["osprey_run"] = json!(run);
            v["osprey_source"] = json!("c/r1/1");
            v
        };
        let read = read(&[
            ("r1", vec![active("1", "ubuntu", "aa")]),
            // A finished copy is an image like any other.
            ("r2", vec![copy("2", "active", "run-a")]),
            ("r3", vec![copy("3", "importing", "run-b")]),
            (
                "r4",
                vec![
                    copy("4", "queued", "run-b"),
                    json!({"id": "5", "name": "gone", "status": "saving", "osprey_run": "run-a"}),
                ],
            ),
        ]);
        let judged = Judged::of(&read);
        assert_eq!(
            statuses(&judged, "ubuntu"),
            [
                row("r1", Some("1"), "missing"),
                row("r2", Some("2"), "missing"),
                row("r3", Some("3"), "unfinished"),
                row("r4", Some("4"), "unfinished"),
            ]
        );
        // A name left only unfinished is still listed, missing everywhere.
        assert_eq!(
            statuses(&judged, "gone"),
            [
                row("r1", None, "missing"),
                row("r2", None, "missing"),
                row("r3", None, "missing"),
                row("r4", Some("5"), "unfinished"),
            ]
        );
        let source = judged
            .rows()
            .into_iter()
            .find(|r| r.id.as_deref() == Some("2"));
        assert_eq!(source.unwrap().source.as_deref(), Some("c/r1/1"));
        assert_eq!(
            judged.notes(),
            [
                "1 unfinished image of run run-a; remove it with \
                 `osprey image unsync --run run-a`",
                "2 unfinished images of run run-b; remove them with \
                 `osprey image unsync --run run-b`",
            ]
        );
        let table = judged.matrix.table(|n, s| judged.cell(n, s));
        assert_eq!(
            table.get(1, "c/r3").cloned().unwrap_or_default(),
            "unfinished"
        );
    }
}
