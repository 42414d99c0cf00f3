//! Tests of the global limits file: its shape, its messages, its numbers.

use super::*;
use crate::error::describe;

fn parse_ok(text: &str) -> GlobalLimits {
    match parse(text, Path::new("limits.yaml")) {
        Ok(l) => l,
        Err(e) => panic!("{:?}", describe(&e)),
    }
}

/// The error's one line and its hints.
fn parse_err(text: &str) -> (String, Vec<String>) {
    let err = parse(text, Path::new("limits.yaml")).expect_err("should fail");
    describe(&err)
}

const EXAMPLE: &str = include_str!("../../../../examples/global-limits.yaml");

#[test]
fn the_shipped_example_parses() {
    let l = parse_ok(EXAMPLE);
    let demo = l.for_project("demo", "x").unwrap();
    assert_eq!(demo["compute"]["cores"], 40);
    assert_eq!(demo["network"]["floatingip"], 10);
    assert_eq!(demo["volume"]["gigabytes"], 2000);
    assert_eq!(demo["image"]["image_size_total"], 10000);
    assert_eq!(l.weight("prod", "RegionOne"), 2);
    assert_eq!(l.weight("prod", "RegionTwo"), 1);
    let other = l.for_project("other", "y").unwrap();
    assert_eq!(other["network"]["port"], 500);
}

#[test]
fn projects_by_id_then_name_then_defaults() {
    let l = parse_ok(
        "projects:\n  demo: {compute: {cores: 1}}\n  '0123abc': {compute: {cores: 2}}\n\
         defaults:\n  compute: {cores: 3}\n",
    );
    let cores = |name, id| l.for_project(name, id).unwrap()["compute"]["cores"];
    assert_eq!(cores("demo", "zzz"), 1);
    assert_eq!(cores("other", "0123abc"), 2);
    // The id is the more precise of the two.
    assert_eq!(cores("demo", "0123abc"), 2);
    assert_eq!(cores("other", "zzz"), 3);
}

#[test]
fn no_defaults_means_unlisted_projects_are_unmanaged() {
    let l = parse_ok("projects:\n  demo: {}\n");
    assert!(l.for_project("other", "id").is_none());
    assert_eq!(l.for_project("demo", "id"), Some(&ServiceLimits::new()));
}

#[test]
fn weights_first_match_in_file_order() {
    let l = parse_ok("weights:\n  'prod/RegionOne': 5\n  prod: 3\n  '*/Region?': 2\n  all: 7\n");
    assert_eq!(
        l.weights,
        vec![
            ("prod/RegionOne".to_string(), 5),
            ("prod".to_string(), 3),
            ("*/Region?".to_string(), 2),
            ("all".to_string(), 7),
        ]
    );
    assert_eq!(l.weight("prod", "RegionOne"), 5);
    assert_eq!(l.weight("prod", "RegionTwo"), 3);
    assert_eq!(l.weight("dev", "RegionX"), 2);
    assert_eq!(l.weight("dev", "Other"), 7);
    assert_eq!(GlobalLimits::default().weight("dev", "Other"), 1);
}

#[test]
fn minus_one_is_kept_but_not_managed() {
    let l = parse_ok("projects:\n  demo:\n    compute: {cores: -1, ram: 0}\n");
    let demo = l.for_project("demo", "").unwrap();
    assert_eq!(demo["compute"]["cores"], -1);
    assert_eq!(l.global("demo", "", "compute", "ram"), Some(0));
    assert_eq!(l.global("demo", "", "compute", "cores"), Some(-1));
}

#[test]
fn null_reads_as_empty() {
    let l = parse_ok("projects:\n  demo:\n    compute:\ndefaults:\nweights:\n");
    assert_eq!(l.defaults, None);
    assert!(l.weights.is_empty());
    assert_eq!(l.projects["demo"]["compute"], BTreeMap::new());
}

