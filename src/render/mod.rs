//! Output: the one place that turns rows into table, JSON, YAML, CSV or value text.

mod cells;
mod table;

pub(crate) use table::Screen;
use table::{csv, header, table};
pub(crate) mod columns;
pub(crate) mod openmetrics;
pub(crate) mod progress;
pub(crate) mod prompt;

use crate::error::hinted;
use serde::Serialize;
use serde_json::{Map, Value};

pub(crate) type Row = Map<String, Value>;

/// An output format (`-f`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    Table,
    Json,
    Yaml,
    Csv,
    Value,
    /// OpenMetrics text, for the commands that measure something
    /// (`quota show`, `usage`, `capacity`).
    Openmetrics,
}

/// Rows to print: `columns` fixes the order of table and CSV columns; a row
/// may lack a key (it renders empty, and is omitted from JSON and YAML).
///
/// A row is kept as one value per column, not as a map of its own: a
/// thousand sites' quotas are tens of thousands of rows, and a map per row
/// (its keys copied into each) cost most of a large run's memory.
#[derive(Debug, Default, Clone)]
pub(crate) struct Rows {
    pub(crate) columns: Vec<String>,
    /// Per row, per column: `None` where the row lacks the key.
    cells: Vec<Vec<Option<Value>>>,
}

impl Rows {
    pub(crate) fn new(columns: &[&str]) -> Self {
        Rows {
            columns: columns.iter().map(|c| c.to_string()).collect(),
            cells: Vec::new(),
        }
    }

    /// Adds a row given as a map; keys that are not columns are not shown
    /// in any format, so they are not kept.
    pub(crate) fn push(&mut self, mut row: Row) {
        let cells = self.columns.iter().map(|c| row.swap_remove(c)).collect();
        self.cells.push(cells);
    }

    /// Rows of a typed view: its fields are the columns, in order, and the
    /// JSON keys; a field skipped when serializing is a key the row lacks.
    pub(crate) fn typed<T: Serialize + Default>(items: impl IntoIterator<Item = T>) -> Self {
        let mut rows = Rows {
            columns: columns::of::<T>(),
            cells: Vec::new(),
        };
        for item in items {
            match cells::cells(&item, &rows.columns) {
                Some(cells) => rows.cells.push(cells),
                None => match serde_json::to_value(item) {
                    Ok(Value::Object(row)) => rows.push(row),
                    _ => rows.push(Row::new()),
                },
            }
        }
        rows
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.cells.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    /// Row `row`'s value of `column`; `None` where it lacks the key.
    #[cfg(test)]
    pub(crate) fn get(&self, row: usize, column: &str) -> Option<&Value> {
        let at = self.columns.iter().position(|c| c == column)?;
        self.cells.get(row)?.get(at)?.as_ref()
    }

    /// Whether `name` means one of the columns (by key or header).
    pub(crate) fn has_column(&self, name: &str) -> bool {
        column_named(&self.columns, name).is_some()
    }

    /// Replaces every value of `column` by what `f` makes of it (the
    /// table's drawing of a number).
    pub(crate) fn map_column(mut self, column: &str, f: impl Fn(&Value) -> Value) -> Self {
        if let Some(at) = self.columns.iter().position(|c| c == column) {
            for row in &mut self.cells {
                if let Some(Some(v)) = row.get_mut(at) {
                    *v = f(v);
                }
            }
        }
        self
    }

    /// Drops a column that a flag leaves out (`sites` without `--check`).
    pub(crate) fn without(mut self, column: &str) -> Self {
        if let Some(at) = self.columns.iter().position(|c| c == column) {
            self.columns.remove(at);
            for row in &mut self.cells {
                row.remove(at);
            }
        }
        self
    }
}

/// Prints rows on stdout in the format asked for, JSON and YAML as they
/// are made (a large run's output is never held whole).
pub(crate) fn print(rows: &Rows, opts: &RenderOptions) -> anyhow::Result<()> {
    use std::io::Write;
    if rows.columns.is_empty() {
        return Ok(());
    }
    // An unknown column is an error; a failed write is not worth
    // reporting: it is a closed pipe (`| head`).
    let opts = opts.resolved(&rows.columns)?;
    let screen = Screen::stdout();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let _ = write(rows, &opts, screen, &mut out).and_then(|()| Ok(out.flush()?));
    Ok(())
}

/// Shows rows (a plan) on stdout as the run prints its own, and asks on the
/// terminal.
pub(crate) struct Terminal<'a>(pub(crate) &'a RenderOptions);

