//! `osprey ip list|scan|find|free`: every address of every selected site
//! as one inventory, and the conflicts between sites.

pub(crate) mod free;
pub(crate) mod inventory;
pub(crate) mod routed;
pub(crate) mod scan;

use super::Report;
use crate::api::SiteId;
use crate::context::Estate;
use crate::error::{add_hint, hinted};
use crate::render::Rows;
use inventory::{Entry, Inventory, Kind, normal_mac};
use ipnet::IpNet;
use serde::Serialize;
use std::net::IpAddr;
use std::path::PathBuf;

/// `osprey ip`: its commands, each with its flags.
#[derive(Debug, Clone, clap::Subcommand)]
pub(crate) enum Command {
    /// Every subnet, fixed IP, floating IP and router gateway of the
    /// selected sites, IPv4 and IPv6, with networks, ports and MACs.
    #[command(long_about = help!("ip-list"))]
    List(ListArgs),
    /// Conflicts between sites: overlapping CIDRs, and the same fixed IP,
    /// MAC, public address or L2 segment twice. Exit 1 on an error.
    #[command(long_about = help!("ip-scan"))]
    Scan(ScanArgs),
    /// Where an address, a CIDR or a MAC is: every site, subnet, port,
    /// floating IP or gateway that holds it.
    #[command(long_about = help!("ip-find"))]
    Find(FindArgs),
    /// The first CIDRs of a length that overlap no subnet at any selected site.
    #[command(long_about = help!("ip-free"))]
    Free(FreeArgs),
}

impl crate::commands::Family for Command {
    fn columns(&self) -> crate::render::Known {
        use crate::render::{Known, columns::of};
        match self {
            Command::List(_) | Command::Find(_) => Known::rows(of::<IpRow>()),
            Command::Scan(_) => Known::rows(of::<ScanRow>()),
            Command::Free(_) => Known::rows(of::<FreeRow>()),
        }
    }

    async fn run(&self, estate: &Estate<'_>) -> anyhow::Result<Report> {
        match self {
            Command::List(a) => list(estate, a).await,
            Command::Scan(a) => scan(estate, a).await,
            Command::Find(a) => find(estate, a).await,
            Command::Free(a) => free(estate, a).await,
        }
    }
}

/// `ip list` flags.
#[derive(Debug, Clone, Default, clap::Args)]
pub(crate) struct ListArgs {
    /// Only IPv4 or only IPv6.
    #[arg(long, value_parser = ["4", "6"])]
    pub(crate) version: Option<String>,
    /// Only one kind of address.
    #[arg(long, value_enum)]
    pub(crate) kind: Option<Kind>,
    /// Every project's addresses, not only the token's (admin).
    #[arg(long)]
    pub(crate) all_projects: bool,
}

impl ListArgs {
    /// `--version` as a number (clap has checked it is 4 or 6).
    fn version(&self) -> Option<u8> {
        self.version.as_deref().and_then(|v| v.parse().ok())
    }
}

/// `ip scan` flags.
#[derive(Debug, Clone, Default, clap::Args)]
pub(crate) struct ScanArgs {
    /// Every project's addresses, not only the token's (admin).
    #[arg(long)]
    pub(crate) all_projects: bool,
    /// Leave out addresses in these ranges (repeatable, comma lists).
    #[arg(long, value_delimiter = ',', value_name = "CIDR",
          value_parser = ignore_cidr)]
    pub(crate) ignore: Vec<IpNet>,
    /// A YAML file of interconnected networks
    /// (`groups: {NAME: [cloud/region/network, …]}`, globs): overlaps
    /// outside every group are reported as info, not errors.
    #[arg(long, value_name = "FILE")]
    pub(crate) routed: Option<PathBuf>,
}

/// `ip find` flags.
#[derive(Debug, Clone, Default, clap::Args)]
pub(crate) struct FindArgs {
    /// An IP address, a CIDR, or a MAC in any common notation.
    #[arg(value_name = "ADDRESS|CIDR|MAC")]
    pub(crate) query: String,
    /// Every project's addresses, not only the token's (admin).
    #[arg(long)]
    pub(crate) all_projects: bool,
}

/// `ip free` flags.
#[derive(Debug, Clone, Default, clap::Args)]
pub(crate) struct FreeArgs {
    /// The length of the CIDRs wanted, e.g. 24.
    #[arg(long, value_name = "N")]
    pub(crate) prefix_length: u8,
    /// Where to look. Default: 10.0.0.0/8 (IPv6 lengths need it).
    #[arg(long, value_name = "CIDR")]
    pub(crate) within: Option<IpNet>,
    /// How many to suggest.
    #[arg(long, default_value_t = 1, value_name = "K",
          value_parser = clap::value_parser!(u16).range(1..))]
    pub(crate) count: u16,
    /// Every project's subnets, not only the token's (admin).
    #[arg(long)]
    pub(crate) all_projects: bool,
}

