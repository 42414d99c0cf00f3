//! Issue 19, examples that are tested: every file in `examples/` runs as
//! written against a fake estate of the example clouds.yaml's shape (cloud
//! `prod` with RegionOne and RegionTwo, cloud `dr` with RegionThree), so an
//! example can never rot. The crontab's commands and the CI files' steps
//! are read out of the files and run by a shell with `osprey` (this build)
//! and `examples/` on the PATH, and each must end with the exit code its
//! comment promises. The README's demo (`demo.sh`) runs with this build's
//! osprey and fakestack binaries.

use crate::common::{Env, Run, start};
use fakestack::{FakeStack, Kind, Spec};
use serde_json::json;
use serde_yaml::Value as Yaml;
use std::path::{Path, PathBuf};
use std::process::Command;

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

fn read_example(name: &str) -> String {
    std::fs::read_to_string(examples().join(name))
        .unwrap_or_else(|e| panic!("examples/{name}: {e}"))
}

/// The clouds of examples/clouds.yaml, on fakestack.
fn estate() -> (FakeStack, Env) {
    start(
        Spec::new()
            .cloud("prod", &["RegionOne", "RegionTwo"])
            .cloud("dr", &["RegionThree"])
            .demo_quota(),
    )
}

/// An active image of the demo project, with some data.
fn image(stack: &FakeStack, region: &str, name: &str, len: usize) -> String {
    let body = json!({"name": name, "disk_format": "raw", "container_format": "bare"});
    let id = stack.seed(region, Kind::Image, "demo", body).id;
    let data: Vec<u8> = (0..len).map(|i| (i * 7 + i / 251) as u8).collect();
    stack.set_image_data(region, &id, data);
    id
}

fn images_named(stack: &FakeStack, region: &str, name: &str) -> Vec<String> {
    stack
        .resources(region, Kind::Image)
        .into_iter()
        .filter(|r| r.field("name") == name)
        .map(|r| r.id)
        .collect()
}

/// Runs `script` with `shell` in the sandbox, as osprey's own runs are
/// (no inherited `OS_*`, the sandbox's HOME), with this build's osprey and
/// `examples/` first on the PATH and `vars` set last.
fn shell(env: &Env, shell: &[&str], script: &str, cwd: &Path, vars: &[(String, String)]) -> Run {
    let bin = Path::new(env!("CARGO_BIN_EXE_osprey")).parent().unwrap();
    let path = format!(
        "{}:{}:{}",
        bin.display(),
        examples().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut cmd = Command::new(shell[0]);
    cmd.args(&shell[1..]).arg(script);
    for (k, _) in std::env::vars() {
        if k.starts_with("OS_") || k.starts_with("GITHUB_") {
            cmd.env_remove(k);
        }
    }
    cmd.env("HOME", env.path().join("home"))
        .env("XDG_CONFIG_HOME", env.path().join("home/.config"))
        .env("XDG_CACHE_HOME", env.path().join("home/.cache"))
        .env("RUST_BACKTRACE", "0")
        .env("NO_COLOR", "1")
        .current_dir(cwd);
    for (k, v) in env.vars.iter().chain(vars) {
        cmd.env(k, v);
    }
    cmd.env("PATH", path);
    Run::from(cmd.output().expect("run the shell"))
}

/// One job of the crontab: its command, and the comment block above it.
struct Job {
    command: String,
    comment: String,
}

/// The crontab's environment lines and jobs, as cron reads them.
fn crontab(text: &str) -> (Vec<(String, String)>, Vec<Job>) {
    let (mut vars, mut jobs, mut comment) = (Vec::new(), Vec::new(), String::new());
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            comment.clear();
        } else if let Some(text) = line.strip_prefix('#') {
            comment.push_str(text.trim());
            comment.push(' ');
        } else if line.starts_with(|c: char| c.is_ascii_alphabetic()) {
            let (k, v) = line.split_once('=').expect("NAME=value");
            vars.push((k.trim().to_string(), v.trim().to_string()));
        } else {
            // Five time fields, then the command, exactly as written.
            let mut rest = line;
            for _ in 0..5 {
                let end = rest.find(char::is_whitespace).expect("a time field");
                rest = rest[end..].trim_start();
            }
            // cron turns `%` into a newline: a command must not have one.
            assert!(!rest.contains('%'), "an unescaped % in {rest}");
            jobs.push(Job {
                command: rest.to_string(),
                comment: comment.clone(),
            });
        }
    }
    (vars, jobs)
}