impl Terminal<'static> {
    /// A table with every column.
    pub(crate) const PLAIN: Terminal<'static> = Terminal(&RenderOptions {
        format: Format::Table,
        columns: Vec::new(),
        sort_columns: Vec::new(),
    });
}

/// How the user asked for output.
#[derive(Debug, Clone)]
pub(crate) struct RenderOptions {
    pub(crate) format: Format,
    pub(crate) columns: Vec<String>,
    pub(crate) sort_columns: Vec<String>,
}

impl RenderOptions {
    /// The options with every `-c`/`--sort-column` name resolved to one of
    /// `known` (the header spelling, `-c Name` or `-c "Fixed IP"`, is
    /// accepted as openstackclient accepts it); an unknown name is an error.
    pub(crate) fn resolved(&self, known: &[String]) -> anyhow::Result<RenderOptions> {
        let resolve = |flag: &str, names: &[String]| -> anyhow::Result<Vec<String>> {
            names
                .iter()
                .map(|name| {
                    column_named(known, name).ok_or_else(|| no_such_column(flag, name, known))
                })
                .collect()
        };
        Ok(RenderOptions {
            format: self.format,
            columns: resolve("-c", &self.columns)?,
            sort_columns: resolve("--sort-column", &self.sort_columns)?,
        })
    }
}

/// The columns a command's output can have, known before it runs: those
/// of its rows, and, for a table laid out with sites as columns (a drift
/// matrix), that table's fixed columns; its `cloud/region` columns are
/// known only once the sites are.
#[derive(Debug, Clone, Default)]
pub(crate) struct Known {
    pub(crate) rows: Vec<String>,
    pub(crate) table: Option<Vec<String>>,
}

impl Known {
    pub(crate) fn rows(rows: Vec<String>) -> Self {
        Known { rows, table: None }
    }

    /// Rows, and a table of these fixed columns plus one per site.
    pub(crate) fn with_sites(rows: Vec<String>, table: &[&str]) -> Self {
        Known {
            rows,
            table: Some(table.iter().map(|c| c.to_string()).collect()),
        }
    }
}

impl RenderOptions {
    /// Checks every `-c`/`--sort-column` name against what the command
    /// can show, before it asks any site anything; the render checks the
    /// site columns of a table once they are known.
    pub(crate) fn check(&self, known: &Known) -> anyhow::Result<()> {
        if self.format == Format::Openmetrics
            && let Some(flag) = [("-c", &self.columns), ("--sort-column", &self.sort_columns)]
                .iter()
                .find(|(_, names)| !names.is_empty())
                .map(|(flag, _)| flag)
        {
            return Err(hinted(
                format!("{flag}: columns do not apply to -f openmetrics"),
                "leave out -c and --sort-column, or use -f json",
            ));
        }
        let table = known
            .table
            .as_ref()
            .filter(|_| self.format == Format::Table);
        for (flag, names) in [("-c", &self.columns), ("--sort-column", &self.sort_columns)] {
            for name in names {
                let fits = column_named(&known.rows, name).is_some()
                    || table.is_some_and(|t| column_named(t, name).is_some() || name.contains('/'));
                if !fits {
                    return Err(no_such_column(flag, name, &known.rows));
                }
            }
        }
        Ok(())
    }
}