/// One address (or CIDR) at one site: the row of `ip list` and `ip find`.
#[derive(Debug, Default, Serialize)]
pub(crate) struct IpRow {
    cloud: String,
    region: String,
    project_id: String,
    kind: String,
    address: String,
    version: u8,
    network: String,
    network_id: String,
    subnet_id: String,
    port_id: String,
    mac: String,
    device_owner: String,
    device_id: String,
    external: bool,
}

impl IpRow {
    /// The row of an entry; `None` for one without an address.
    fn of(site: &SiteId, e: &Entry) -> Option<IpRow> {
        let net = e.net?;
        Some(IpRow {
            cloud: site.cloud.clone(),
            region: site.region.clone(),
            project_id: e.project_id.clone(),
            kind: e.kind.name().to_string(),
            address: match e.kind {
                Kind::Subnet => net.to_string(),
                _ => net.addr().to_string(),
            },
            version: if net.addr().is_ipv4() { 4 } else { 6 },
            network: e.network.clone(),
            network_id: e.network_id.clone(),
            subnet_id: e.subnet_id.clone(),
            port_id: e.port_id.clone(),
            mac: e.mac.clone(),
            device_owner: e.device_owner.clone(),
            device_id: e.device_id.clone(),
            external: e.external,
        })
    }
}

/// A conflict: the row of `ip scan`, both sides named. `cloud` and
/// `region` (the first side) lead, as in every row about a site.
#[derive(Debug, Default, Serialize)]
pub(crate) struct ScanRow {
    cloud: String,
    region: String,
    severity: String,
    kind: String,
    address: String,
    network: String,
    subnet_id: String,
    port_id: String,
    peer_cloud: String,
    peer_region: String,
    peer_network: String,
    peer_subnet_id: String,
    peer_port_id: String,
}

/// Reads every selected site's inventory at once; a site that fails is
/// reported and left out.
async fn read(
    estate: &Estate<'_>,
    all_projects: bool,
    report: &mut Report,
) -> anyhow::Result<Vec<(SiteId, Inventory)>> {
    let sites = estate.sites().await?;
    let (_, read) = report
        .each(&estate.runner, sites, |c| async move {
            inventory::read(&c, all_projects).await
        })
        .await;
    Ok(read)
}

/// Every address of the selected sites.
pub(crate) async fn list(estate: &Estate<'_>, args: &ListArgs) -> anyhow::Result<Report> {
    let mut report = Report::default();
    let read = read(estate, args.all_projects, &mut report).await?;
    let mut rows = Vec::new();
    for (site, inv) in &read {
        for e in &inv.entries {
            let Some(row) = IpRow::of(site, e) else {
                continue;
            };
            if args.version().is_some_and(|v| v != row.version)
                || args.kind.is_some_and(|k| k != e.kind)
            {
                continue;
            }
            rows.push(row);
        }
    }
    report.lists("addresses", read.iter().map(|(site, _)| site));
    report.rows = Rows::typed(rows);
    Ok(report)
}

/// The conflicts between sites; exit 1 on an error-severity finding.
pub(crate) async fn scan(estate: &Estate<'_>, args: &ScanArgs) -> anyhow::Result<Report> {
    // The file is checked before any site is asked.
    let routed = args
        .routed
        .as_deref()
        .map(routed::Routed::read)
        .transpose()?;
    let mut report = Report::default();
    let read = read(estate, args.all_projects, &mut report).await?;
    let opts = scan::Options {
        // A range is what its prefix covers, whatever host bits were typed.
        ignore: args.ignore.iter().map(IpNet::trunc).collect(),
        routed,
    };
    let found = scan::analyse(&read, &opts);
    report.findings = found.iter().any(|f| f.severity == scan::Severity::Error);
    let rows = found.iter().map(|f| ScanRow {
        severity: match f.severity {
            scan::Severity::Error => "error",
            scan::Severity::Info => "info",
        }
        .to_string(),
        kind: f.kind.to_string(),
        address: f.address.clone(),
        cloud: f.a.site.cloud.clone(),
        region: f.a.site.region.clone(),
        network: f.a.network.to_string(),
        subnet_id: f.a.subnet_id.to_string(),
        port_id: f.a.port_id.to_string(),
        peer_cloud: f.b.site.cloud.clone(),
        peer_region: f.b.site.region.clone(),
        peer_network: f.b.network.to_string(),
        peer_subnet_id: f.b.subnet_id.to_string(),
        peer_port_id: f.b.port_id.to_string(),
    });
    report.rows = Rows::typed(rows.collect::<Vec<_>>());
    if found.is_empty() && report.failures.is_empty() {
        report.notes.push(format!(
            "no conflict between {} site{}",
            read.len(),
            crate::render::plural(read.len())
        ));
    }
    Ok(report)
}

