//! The text formats people read: the table (its width and colours
//! decided once for the screen it goes to) and CSV.

use super::{Shown, cell};
use comfy_table::{
    Cell, Color, ContentArrangement, LineStyle, Table, presets::ASCII_FULL_CONDENSED,
};
use serde_json::Value;

/// Narrower than this, a terminal's reported width is taken for unknown:
/// a pty under `script` reports 0 columns, and a table wrapped to it has
/// one character per column.
const MIN_WIDTH: u16 = 20;

/// Where a table goes: the width it wraps to and whether its status words
/// are coloured. Decided once from stdout and the environment, and given
/// to the render, so tests set it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Screen {
    /// `None` when unknown (not a terminal, or one that reports less
    /// than [`MIN_WIDTH`]): the table is not wrapped.
    pub(crate) width: Option<u16>,
    pub(crate) color: bool,
}

impl Screen {
    /// A screen that is a terminal or not, of the width it reports, with
    /// `NO_COLOR` set (to any value, as no-color.org asks) or not.
    pub(crate) fn new(terminal: bool, width: Option<u16>, no_color: bool) -> Self {
        Screen {
            width: width.filter(|w| terminal && *w >= MIN_WIDTH),
            color: terminal && !no_color,
        }
    }

    /// Stdout as it is.
    pub(super) fn stdout() -> Self {
        use std::io::IsTerminal;
        let terminal = std::io::stdout().is_terminal();
        // comfy-table asks the terminal for its size when stdout is one.
        let width = terminal.then(|| Table::new().width()).flatten();
        Screen::new(terminal, width, std::env::var_os("NO_COLOR").is_some())
    }
}

pub(super) fn table(columns: &[(&str, usize)], data: &[Shown], screen: Screen) -> String {
    let mut t = Table::new();
    // openstackclient's look: `+---+` rules above and below the header.
    // The screen, not comfy-table, decides the width and the colour.
    t.load_style(ASCII_FULL_CONDENSED.header_separator(LineStyle::new('+', '-', '+', '+')))
        .force_no_tty()
        .set_header(columns.iter().map(|(c, _)| header(c)));
    match screen.width {
        Some(width) => t
            .set_width(width)
            .set_content_arrangement(ContentArrangement::Dynamic),
        None => t.set_content_arrangement(ContentArrangement::Disabled),
    };
    if screen.color {
        t.enforce_styling();
        t.style_text_only();
    }
    for row in data {
        t.add_row(columns.iter().map(|(c, at)| {
            let text = cell(row.get(*at));
            match status_color(c, &text).filter(|_| screen.color) {
                Some(color) => Cell::new(text).fg(color),
                None => Cell::new(text),
            }
        }));
    }
    format!("{t}\n")
}

/// The colour of a status word in a table: what is in step green, what
/// to look at yellow, what is wrong red. Only the columns that hold a
/// status (a drift view's and a plan's `status`, a plan's `action`,
/// health's `ok`) are coloured; a status with its reason after a comma
/// (`failed, rolled back`) takes its first word's colour.
fn status_color(column: &str, text: &str) -> Option<Color> {
    let word = text.split(',').next().unwrap_or_default().trim();
    match (column, word) {
        ("status" | "action", "same" | "ok" | "applied") | ("ok", "True") => Some(Color::Green),
        ("status" | "action", "differs" | "warning") => Some(Color::Yellow),
        ("status" | "action", "missing" | "failed" | "conflict") | ("ok", "False") => {
            Some(Color::Red)
        }
        _ => None,
    }
}

/// `auth_url` → `Auth URL`, as openstackclient titles its columns; a
/// column that is not a snake_case key (a site name) is kept as it is.
pub(super) fn header(column: &str) -> String {
    if !column.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
        return column.to_string();
    }
    column
        .split('_')
        .map(|w| match w {
            "id" | "ip" | "url" | "mac" | "ms" | "cidr" | "mtu" => w.to_uppercase(),
            _ => {
                let mut c = w.chars();
                match c.next() {
                    Some(f) => f.to_uppercase().chain(c).collect(),
                    None => String::new(),
                }
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

pub(super) fn csv(columns: &[(&str, usize)], data: &[Shown]) -> String {
    let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let mut out = String::new();
    let head: Vec<String> = columns.iter().map(|(c, _)| quote(c)).collect();
    out.push_str(&head.join(","));
    out.push('\n');
    for row in data {
        let cells: Vec<String> = columns
            .iter()
            .map(|(_, at)| match row.get(*at) {
                Some(Value::Number(n)) => n.to_string(),
                v => quote(&cell(v)),
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}