/// `-c NAME: no such column`, with the columns there are and the one
/// `name` may have meant.
fn no_such_column(flag: &str, name: &str, known: &[String]) -> anyhow::Error {
    let message = format!("{flag} {name}: no such column");
    let columns = format!("columns are: {}", known.join(", "));
    let names: Vec<&str> = known.iter().map(String::as_str).collect();
    // The outer hint is shown first: the columns, then the guess.
    match crate::error::closest(&name.to_lowercase(), &names) {
        Some(guess) => {
            crate::error::add_hint(hinted(message, format!("did you mean {guess}?")), columns)
        }
        None => hinted(message, columns),
    }
}

/// The column of `known` that `name` means: itself, or its table header
/// in any case (`Name`, `fixed ip`).
fn column_named(known: &[String], name: &str) -> Option<String> {
    if known.iter().any(|k| k == name) {
        return Some(name.to_string());
    }
    known
        .iter()
        .find(|k| {
            header(k).eq_ignore_ascii_case(name)
                || k.eq_ignore_ascii_case(&name.trim().replace(' ', "_"))
        })
        .cloned()
}

/// Renders rows as text; an unknown `-c`/`--sort-column` is an error.
#[cfg(test)]
pub(crate) fn render(rows: &Rows, opts: &RenderOptions) -> anyhow::Result<String> {
    render_on(rows, opts, Screen::default())
}

/// Renders rows as text for `screen`.
#[cfg(test)]
pub(crate) fn render_on(
    rows: &Rows,
    opts: &RenderOptions,
    screen: Screen,
) -> anyhow::Result<String> {
    let opts = opts.resolved(&rows.columns)?;
    let mut out = Vec::new();
    write(rows, &opts, screen, &mut out)?;
    Ok(String::from_utf8(out)?)
}

/// One row as the chosen columns show it: the row's cells, and each
/// column's name with its place among the rows' columns.
pub(super) struct Shown<'a> {
    columns: &'a [(&'a str, usize)],
    cells: &'a [Option<Value>],
}

impl Shown<'_> {
    pub(super) fn get(&self, at: usize) -> Option<&Value> {
        self.cells.get(at).and_then(Option::as_ref)
    }
}

/// A row as a map of the shown columns it has (JSON and YAML).
impl Serialize for Shown<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        for (name, at) in self.columns {
            if let Some(v) = self.get(*at) {
                map.serialize_entry(name, v)?;
            }
        }
        map.end()
    }
}

/// Every shown row, in order (JSON and YAML).
struct ShownRows<'a>(&'a [Shown<'a>]);

impl Serialize for ShownRows<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0)
    }
}

/// Writes rows in the format asked for; `opts` are resolved already (see
/// [`RenderOptions::resolved`]).
fn write(
    rows: &Rows,
    opts: &RenderOptions,
    screen: Screen,
    out: &mut impl std::io::Write,
) -> anyhow::Result<()> {
    let place = |name: &str| rows.columns.iter().position(|c| c == name);
    let columns: Vec<(&str, usize)> = if opts.columns.is_empty() {
        // A table hides the columns no row fills (config show's unset
        // keys, a view's field no site has); the other formats keep every
        // column so scripts see a fixed shape. A site's column (a drift
        // matrix) stays: it says the site was asked.
        rows.columns
            .iter()
            .enumerate()
            .filter(|(at, c)| {
                opts.format != Format::Table
                    || c.contains('/')
                    || rows
                        .cells
                        .iter()
                        .any(|r| r.get(*at).is_some_and(|v| !blank(v.as_ref())))
            })
            .map(|(at, c)| (c.as_str(), at))
            .collect()
    } else {
        opts.columns
            .iter()
            .filter_map(|c| Some((c.as_str(), place(c)?)))
            .collect()
    };
    let mut data: Vec<Shown> = rows
        .cells
        .iter()
        .map(|cells| Shown {
            columns: &columns,
            cells,
        })
        .collect();
    if !opts.sort_columns.is_empty() {
        let keys: Vec<usize> = opts.sort_columns.iter().filter_map(|c| place(c)).collect();
        data.sort_by(|a, b| {
            keys.iter()
                .map(|at| compare(a.get(*at), b.get(*at)))
                .find(|o| o.is_ne())
                .unwrap_or(std::cmp::Ordering::Equal)
        });
    }
    match opts.format {
        // No rows, no frame: the command's note on stderr says why.
        Format::Table if data.is_empty() => {}
        Format::Table => out.write_all(table(&columns, &data, screen).as_bytes())?,
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &ShownRows(&data))?;
            out.write_all(b"\n")?;
        }
        Format::Yaml if data.is_empty() => out.write_all(b"[]\n")?,
        Format::Yaml => serde_yaml::to_writer(&mut *out, &ShownRows(&data))?,
        Format::Csv => out.write_all(csv(&columns, &data).as_bytes())?,
        Format::Openmetrics => {
            anyhow::bail!("-f openmetrics: this command's rows have no metrics")
        }
        Format::Value => {
            for r in &data {
                let cells: Vec<String> = columns.iter().map(|(_, at)| cell(r.get(*at))).collect();
                writeln!(out, "{}", cells.join(" "))?;
            }
        }
    }
    Ok(())
}