#[test]
fn issue19_the_example_clouds_yaml_names_the_clouds_the_examples_use() {
    let (stack, _env) = estate();
    let names = |yaml: &str| -> Vec<String> {
        let doc: Yaml = serde_yaml::from_str(yaml).unwrap();
        let mut names: Vec<String> = doc["clouds"]
            .as_mapping()
            .unwrap()
            .keys()
            .map(|k| k.as_str().unwrap().to_string())
            .collect();
        names.sort();
        names
    };
    let example = read_example("clouds.yaml");
    assert_eq!(names(&example), names(&stack.clouds_yaml()));

    // osprey reads it: three regions in two clouds, secrets masked.
    let mut env = Env::new();
    let path = env.write("clouds.yaml", &example);
    env.set("OS_CLIENT_CONFIG_FILE", path.to_str().unwrap());
    let run = env.run(&["config", "show", "-f", "json"]);
    run.assert_code(0);
    assert_eq!(
        run.sites(),
        crate::common::pairs(&[
            ("dr", "RegionThree"),
            ("dr-admin", "RegionThree"),
            ("prod", "RegionOne"),
            ("prod", "RegionTwo"),
            ("prod-admin", "RegionOne"),
            ("prod-admin", "RegionTwo"),
        ])
    );
    // Every password and the secret of the example start so.
    assert!(!run.stdout.contains("change-me"), "{}", run.stdout);
}

#[test]
fn issue19_every_crontab_job_runs_and_exits_as_its_comment_says() {
    let (stack, env) = estate();
    let osprey_config = env.path().join("home/.config/osprey");
    std::fs::create_dir_all(&osprey_config).unwrap();
    std::fs::copy(
        examples().join("global-limits.yaml"),
        osprey_config.join("global-limits.yaml"),
    )
    .unwrap();
    let textfiles = env.path().join("textfiles");
    std::fs::create_dir_all(&textfiles).unwrap();

    let (cron_vars, jobs) = crontab(&read_example("crontab"));
    // cron's PATH names the host's folders; the sandbox's PATH finds this
    // build instead (see `shell`).
    let mut vars: Vec<(String, String)> =
        cron_vars.into_iter().filter(|(k, _)| k != "PATH").collect();
    vars.push(("TEXTFILE_DIR".into(), textfiles.to_str().unwrap().into()));
    let drift_checks: Vec<&Job> = jobs
        .iter()
        .filter(|j| j.comment.contains("1 on "))
        .collect();
    assert_eq!(drift_checks.len(), 5, "ip scan and four drift checks");
    for job in &jobs {
        assert!(
            job.comment.contains("Exit 0"),
            "{}: {}",
            job.command,
            job.comment
        );
    }

    // In step: the source's images, a key and a group at every site.
    image(&stack, "RegionOne", "ubuntu-24.04", 3000);
    for region in ["RegionOne", "RegionTwo", "RegionThree"] {
        crate::common::seed_keypair(&stack, region, "deploy", crate::common::ED25519);
    }
    let home = env.path().join("home");
    for job in &jobs {
        shell(&env, &["/bin/sh", "-c"], &job.command, &home, &vars).assert_code(0);
    }
    // The mirror copied, the balance left a plan, the textfile was written.
    for region in ["RegionTwo", "RegionThree"] {
        assert_eq!(images_named(&stack, region, "ubuntu-24.04").len(), 1);
    }
    let metrics = std::fs::read_to_string(textfiles.join("osprey.prom")).unwrap();
    assert!(metrics.ends_with("# EOF\n"), "{metrics}");
    let left: Vec<_> = std::fs::read_dir(&textfiles).unwrap().collect();
    assert_eq!(left.len(), 1, "only osprey.prom is left");

    // Drift at each kind, and an address range two sites both use.
    crate::common::seed_keypair(&stack, "RegionOne", "laptop", crate::common::RSA);
    stack.seed(
        "RegionOne",
        Kind::Flavor,
        "admin",
        json!({"id": "m1.gpu", "name": "m1.gpu", "vcpus": 8, "ram": 16384, "disk": 40}),
    );
    stack.seed(
        "RegionTwo",
        Kind::SecurityGroup,
        "demo",
        json!({"name": "web"}),
    );
    image(&stack, "RegionThree", "ubuntu-22.04", 100);
    for region in ["RegionOne", "RegionThree"] {
        let net = stack.seed(region, Kind::Network, "demo", json!({"name": "app"}));
        stack.seed(
            region,
            Kind::Subnet,
            "demo",
            json!({"network_id": net.id, "cidr": "10.1.0.0/24", "ip_version": 4}),
        );
    }
    for job in drift_checks {
        let run = shell(&env, &["/bin/sh", "-c"], &job.command, &home, &vars);
        assert_eq!(
            run.code, 1,
            "{}\n{}\n{}",
            job.command, run.stdout, run.stderr
        );
    }
}

