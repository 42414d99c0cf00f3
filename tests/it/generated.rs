//! The committed completions/ and man/ must match what the binary generates
//! now. Regenerate with `OSPREY_BLESS=1 cargo test --test it generated`.

use crate::common;

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn check(path: &Path, fresh: &[u8], stale: &mut Vec<String>) {
    if std::env::var_os("OSPREY_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, fresh).unwrap();
        return;
    }
    match std::fs::read(path) {
        Ok(committed) if committed == fresh => {}
        _ => stale.push(path.display().to_string()),
    }
}

#[test]
fn completions_and_man_pages_are_fresh() {
    let env = common::Env::new();
    let mut stale = Vec::new();
    for (shell, file) in [
        ("bash", "osprey.bash"),
        ("zsh", "_osprey"),
        ("fish", "osprey.fish"),
        ("powershell", "_osprey.ps1"),
        ("elvish", "osprey.elv"),
    ] {
        let out = env.command(&["completions", shell]).output().unwrap();
        assert!(out.status.success());
        check(
            &root().join("completions").join(file),
            &out.stdout,
            &mut stale,
        );
    }
    let dir = env.path().join("man");
    std::fs::create_dir_all(&dir).unwrap();
    let out = env
        .command(&["man", "--dir", dir.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut pages: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    pages.sort();
    assert!(pages.iter().any(|p| p.ends_with("osprey.1")));
    // A page the binary no longer generates must not linger in man/.
    if let Ok(committed) = std::fs::read_dir(root().join("man")) {
        for entry in committed {
            let name = entry.unwrap().file_name();
            if !pages.iter().any(|p| p.file_name() == Some(&name)) {
                stale.push(format!(
                    "man/{} (no longer generated)",
                    name.to_string_lossy()
                ));
            }
        }
    }
    for page in pages {
        let fresh = std::fs::read(&page).unwrap();
        check(
            &root().join("man").join(page.file_name().unwrap()),
            &fresh,
            &mut stale,
        );
    }
    assert!(
        stale.is_empty(),
        "stale generated files (run `OSPREY_BLESS=1 cargo test --test it generated`): {stale:?}"
    );
}

/// The long help of a command (`src/help/NAME.txt`, its `--help` and man
/// page) opens with the summary `-h` shows, so the two never tell different
/// stories; and every text in `src/help/` is some command's.
#[test]
fn long_help_opens_with_the_summary_and_every_text_is_used() {
    use clap::CommandFactory;
    fn first_paragraph(text: &str) -> String {
        let para = text.split("\n\n").next().unwrap_or_default();
        let words: Vec<&str> = para.split_whitespace().collect();
        words.join(" ").trim_end_matches('.').to_string()
    }
    fn walk(cmd: &clap::Command, path: &str, helps: &mut Vec<String>) {
        if let Some(long) = cmd.get_long_about() {
            let about = cmd.get_about().map(|a| a.to_string()).unwrap_or_default();
            assert_eq!(
                first_paragraph(&long.to_string()),
                first_paragraph(&about),
                "{path}: the long help must open with the summary"
            );
            helps.push(long.to_string());
        }
        if let Some(after) = cmd.get_after_long_help() {
            helps.push(after.to_string());
        }
        for sub in cmd.get_subcommands() {
            walk(sub, &format!("{path} {}", sub.get_name()), helps);
        }
    }
    let mut helps = Vec::new();
    walk(&osprey::Cli::command(), "osprey", &mut helps);
    let dir = root().join("src/help");
    let mut texts = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            helps.iter().any(|h| h.contains(text.trim())),
            "{} is no command's help",
            path.display()
        );
        texts += 1;
    }
    assert!(texts > 30, "only {texts} texts in src/help");
}