#[test]
fn per_volume_type_keys() {
    let l = parse_ok(
        "projects:\n  demo:\n    volume: {volumes_ssd: 5, gigabytes___DEFAULT__: 10, snapshots_mc-vt-1: 2}\n",
    );
    assert_eq!(l.projects["demo"]["volume"].len(), 3);
    let (msg, _) = parse_err("projects:\n  demo:\n    volume: {volumes_: 5}\n");
    assert!(msg.contains("unknown volume resource 'volumes_'"), "{msg}");
}

#[test]
fn anchors_and_aliases_work() {
    let l = parse_ok("projects:\n  a: &std {compute: {cores: 4}}\n  b: *std\n");
    assert_eq!(l.projects["a"], l.projects["b"]);
}

#[test]
fn unknown_resource_names_place_path_and_guess() {
    let (msg, hints) =
        parse_err("projects:\n  demo:\n    compute:\n      cores: 40\n      corez: 4\n");
    assert_eq!(
        msg,
        "limits.yaml:5:7: projects.demo.compute: unknown compute resource 'corez'"
    );
    assert_eq!(hints[0], "did you mean 'cores'?");
    assert!(
        hints[1].starts_with("compute resources: cores, ram, instances"),
        "{hints:?}"
    );
}

#[test]
fn a_resource_of_another_service_says_which() {
    let (msg, hints) = parse_err("projects:\n  demo:\n    compute: {port: 4}\n");
    assert_eq!(
        msg,
        "limits.yaml:3:15: projects.demo.compute: unknown compute resource 'port'"
    );
    assert_eq!(hints[0], "'port' is a network resource");
}

#[test]
fn nova_network_quotas_point_at_neutron() {
    let (_, hints) = parse_err("projects:\n  demo:\n    compute: {floating_ips: 4}\n");
    assert!(hints[0].contains("network: {floatingip"), "{hints:?}");
}

#[test]
fn unknown_service() {
    let (msg, hints) = parse_err("projects:\n  demo:\n    computer: {cores: 4}\n");
    assert_eq!(
        msg,
        "limits.yaml:3:5: projects.demo: unknown service 'computer'"
    );
    assert_eq!(hints[0], "did you mean 'compute'?");
    assert_eq!(hints[1], "services: compute, network, volume, image");
}

#[test]
fn a_resource_without_its_service() {
    let (msg, hints) = parse_err("defaults:\n  cores: 4\n");
    assert_eq!(msg, "limits.yaml:2:3: defaults: unknown service 'cores'");
    assert_eq!(
        hints[0],
        "'cores' is a compute resource: put it under 'compute:'"
    );
}

#[test]
fn unknown_top_level_key() {
    let (msg, hints) = parse_err("projects: {}\nweight:\n  all: 2\n");
    assert_eq!(msg, "limits.yaml:2:1: unknown key 'weight'");
    assert_eq!(
        hints,
        [
            "did you mean 'weights'?",
            "top-level keys: projects, defaults, weights"
        ]
    );
}

#[test]
fn negative_limits_other_than_minus_one() {
    let (msg, hints) = parse_err("projects:\n  demo:\n    network:\n      port: -5\n");
    assert_eq!(
        msg,
        "limits.yaml:4:13: projects.demo.network.port: invalid limit -5"
    );
    assert!(hints[0].contains("-1 for unlimited"), "{hints:?}");
}

#[test]
fn non_integer_limits() {
    for (value, expected) in [
        ("2.5", "expected a whole number, found 2.5"),
        ("lots", "expected a number, found the string 'lots'"),
        ("'40'", "expected a number, found the string '40'"),
        ("true", "expected a number, found true"),
        ("", "missing value"),
        ("[1]", "invalid type: sequence"),
        ("99999999999999999999", "is too large"),
    ] {
        let (msg, _) = parse_err(&format!(
            "projects:\n  demo:\n    compute:\n      cores: {value}\n"
        ));
        assert!(
            msg.starts_with("limits.yaml:4:")
                && msg.contains("projects.demo.compute.cores: ")
                && msg.contains(expected),
            "{value}: {msg}"
        );
    }
}