#[test]
fn issue19_the_textfile_job_keeps_the_old_metrics_when_osprey_fails() {
    let (stack, env) = estate();
    let dir = env.path().join("textfiles");
    std::fs::create_dir_all(&dir).unwrap();
    let vars = vec![(
        "TEXTFILE_DIR".to_string(),
        dir.to_str().unwrap().to_string(),
    )];
    let script = "osprey-textfile.sh";
    shell(&env, &["/bin/sh", "-c"], script, env.path(), &vars).assert_code(0);
    let before = std::fs::read_to_string(dir.join("osprey.prom")).unwrap();
    stack.inject(
        fakestack::Fault::new(
            fakestack::Target::All,
            fakestack::FaultKind::Status {
                code: 503,
                retry_after: None,
            },
        )
        .path_prefix("/placement"),
    );
    let run = shell(&env, &["/bin/sh", "-c"], script, env.path(), &vars);
    run.assert_code(2);
    assert_eq!(
        std::fs::read_to_string(dir.join("osprey.prom")).unwrap(),
        before
    );
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        1,
        "no temporary file left"
    );
}

/// A YAML string, or the lines of a YAML list of strings, as one script.
fn script(value: &Yaml) -> String {
    match value {
        Yaml::String(s) => s.clone(),
        Yaml::Sequence(lines) => lines
            .iter()
            .map(|l| l.as_str().expect("a script line"))
            .collect::<Vec<_>>()
            .join("\n"),
        other => panic!("not a script: {other:?}"),
    }
}