fn compare(a: Option<&Value>, b: Option<&Value>) -> std::cmp::Ordering {
    match (a, b) {
        (Some(Value::Number(x)), Some(Value::Number(y))) => x
            .as_f64()
            .partial_cmp(&y.as_f64())
            .unwrap_or(std::cmp::Ordering::Equal),
        _ => cell(a).cmp(&cell(b)),
    }
}

/// Whether a table's percentages are drawn as meters: only when stdout
/// is a terminal (a pipe or a file gets the plain numbers).
pub(crate) fn meters() -> bool {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal()
}

/// A percentage as a ten-cell meter: `██████░░░░ 62%`.
pub(crate) fn meter(percent: f64) -> String {
    let filled = ((percent / 10.0).round().clamp(0.0, 10.0)) as usize;
    format!(
        "{}{} {percent:.0}%",
        "█".repeat(filled),
        "░".repeat(10 - filled)
    )
}

/// `s` for any count but one: `1 site`, `3 sites`.
pub(crate) fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A size for people: `512 B`, `1.5 KiB`, `25.0 MiB`, `2.0 GiB`.
pub(crate) fn bytes(n: u64) -> String {
    const UNITS: [&str; 5] = ["KiB", "MiB", "GiB", "TiB", "PiB"];
    if n < 1024 {
        return format!("{n} B");
    }
    let mut size = n as f64 / 1024.0;
    let mut unit = 0;
    while size >= 1024.0 && unit + 1 < UNITS.len() {
        size /= 1024.0;
        unit += 1;
    }
    format!("{size:.1} {}", UNITS[unit])
}

/// A value as one cell of text, as openstackclient shows it. A map (a
/// flavor's extra specs) is flattened to `k=v, k=v`: tables, CSV and
/// `value` have one line per row, while JSON and YAML keep the map, which
/// scripts can read back key by key.
pub(crate) fn cell(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Bool(true)) => "True".to_string(),
        Some(Value::Bool(false)) => "False".to_string(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| cell(Some(v)))
            .collect::<Vec<_>>()
            .join(", "),
        Some(Value::Object(map)) => map
            .iter()
            .map(|(k, v)| format!("{k}={}", cell(Some(v))))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// Whether a value shows as an empty cell.