/// What `ip find` looks for.
enum Query {
    Address(IpAddr),
    Range(IpNet),
    Mac(String),
}

fn query(text: &str) -> anyhow::Result<Query> {
    if let Ok(a) = text.parse::<IpAddr>() {
        return Ok(Query::Address(a));
    }
    if let Ok(n) = text.parse::<IpNet>() {
        return Ok(Query::Range(n.trunc()));
    }
    if let Some(m) = normal_mac(text) {
        return Ok(Query::Mac(m));
    }
    Err(add_hint(
        hinted(
            format!("ip find {text}: neither an IP address, a CIDR nor a MAC"),
            "an address or a CIDR as 10.0.0.5, 2001:db8::5 or 10.0.0.0/24",
        ),
        "a MAC as fa:16:3e:12:34:56, FA-16-3E-12-34-56, fa16.3e12.3456 or fa163e123456".to_string(),
    ))
}

/// `ip scan --ignore`: a CIDR. A bare address is refused with the host
/// route that would mean it, so `--ignore` never silently widens or
/// narrows what the user wrote.
fn ignore_cidr(text: &str) -> Result<IpNet, String> {
    if let Ok(net) = text.parse::<IpNet>() {
        return Ok(net);
    }
    match text.parse::<IpAddr>() {
        Ok(a) => {
            let host = if a.is_ipv4() { 32 } else { 128 };
            Err(format!(
                "an address, not a CIDR\nhint: to leave out this one address, pass {a}/{host}"
            ))
        }
        Err(_) => Err("not a CIDR\nhint: e.g. 169.254.0.0/16 or fd00::/8".to_string()),
    }
}

/// Every subnet, port, floating IP or gateway that holds the address, lies
/// in (or around) the CIDR, or carries the MAC.
pub(crate) async fn find(estate: &Estate<'_>, args: &FindArgs) -> anyhow::Result<Report> {
    let q = query(&args.query)?;
    let mut report = Report::default();
    let read = read(estate, args.all_projects, &mut report).await?;
    let mut rows = Vec::new();
    for (site, inv) in &read {
        for e in &inv.entries {
            let Some(net) = e.net else { continue };
            let hit = match &q {
                Query::Address(a) => net.contains(a),
                Query::Range(r) => r.contains(&net) || net.contains(r),
                Query::Mac(m) => &e.mac == m,
            };
            if hit {
                rows.extend(IpRow::of(site, e));
            }
        }
    }
    report.lists(
        format!("match for {}", args.query),
        read.iter().map(|(site, _)| site),
    );
    report.rows = Rows::typed(rows);
    Ok(report)
}

/// A free CIDR: the row of `ip free`.
#[derive(Debug, Default, Serialize)]
pub(crate) struct FreeRow {
    cidr: String,
    version: u8,
}

/// The first CIDRs of a length that no selected site uses.
pub(crate) async fn free(estate: &Estate<'_>, args: &FreeArgs) -> anyhow::Result<Report> {
    let within = match (args.within, args.prefix_length) {
        (Some(w), _) => w,
        (None, n) if n <= 32 => "10.0.0.0/8".parse().expect("a CIDR"),
        (None, _) => {
            return Err(hinted(
                format!(
                    "--prefix-length {}: an IPv6 length needs --within",
                    args.prefix_length
                ),
                "e.g. --within fd00:1234::/48",
            ));
        }
    };
    let mut report = Report::default();
    let read = read(estate, args.all_projects, &mut report).await?;
    if !report.failures.is_empty() {
        // A CIDR that looks free at the sites that answered may be used
        // at one that did not.
        report
            .notes
            .push("no CIDR is suggested while a site cannot be read".to_string());
        return Ok(report);
    }
    let used: Vec<IpNet> = read
        .iter()
        .flat_map(|(_, inv)| inv.entries.iter())
        .filter(|e| e.kind == Kind::Subnet)
        .filter_map(|e| e.net)
        .collect();
    let count = usize::from(args.count);
    let found = free::free(within, args.prefix_length, &used, count)
        .map_err(|why| hinted(why, "pick a prefix length inside --within"))?;
    if (1..count).contains(&found.len()) {
        report.notes.push(format!(
            "only {} free /{} in {within}",
            found.len(),
            args.prefix_length
        ));
    }
    report.lists(
        format!("free /{} in {within}", args.prefix_length),
        read.iter().map(|(site, _)| site),
    );
    report.rows = Rows::typed(
        found
            .into_iter()
            .map(|n| FreeRow {
                version: if n.addr().is_ipv4() { 4 } else { 6 },
                cidr: n.to_string(),
            })
            .collect::<Vec<_>>(),
    );
    Ok(report)
}
