//! The clouds.yaml a running fakestack writes for its clients.

use std::fmt::Write;

use crate::state::{ADMIN_PASSWORD, DEMO_PASSWORD, World};

/// A YAML scalar: plain when safe, else JSON-quoted (JSON strings are YAML).
fn scalar(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:".contains(c))
        && !s.starts_with(['-', '.', ':'])
        && !matches!(s, "true" | "false" | "null" | "yes" | "no" | "on" | "off");
    if plain {
        s.to_owned()
    } else {
        serde_json::Value::String(s.to_owned()).to_string()
    }
}

/// Per cloud of the spec: `<cloud>` (user `demo`, project `demo`) and
/// `<cloud>-admin` (user `admin`, project `admin`), `region_name` = the
/// cloud's first region. A cloud with one Keystone has no `regions:` list
/// (clients find its regions in the catalog); a cloud with a Keystone per
/// region lists each region with its own `auth_url` under `values`. `extra`
/// keys go into every entry (`cacert`, `verify`, `cert`, `key`, …).
pub(crate) fn clouds_yaml(world: &World, extra: &[(&str, serde_json::Value)]) -> String {
    let mut out = String::from(
        "# Written by fakestack: loopback-only test credentials, valid while it runs.\nclouds:\n",
    );
    for cloud in &world.clouds {
        let first = world.realm(&cloud.name).map(|r| r.v3()).unwrap_or_default();
        for (suffix, user, password, project) in [
            ("", "demo", DEMO_PASSWORD, "demo"),
            ("-admin", "admin", ADMIN_PASSWORD, "admin"),
        ] {
            let _ = writeln!(out, "  {}:", scalar(&format!("{}{suffix}", cloud.name)));
            let _ = writeln!(out, "    auth:");
            let _ = writeln!(out, "      auth_url: {}", scalar(&first));
            let _ = writeln!(out, "      username: {user}");
            let _ = writeln!(out, "      password: {password}");
            let _ = writeln!(out, "      project_name: {project}");
            let _ = writeln!(out, "      user_domain_name: Default");
            let _ = writeln!(out, "      project_domain_name: Default");
            let _ = writeln!(out, "    region_name: {}", scalar(&cloud.regions[0]));
            if cloud.per_region_keystone {
                let _ = writeln!(out, "    regions:");
                for region in &cloud.regions {
                    let url = world
                        .realm(&format!("{}/{region}", cloud.name))
                        .map(|r| r.v3())
                        .unwrap_or_default();
                    let _ = writeln!(out, "      - name: {}", scalar(region));
                    let _ = writeln!(out, "        values:");
                    let _ = writeln!(out, "          auth:");
                    let _ = writeln!(out, "            auth_url: {}", scalar(&url));
                }
            }
            let _ = writeln!(out, "    identity_api_version: 3");
            let _ = writeln!(out, "    interface: public");
            for (key, value) in extra {
                let value = match value {
                    serde_json::Value::String(s) => scalar(s),
                    // JSON is YAML: numbers, booleans, null, lists, maps.
                    other => other.to_string(),
                };
                let _ = writeln!(out, "    {}: {value}", scalar(key));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::scalar;

    #[test]
    fn scalars_are_quoted_only_when_needed() {
        assert_eq!(
            scalar("http://127.0.0.1:4000/v3"),
            "http://127.0.0.1:4000/v3"
        );
        assert_eq!(scalar("fake-a"), "fake-a");
        assert_eq!(scalar("my cloud"), "\"my cloud\"");
        assert_eq!(scalar("yes"), "\"yes\"");
    }
}
