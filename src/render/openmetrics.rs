//! `-f openmetrics`: a command's measures as OpenMetrics text, for
//! Prometheus scrapes and node_exporter's textfile collector.
//!
//! A command opts in with two steps:
//!
//! 1. its family's [`crate::commands::Family::metrics`] returns true for
//!    that command, so `-f openmetrics` passes the check made before any
//!    request (other commands refuse the format there, with a hint);
//! 2. its run fills `report.metrics` with a [`Metrics`]: one
//!    [`Metrics::gauge`] per measure, a sample per site (and project,
//!    service, resource where they apply), and [`Metrics::site`] for every
//!    site it read.
//!
//! ```ignore
//! let mut m = Metrics::default();
//! let up = m.gauge("osprey_health_up", "1 when the service answered its version document");
//! up.sample(&site, &[("service", "compute".into())], 1.0);
//! m.site(&site);
//! report.metrics = Some(m);
//! ```
//!
//! The renderer adds `osprey_site_up`: 1 for each site the command read,
//! 0 for each site in the report's failures (or left unfinished by a
//! Ctrl-C), so monitoring sees a failed site instead of a gap. Every
//! sample carries `cloud` and `region` first; give every sample of one
//! gauge the same further label names (strict parsers want one label set
//! per family). Nothing is summed over sites (a query sums). Families are
//! written in the order they were declared, samples in the order given,
//! `# EOF` last.

use crate::api::SiteId;
use std::collections::BTreeSet;
use std::io::Write;

/// One gauge family: its name, help and samples.
#[derive(Debug, Clone)]
pub(crate) struct Gauge {
    name: &'static str,
    help: &'static str,
    samples: Vec<Sample>,
}

#[derive(Debug, Clone)]
struct Sample {
    labels: Vec<(&'static str, String)>,
    value: f64,
}

impl Gauge {
    /// A sample of this gauge at `site`, with more labels after `cloud`
    /// and `region`.
    pub(crate) fn sample(&mut self, site: &SiteId, labels: &[(&'static str, String)], value: f64) {
        let mut all = vec![
            ("cloud", site.cloud.clone()),
            ("region", site.region.clone()),
        ];
        all.extend(labels.iter().cloned());
        self.samples.push(Sample { labels: all, value });
    }
}

/// What a command measured: gauge families and the sites it read.
#[derive(Debug, Clone, Default)]
pub(crate) struct Metrics {
    gauges: Vec<Gauge>,
    read: BTreeSet<SiteId>,
}

impl Metrics {
    /// The gauge `name` (declared on first use, in that order). `name`
    /// is a valid metric name (`[a-zA-Z_:][a-zA-Z0-9_:]*`, prefixed
    /// `osprey_`); the help is one line.
    pub(crate) fn gauge(&mut self, name: &'static str, help: &'static str) -> &mut Gauge {
        debug_assert!(valid_name(name), "{name}");
        let at = match self.gauges.iter().position(|g| g.name == name) {
            Some(at) => at,
            None => {
                self.gauges.push(Gauge {
                    name,
                    help,
                    samples: Vec::new(),
                });
                self.gauges.len() - 1
            }
        };
        &mut self.gauges[at]
    }

    /// Records that `site` was read: its `osprey_site_up` is 1 (unless the
    /// report also has a failure of it).
    pub(crate) fn site(&mut self, site: &SiteId) {
        self.read.insert(site.clone());
    }

    /// Writes the text: the gauges, `osprey_site_up` for the sites read
    /// and `failed`, then `# EOF`.
    pub(crate) fn write<'a>(
        &self,
        failed: impl IntoIterator<Item = &'a SiteId>,
        out: &mut impl Write,
    ) -> std::io::Result<()> {
        let failed: BTreeSet<&SiteId> = failed.into_iter().collect();
        for g in &self.gauges {
            write_family(g, out)?;
        }
        let mut up = Gauge {
            name: "osprey_site_up",
            help: "1 when the site was read, 0 when it failed",
            samples: Vec::new(),
        };
        let sites: BTreeSet<&SiteId> = self.read.iter().chain(failed.iter().copied()).collect();
        for s in sites {
            up.sample(s, &[], if failed.contains(s) { 0.0 } else { 1.0 });
        }
        write_family(&up, out)?;
        out.write_all(b"# EOF\n")
    }
}

fn write_family(g: &Gauge, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(out, "# TYPE {} gauge", g.name)?;
    writeln!(out, "# HELP {} {}", g.name, escape(g.help, false))?;
    for s in &g.samples {
        let labels: Vec<String> = s
            .labels
            .iter()
            .map(|(k, v)| format!("{k}=\"{}\"", escape(v, true)))
            .collect();
        writeln!(
            out,
            "{}{{{}}} {}",
            g.name,
            labels.join(","),
            number(s.value)
        )?;
    }
    Ok(())
}

/// A value as OpenMetrics writes numbers: integers without a fraction,
/// `NaN`, `+Inf`, `-Inf`.
fn number(v: f64) -> String {
    if v.is_nan() {
        "NaN".into()
    } else if v.is_infinite() {
        if v > 0.0 { "+Inf" } else { "-Inf" }.into()
    } else if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Escapes a label value (`\\`, `\"`, `\n`) or a help text (`\\`, `\n`;
/// quotes stay), as the OpenMetrics text format requires.
pub(crate) fn escape(s: &str, quotes: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '"' if quotes => out.push_str("\\\""),
            c => out.push(c),
        }
    }
    out
}

fn valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == ':')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_labels_site_up_and_eof() {
        let a = SiteId::new("c", "r\"1");
        let b = SiteId::new("c", "r2");
        let mut m = Metrics::default();
        m.gauge("osprey_x", "a \\ help\nline")
            .sample(&a, &[("project", "p\\q\n".into())], 2.5);
        m.gauge("osprey_x", "ignored").sample(&a, &[], 3.0);
        m.site(&a);
        let mut out = Vec::new();
        m.write([&b], &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "# TYPE osprey_x gauge\n\
             # HELP osprey_x a \\\\ help\\nline\n\
             osprey_x{cloud=\"c\",region=\"r\\\"1\",project=\"p\\\\q\\n\"} 2.5\n\
             osprey_x{cloud=\"c\",region=\"r\\\"1\"} 3\n\
             # TYPE osprey_site_up gauge\n\
             # HELP osprey_site_up 1 when the site was read, 0 when it failed\n\
             osprey_site_up{cloud=\"c\",region=\"r\\\"1\"} 1\n\
             osprey_site_up{cloud=\"c\",region=\"r2\"} 0\n\
             # EOF\n"
        );
        assert_eq!(number(f64::NAN), "NaN");
        assert_eq!(number(-1.0), "-1");
        assert!(valid_name("osprey_a:b") && !valid_name("1x") && !valid_name("a-b"));
    }
}