#[test]
fn weights_must_be_positive_integers() {
    for value in ["0", "-1", "1.5", "x", "4294967296"] {
        let (msg, hints) = parse_err(&format!("weights:\n  'prod/*': {value}\n"));
        assert!(
            msg.starts_with("limits.yaml:2:13: weights.prod/*: "),
            "{value}: {msg}"
        );
        assert!(
            hints
                .iter()
                .any(|h| h.starts_with("a weight is a whole number")),
            "{hints:?}"
        );
    }
}

#[test]
fn duplicate_keys() {
    let (msg, _) = parse_err("projects:\n  demo: {}\n  demo: {}\n");
    assert_eq!(msg, "limits.yaml:3:3: projects: duplicate key 'demo'");
    let (msg, _) = parse_err("weights:\n  all: 1\n  all: 2\n");
    assert!(msg.contains("duplicate key 'all'"), "{msg}");
}

#[test]
fn wrong_shapes() {
    let (msg, hints) = parse_err("- projects\n");
    assert!(
        msg.starts_with("limits.yaml:1:1: invalid type: sequence"),
        "{msg}"
    );
    assert_eq!(hints, [FORMAT_HINT]);
    let (msg, _) = parse_err("projects:\n  demo: [compute]\n");
    assert!(
        msg.starts_with(
            "limits.yaml:2:9: projects.demo: invalid type: sequence, expected a mapping of services"
        ),
        "{msg}"
    );
}

#[test]
fn merge_keys_are_refused_with_a_way_out() {
    let (msg, hints) = parse_err("projects:\n  demo:\n    <<: {compute: {}}\n");
    assert_eq!(
        msg,
        "limits.yaml:3:5: projects.demo: YAML merge keys (<<) are not supported"
    );
    assert!(hints[0].contains("alias"), "{hints:?}");
}

#[test]
fn yaml_syntax_errors_name_the_file_and_place() {
    let (msg, _) = parse_err("projects:\n  demo: {compute: {cores: 4}\n");
    assert!(msg.starts_with("limits.yaml:3:"), "{msg}");
    assert!(!msg.contains(" at line 3"), "{msg}");
}

#[test]
fn an_empty_file_is_an_error() {
    for text in ["", "# nothing\n", "~\n"] {
        let (msg, hints) = parse_err(text);
        assert!(msg.starts_with("limits.yaml"), "{msg}");
        assert!(msg.ends_with(": the global limits file is empty"), "{msg}");
        assert_eq!(hints, [FORMAT_HINT]);
    }
    assert_eq!(parse_ok("{}\n"), GlobalLimits::default());
}

#[test]
fn a_missing_file_names_it() {
    let err = load(Path::new("/nonexistent/limits.yaml")).unwrap_err();
    let (msg, hints) = describe(&err);
    assert!(
        msg.starts_with("cannot read global limits file /nonexistent/limits.yaml: "),
        "{msg}"
    );
    assert_eq!(hints, ["check the path given to --limits"]);
}

#[test]
fn issue_7_an_unreadable_limits_file_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let (msg, hints) = describe(&load(dir.path()).unwrap_err());
    assert_eq!(
        msg,
        format!(
            "cannot read global limits file {}: is a directory",
            dir.path().display()
        )
    );
    assert_eq!(
        hints,
        ["--limits takes the limits file itself, not a directory"]
    );
    let latin1 = dir.path().join("limits.yaml");
    std::fs::write(&latin1, b"projects:\n  caf\xe9: {}\n").unwrap();
    let (msg, hints) = describe(&load(&latin1).unwrap_err());
    assert!(
        msg.ends_with(": not UTF-8 text (line 2, column 6)"),
        "{msg}"
    );
    assert!(hints[0].starts_with("save it as UTF-8"), "{hints:?}");
}