fn string_map(value: &Yaml) -> Vec<(String, String)> {
    value
        .as_mapping()
        .into_iter()
        .flatten()
        .map(|(k, v)| {
            (
                k.as_str().unwrap().to_string(),
                v.as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn issue19_the_gitlab_job_ensures_the_image_and_scans() {
    let (stack, env) = estate();
    let src = image(&stack, "RegionOne", "ubuntu-24.04", 2000);
    let doc: Yaml = serde_yaml::from_str(&read_example("ci/gitlab-ci.yml")).unwrap();
    let job = &doc["osprey-preflight"];
    // GitLab runs the lines in one shell, each one's failure failing the job.
    let mut vars = string_map(&job["variables"]);
    // The File-type CI/CD variable: a path to the clouds.yaml (the sandbox
    // has it already, as OS_CLIENT_CONFIG_FILE).
    assert!(env.vars.iter().any(|(k, _)| k == "OS_CLIENT_CONFIG_FILE"));
    vars.push(("CI".into(), "true".into()));
    let work = env.path().join("work");
    let run = shell(
        &env,
        &["bash", "-eo", "pipefail", "-c"],
        &script(&job["script"]),
        &work,
        &vars,
    );
    run.assert_code(0);
    let copies = images_named(&stack, "RegionThree", "ubuntu-24.04");
    assert_eq!(copies.len(), 1, "{}", run.stderr);
    assert_ne!(copies[0], src);
    let dotenv = std::fs::read_to_string(work.join("image.env")).unwrap();
    assert_eq!(dotenv, format!("IMAGE_ID={}\n", copies[0]));
}

#[test]
fn issue19_the_github_workflow_ensures_the_image_and_scans() {
    let (stack, fake) = estate();
    image(&stack, "RegionOne", "ubuntu-24.04", 2000);
    // No clouds.yaml in the sandbox: the workflow's first step writes it
    // from the secret.
    let env = Env::new();
    let doc: Yaml = serde_yaml::from_str(&read_example("ci/github-actions.yml")).unwrap();
    let job = &doc["jobs"]["preflight"];
    let runner_temp = env.path().join("runner-temp");
    std::fs::create_dir_all(&runner_temp).unwrap();
    let (github_env, github_output) = (
        env.path().join("github-env"),
        env.path().join("github-output"),
    );
    let secret = fake
        .vars
        .iter()
        .find(|(k, _)| k == "OS_CLIENT_CONFIG_FILE")
        .unwrap();
    let clouds = std::fs::read_to_string(&secret.1).unwrap();
    // What the runner puts in place of an expression.
    let expression = |value: String| match value.as_str() {
        "${{ secrets.OSPREY_CLOUDS_YAML }}" => clouds.clone(),
        v => {
            assert!(
                !v.contains("${{"),
                "an expression the test does not know: {v}"
            );
            value
        }
    };
    let mut vars: Vec<(String, String)> = vec![
        ("CI".into(), "true".into()),
        ("RUNNER_TEMP".into(), runner_temp.to_str().unwrap().into()),
        ("GITHUB_ENV".into(), github_env.to_str().unwrap().into()),
        (
            "GITHUB_OUTPUT".into(),
            github_output.to_str().unwrap().into(),
        ),
    ];
    vars.extend(string_map(&job["env"]));
    let mut ran = 0;
    for step in job["steps"].as_sequence().unwrap() {
        let Some(run) = step.get("run") else { continue };
        let body = script(run);
        // Expressions belong in `env:`, never spliced into a script.
        assert!(!body.contains("${{"), "{body}");
        let mut step_vars = vars.clone();
        step_vars.extend(
            string_map(&step["env"])
                .into_iter()
                .map(|(k, v)| (k, expression(v))),
        );
        // What earlier steps added to $GITHUB_ENV.
        if let Ok(text) = std::fs::read_to_string(&github_env) {
            step_vars.extend(text.lines().filter_map(|l| {
                l.split_once('=')
                    .map(|(k, v)| (k.to_string(), v.to_string()))
            }));
        }
        let out = shell(
            &env,
            &["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c"],
            &body,
            &env.path().join("work"),
            &step_vars,
        );
        assert_eq!(
            out.code, 0,
            "step {:?}\n{}\n{}",
            step["name"], out.stdout, out.stderr
        );
        ran += 1;
    }
    assert_eq!(ran, 4);
    let copies = images_named(&stack, "RegionThree", "ubuntu-24.04");
    assert_eq!(copies.len(), 1);
    let output = std::fs::read_to_string(&github_output).unwrap();
    assert_eq!(output, format!("id={}\n", copies[0]));
    assert!(
        !runner_temp.join("clouds.yaml").exists(),
        "the last step removes it"
    );
}

fn jq_installed() -> bool {
    Command::new("sh")
        .args(["-c", "command -v jq"])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn issue19_the_jq_script_reads_the_json_it_is_given() {
    let (_stack, env) = estate();
    let script = examples().join("quota-headroom.sh");
    let script = script.to_str().unwrap();
    if !jq_installed() {
        // Nothing is downloaded: what the script reads is checked instead.
        eprintln!("jq is not installed: checking only the keys quota-headroom.sh reads");
        let run = env.run(&[
            "--os-cloud",
            "prod-admin,dr-admin",
            "quota",
            "show",
            "--project",
            "demo",
            "--total",
            "-f",
            "json",
        ]);
        run.assert_code(0);
        for row in run.json().as_array().unwrap() {
            for key in ["service", "resource", "limit_total", "in_use_total"] {
                assert!(row.get(key).is_some(), "no {key} in {row}");
            }
        }
        return;
    }
    // Nothing near its limit: silent, exit 0.
    let run = shell(&env, &["/bin/sh", "-c"], script, env.path(), &[]);
    run.assert_code(0);
    assert_eq!(run.stdout, "");
    // At 40% of the summed limits (24 of the default 3 x 20 cores).
    let run = shell(
        &env,
        &["/bin/sh", "-c"],
        &format!("{script} demo 40"),
        env.path(),
        &[],
    );
    run.assert_code(1);
    assert!(
        run.stdout
            .lines()
            .any(|l| l == "compute/cores: 24 of 60 (40%)"),
        "{}",
        run.stdout
    );
}

/// The fakestack binary the demo is given: `FAKESTACK_BIN`, or the one
/// `cargo test --workspace` builds beside osprey's.
fn fakestack_bin() -> PathBuf {
    match std::env::var_os("FAKESTACK_BIN") {
        Some(path) => PathBuf::from(path),
        None => Path::new(env!("CARGO_BIN_EXE_osprey"))
            .with_file_name(format!("fakestack{}", std::env::consts::EXE_SUFFIX)),
    }
}

/// The `$ osprey …` header that the demo prints for each of its `show`
/// lines, as bash splits and unquotes the words.
fn demo_headers(script: &str) -> Vec<String> {
    script
        .lines()
        .filter_map(|l| l.strip_prefix("show "))
        .map(|l| {
            let args = l.trim_end().trim_end_matches("|| true").trim_end();
            format!("$ osprey {}", args.replace('\'', ""))
        })
        .collect()
}

/// Whether a process of the group `pgid` is still there.
#[cfg(unix)]
fn group_alive(pgid: u32) -> bool {
    // SAFETY: signal 0 only checks that the processes exist.
    unsafe { libc::kill(-(pgid as libc::pid_t), 0) == 0 }
}

/// The README's demo, `bash examples/demo.sh`, as a user runs it, with
/// this build's binaries (a `cargo` on the PATH that fails proves it
/// builds nothing): it ends 0, prints every command's header in order and
/// no error, and leaves neither files nor processes behind.
#[cfg(unix)]
#[test]
fn issue19_the_demo_runs_with_the_built_binaries_and_cleans_up() {
    use std::os::unix::process::CommandExt;
    let fakestack = fakestack_bin();
    if !fakestack.exists() {
        let why = format!(
            "no fakestack binary at {} (`cargo test --workspace` builds it; \
             FAKESTACK_BIN names another)",
            fakestack.display()
        );
        assert!(!crate::common::in_ci(), "{why}");
        eprintln!("SKIPPED demo test: {why}");
        return;
    }
    let sandbox = tempfile::tempdir().unwrap();
    let (tmp, bin, home) = (
        sandbox.path().join("tmp"),
        sandbox.path().join("bin"),
        sandbox.path().join("home"),
    );
    for dir in [&tmp, &bin, &home] {
        std::fs::create_dir_all(dir).unwrap();
    }
    let cargo = bin.join("cargo");
    std::fs::write(
        &cargo,
        "#!/bin/sh\necho 'the demo ran cargo' >&2\nexit 97\n",
    )
    .unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&cargo, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let (stdout, stderr) = (sandbox.path().join("stdout"), sandbox.path().join("stderr"));
    let mut cmd = Command::new("bash");
    cmd.arg(examples().join("demo.sh"));
    for (k, _) in std::env::vars() {
        if k.starts_with("OS_") || k.starts_with("OSPREY_") || k.starts_with("XDG_") {
            cmd.env_remove(k);
        }
    }
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    cmd.env("PATH", path)
        .env("HOME", &home)
        .env("TMPDIR", &tmp)
        .env("NO_COLOR", "1")
        .env("RUST_BACKTRACE", "0")
        .env("OSPREY_BIN", env!("CARGO_BIN_EXE_osprey"))
        .env("FAKESTACK_BIN", &fakestack)
        .current_dir(sandbox.path())
        .stdin(std::process::Stdio::null())
        .stdout(std::fs::File::create(&stdout).unwrap())
        .stderr(std::fs::File::create(&stderr).unwrap())
        // Its own process group: whatever the demo starts is found by it.
        .process_group(0);
    let mut child = cmd.spawn().expect("run bash");
    let pgid = child.id();
    let ended = crate::common::holds_within(std::time::Duration::from_secs(120), || {
        child.try_wait().unwrap().is_some()
    });
    if !ended {
        // SAFETY: a signal to the demo's own process group.
        unsafe { libc::kill(-(pgid as libc::pid_t), libc::SIGKILL) };
        let _ = child.wait();
        panic!(
            "the demo did not end within 120s:\n{}",
            std::fs::read_to_string(&stderr).unwrap()
        );
    }
    let status = child.wait().unwrap();
    let left =
        !crate::common::holds_within(std::time::Duration::from_secs(5), || !group_alive(pgid));
    if left {
        // SAFETY: a signal to the demo's own process group.
        unsafe { libc::kill(-(pgid as libc::pid_t), libc::SIGKILL) };
    }
    let out = std::fs::read_to_string(&stdout).unwrap();
    let err = std::fs::read_to_string(&stderr).unwrap();
    assert!(status.success(), "{status}\nstdout:\n{out}\nstderr:\n{err}");
    assert!(!left, "a process of the demo outlived it");
    let files: Vec<_> = std::fs::read_dir(&tmp).unwrap().collect();
    assert!(files.is_empty(), "the demo left {files:?}");

    // Every command's header, in the script's order.
    let headers = demo_headers(&read_example("demo.sh"));
    assert!(headers.len() >= 10, "{headers:?}");
    let printed: Vec<&str> = out.lines().filter(|l| l.starts_with("$ osprey ")).collect();
    assert_eq!(printed, headers, "stdout:\n{out}");
    assert!(printed.contains(
        &"$ osprey --sites */RegionTwo sites -f json -c cloud -c region -c auth -c image"
    ));
    // The commands run with `|| true` end 1 for what they report (a quota
    // over its global limit, a missing key or image, an overlap), not for
    // an error.
    for line in out.lines().chain(err.lines()) {
        assert!(!line.starts_with("error:"), "{line}\nstderr:\n{err}");
    }
    assert!(err.contains("applied 2 of 2 keypair changes"), "{err}");
    // The demo estate's overlapping subnets, its image copied everywhere,
    // its failed server in the events and its hosts in the capacity.
    assert!(
        out.lines()
            .any(|l| l.contains("| error ") && l.contains("| overlap ")),
        "{out}"
    );
    assert!(err.contains("applied 2 of 2 image changes"), "{err}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("| cirros-0.6.3 ") && l.contains("| same ")),
        "{out}"
    );
    assert!(out.contains("No valid host was found."), "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("| total ") && l.contains("| VCPU ") && l.contains("| 576 ")),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with("| demo-key ") && l.contains("| same ")),
        "{out}"
    );
}