fn blank(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.is_empty(),
        Some(Value::Array(items)) => items.iter().all(|v| blank(Some(v))),
        Some(Value::Object(map)) => map.is_empty(),
        Some(Value::Bool(_) | Value::Number(_)) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn sizes_read_in_binary_units() {
        assert_eq!(bytes(0), "0 B");
        assert_eq!(bytes(1023), "1023 B");
        assert_eq!(bytes(1536), "1.5 KiB");
        assert_eq!(bytes(25 * 1024 * 1024), "25.0 MiB");
        assert_eq!(bytes(2 << 30), "2.0 GiB");
    }

    fn sample() -> Rows {
        let mut rows = Rows::new(&["cloud", "region", "latency_ms", "ok"]);
        for (c, r, l, ok) in [("b", "R1", 30, true), ("a", "R2", 5, false)] {
            let v = json!({"cloud": c, "region": r, "latency_ms": l, "ok": ok});
            rows.push(v.as_object().unwrap().clone());
        }
        rows
    }

    fn opts(format: Format) -> RenderOptions {
        RenderOptions {
            format,
            columns: vec![],
            sort_columns: vec![],
        }
    }

    #[test]
    fn issue_14_columns_are_checked_before_the_command_runs() {
        let known = Known::with_sites(
            vec!["name".into(), "fingerprint".into()],
            &["name", "status"],
        );
        let mut o = opts(Format::Table);
        o.columns = vec!["Name".into(), "prod/RegionOne".into(), "status".into()];
        assert!(o.check(&known).is_ok(), "a site column of the table");
        o.format = Format::Json;
        let msg = o.check(&known).unwrap_err().to_string();
        assert_eq!(msg, "-c prod/RegionOne: no such column");
        o.columns = vec![];
        o.sort_columns = vec!["nope".into()];
        let msg = o.check(&known).unwrap_err().to_string();
        assert_eq!(msg, "--sort-column nope: no such column");
        o.sort_columns = vec!["Fingerprint".into()];
        assert!(o.check(&Known::rows(known.rows.clone())).is_ok());
    }

    #[test]
    fn issue_14_a_column_may_be_named_by_its_header() {
        let mut o = opts(Format::Json);
        o.columns = vec!["Cloud".into(), "latency ms".into()];
        o.sort_columns = vec!["Latency MS".into()];
        let out: Value = serde_json::from_str(&render(&sample(), &o).unwrap()).unwrap();
        assert_eq!(
            out,
            json!([{"cloud": "a", "latency_ms": 5}, {"cloud": "b", "latency_ms": 30}])
        );
        o.columns = vec!["Clouds".into()];
        let msg = render(&sample(), &o).unwrap_err().to_string();
        assert_eq!(msg, "-c Clouds: no such column");
    }

    #[test]
    fn json_keeps_types_and_column_selection() {
        let mut o = opts(Format::Json);
        o.columns = vec!["region".into(), "latency_ms".into()];
        let out = render(&sample(), &o).unwrap();
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(
            v,
            json!([{"region": "R1", "latency_ms": 30}, {"region": "R2", "latency_ms": 5}])
        );
    }

    #[test]
    fn sort_column_is_numeric_for_numbers() {
        let mut o = opts(Format::Value);
        o.sort_columns = vec!["latency_ms".into()];
        o.columns = vec!["cloud".into()];
        assert_eq!(render(&sample(), &o).unwrap(), "a\nb\n");
    }

    #[test]
    fn unknown_column_names_the_flag_and_the_columns() {
        let mut o = opts(Format::Table);
        o.columns = vec!["nope".into()];
        let err = render(&sample(), &o).unwrap_err();
        let (msg, hints) = crate::error::describe(&err);
        assert_eq!(msg, "-c nope: no such column");
        assert_eq!(hints, vec!["columns are: cloud, region, latency_ms, ok"]);
        o.columns = vec!["Regoin".into()];
        let (_, hints) = crate::error::describe(&render(&sample(), &o).unwrap_err());
        assert_eq!(hints[1], "did you mean region?");
    }

    #[test]
    fn csv_quotes_text_not_numbers() {
        let out = render(&sample(), &opts(Format::Csv)).unwrap();
        assert_eq!(out.lines().nth(1).unwrap(), "\"b\",\"R1\",30,\"True\"");
    }

    #[test]
    fn table_hides_columns_no_row_has() {
        let mut rows = sample();
        rows.columns.push("unset".into());
        let table = render(&rows, &opts(Format::Table)).unwrap();
        assert!(!table.contains("Unset"), "{table}");
        let csv = render(&rows, &opts(Format::Csv)).unwrap();
        assert!(
            csv.starts_with("\"cloud\",\"region\",\"latency_ms\",\"ok\",\"unset\"\n"),
            "{csv}"
        );
    }

    /// Issue 14: a map is an object where it can be read back, and one
    /// flat cell where a row is one line.
    #[test]
    fn issue_14_a_map_is_an_object_in_json_and_yaml_and_flat_elsewhere() {
        let mut rows = Rows::new(&["name", "extra_specs"]);
        let specs = json!({"hw:cpu_policy": "dedicated", "hw:mem_page_size": "large"});
        rows.push(
            json!({"name": "m1", "extra_specs": specs})
                .as_object()
                .unwrap()
                .clone(),
        );
        let flat = "hw:cpu_policy=dedicated, hw:mem_page_size=large";
        let json: Value =
            serde_json::from_str(&render(&rows, &opts(Format::Json)).unwrap()).unwrap();
        assert_eq!(json[0]["extra_specs"], specs);
        let yaml: Value =
            serde_yaml::from_str(&render(&rows, &opts(Format::Yaml)).unwrap()).unwrap();
        assert_eq!(yaml[0]["extra_specs"], specs);
        assert_eq!(
            render(&rows, &opts(Format::Value)).unwrap(),
            format!("m1 {flat}\n")
        );
        let csv = render(&rows, &opts(Format::Csv)).unwrap();
        assert_eq!(csv.lines().nth(1).unwrap(), format!("\"m1\",\"{flat}\""));
        let table = render(&rows, &opts(Format::Table)).unwrap();
        assert!(table.contains(flat), "{table}");
        assert_eq!(cell(Some(&json!({}))), "");
    }

    /// Issue 19: a column no row fills (a typed view's `None`, an empty
    /// string) is hidden in a table, and kept in every other format.
    #[test]
    fn issue_19_a_table_hides_columns_no_row_fills_and_json_keeps_them() {
        let mut rows = Rows::new(&["name", "host", "detail", "tags", "c/r"]);
        for name in ["a", "b"] {
            let v = json!({"name": name, "host": null, "detail": "", "tags": [], "c/r": null});
            rows.push(v.as_object().unwrap().clone());
        }
        let table = render(&rows, &opts(Format::Table)).unwrap();
        let head = table.lines().nth(1).unwrap();
        assert!(head.contains("Name") && head.contains("c/r"), "{table}");
        for hidden in ["Host", "Detail", "Tags"] {
            assert!(!head.contains(hidden), "{hidden}: {table}");
        }
        let json: Value =
            serde_json::from_str(&render(&rows, &opts(Format::Json)).unwrap()).unwrap();
        assert_eq!(
            json[0],
            json!({"name": "a", "host": null, "detail": "", "tags": [], "c/r": null})
        );
        let csv = render(&rows, &opts(Format::Csv)).unwrap();
        assert!(csv.starts_with("\"name\",\"host\",\"detail\",\"tags\",\"c/r\"\n"));
        let mut o = opts(Format::Table);
        o.columns = vec!["name".into(), "host".into()];
        let asked = render(&rows, &o).unwrap();
        assert!(asked.contains("Host"), "a column asked for by -c: {asked}");
    }

    /// Issue 19: no rows, no frame in a table; JSON is still `[]`.
    #[test]
    fn issue_19_no_rows_print_nothing_in_a_table() {
        let rows = Rows::new(&["cloud", "region", "name"]);
        let screen = Screen::new(true, Some(80), false);
        assert_eq!(render_on(&rows, &opts(Format::Table), screen).unwrap(), "");
        assert_eq!(render(&rows, &opts(Format::Json)).unwrap(), "[]\n");
        assert_eq!(render(&rows, &opts(Format::Yaml)).unwrap(), "[]\n");
        assert_eq!(
            render(&rows, &opts(Format::Csv)).unwrap(),
            "\"cloud\",\"region\",\"name\"\n"
        );
    }

    fn wide() -> Rows {
        let mut rows = Rows::new(&["name", "detail"]);
        let detail = "a detail of many words that is longer than a narrow terminal";
        rows.push(
            json!({"name": "web", "detail": detail})
                .as_object()
                .unwrap()
                .clone(),
        );
        rows
    }

    /// Issue 19: a terminal that reports 0 columns (`script`'s pty) or
    /// fewer than 20 is of unknown width: the table is not wrapped.
    #[test]
    fn issue_19_a_width_of_0_or_10_is_unknown() {
        for width in [0, 10] {
            let screen = Screen::new(true, Some(width), false);
            assert_eq!(screen.width, None, "{width}");
            let table = render_on(&wide(), &opts(Format::Table), screen).unwrap();
            assert_eq!(table.lines().count(), 5, "one line a row: {table}");
            assert!(table.contains("longer than a narrow terminal"), "{table}");
        }
        assert_eq!(Screen::new(false, Some(80), false).width, None);
        let screen = Screen::new(true, Some(40), false);
        assert_eq!(screen.width, Some(40));
        let table = render_on(&wide(), &opts(Format::Table), screen).unwrap();
        assert!(table.lines().all(|l| l.chars().count() <= 40), "{table}");
        assert!(table.lines().count() > 5, "wrapped: {table}");
    }

    fn statuses() -> Rows {
        let mut rows = Rows::new(&["name", "status", "ok", "detail"]);
        for (name, status, ok) in [
            ("a", "same", true),
            ("b", "differs", true),
            ("c", "missing", false),
            ("d", "failed, rolled back", false),
        ] {
            let v = json!({"name": name, "status": status, "ok": ok, "detail": "missing"});
            rows.push(v.as_object().unwrap().clone());
        }
        rows
    }

    /// Issue 19: status words are coloured in a table on a terminal
    /// without NO_COLOR, and nowhere else.
    #[test]
    fn issue_19_status_words_are_coloured_only_on_a_terminal_without_no_color() {
        assert!(Screen::new(true, Some(80), false).color);
        assert!(!Screen::new(true, Some(80), true).color, "NO_COLOR");
        assert!(!Screen::new(false, None, false).color, "not a terminal");

        let screen = Screen::new(true, Some(80), false);
        let table = render_on(&statuses(), &opts(Format::Table), screen).unwrap();
        let green = "\u{1b}[38;5;10m";
        let yellow = "\u{1b}[38;5;11m";
        let red = "\u{1b}[38;5;9m";
        assert!(table.contains(&format!("{green}same")), "{table:?}");
        assert!(table.contains(&format!("{yellow}differs")), "{table:?}");
        assert!(table.contains(&format!("{red}missing")), "{table:?}");
        assert!(
            table.contains(&format!("{red}failed, rolled back")),
            "{table:?}"
        );
        assert!(table.contains(&format!("{green}True")), "{table:?}");
        assert!(table.contains(&format!("{red}False")), "{table:?}");
        assert_eq!(
            table.matches("missing").count(),
            table.matches(&format!("{red}missing")).count() + 4,
            "a word in another column is not a status: {table:?}"
        );
        for screen in [
            Screen::new(true, Some(80), true),
            Screen::new(false, None, false),
        ] {
            let plain = render_on(&statuses(), &opts(Format::Table), screen).unwrap();
            assert!(!plain.contains('\u{1b}'), "{plain:?}");
        }
        for format in [Format::Json, Format::Yaml, Format::Csv, Format::Value] {
            let out = render_on(&statuses(), &opts(format), screen).unwrap();
            assert!(!out.contains('\u{1b}'), "{format:?}: {out:?}");
        }
    }

    #[test]
    fn meters_fill_by_tenths() {
        assert_eq!(meter(62.0), "██████░░░░ 62%");
        assert_eq!(meter(0.0), "░░░░░░░░░░ 0%");
        assert_eq!(meter(130.0), "██████████ 130%");
    }

    #[test]
    fn headers_read_like_openstackclient() {
        assert_eq!(header("auth_url"), "Auth URL");
        assert_eq!(header("latency_ms"), "Latency MS");
        assert_eq!(header("cidr"), "CIDR");
        assert_eq!(header("mtu"), "MTU");
        assert_eq!(header("cloud"), "Cloud");
        assert_eq!(header("prod-eu/RegionOne"), "prod-eu/RegionOne");
    }
}
