//! What openstacksdk starts from before any file is read: its defaults, the
//! `envvars` cloud made of `OS_*` variables, and the names of the vendor
//! profiles it ships.

use super::python::Dict;
use serde_json::Value;

/// `defaults.get_defaults()`: the Python-side defaults, then defaults.json
/// (openstacksdk 4.22), in that order.
pub(crate) fn defaults() -> Dict {
    let v = serde_json::json!({
        "api_timeout": null,
        "verify": true,
        "cacert": null,
        "cert": null,
        "key": null,
        "auth_type": "password",
        "baremetal_status_code_retries": 5,
        "baremetal_introspection_status_code_retries": 5,
        "image_status_code_retries": 5,
        "disable_vendor_agent": {},
        "interface": "public",
        "floating_ip_source": "neutron",
        "image_api_use_tasks": false,
        "image_format": "qcow2",
        "message": "",
        "network_api_version": "2",
        "object_store_api_version": "1",
        "secgroup_source": "neutron",
        "status": "active"
    });
    match v {
        Value::Object(m) => m,
        _ => unreachable!("a JSON object literal"),
    }
}

/// Environment variables that only select or locate configuration: alone,
/// they do not make an `envvars` cloud.
const SELECTORS: &[&str] = &[
    "OS_CLOUD",
    "OS_REGION_NAME",
    "OS_CLIENT_CONFIG_FILE",
    "OS_CLIENT_SECURE_FILE",
    "OS_CLOUD_NAME",
];

/// `loader._get_os_environ`: the `envvars` cloud from `OS_*` variables, or
/// `None` when only selectors are set.
pub(crate) fn os_environ_cloud<'a>(
    vars: impl IntoIterator<Item = (&'a String, &'a String)>,
) -> Option<Dict> {
    let mut ret = defaults();
    let mut any_setting = false;
    for (k, v) in vars {
        if !k.starts_with("OS_")
            || k.starts_with("OS_TEST")
            || k.starts_with("OS_STD")
            || k.starts_with("OS_LOG")
        {
            continue;
        }
        let key = k
            .split_once('_')
            .map(|(_, rest)| rest)
            .unwrap_or(k)
            .to_lowercase();
        ret.insert(key, Value::String(v.clone()));
        any_setting |= !SELECTORS.contains(&k.as_str());
    }
    any_setting.then_some(ret)
}

/// Names of openstacksdk's built-in vendor profiles (openstacksdk 4.22),
/// which osprey does not ship.
pub(crate) const BUILTIN_VENDORS: &[&str] = &[
    "auro",
    "betacloud",
    "binero",
    "bluebox",
    "catalyst",
    "citycloud",
    "conoha",
    "dreamcompute",
    "elastx",
    "entercloudsuite",
    "fuga",
    "ibmcloud",
    "internap",
    "limestonenetworks",
    "otc",
    "otc-swiss",
    "ovh",
    "ovh-us",
    "rackspace",
    "switchcloud",
    "switchengines",
    "ultimum",
    "unitedstack",
    "vexxhost",
    "zetta",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn envvars_need_more_than_selectors() {
        let vars: Vec<(String, String)> = vec![
            ("OS_CLOUD".into(), "x".into()),
            ("OS_REGION_NAME".into(), "R".into()),
        ];
        assert!(os_environ_cloud(vars.iter().map(|(a, b)| (a, b))).is_none());
        let vars: Vec<(String, String)> = vec![
            ("OS_AUTH_URL".into(), "http://k".into()),
            ("OS_TEST_X".into(), "1".into()),
        ];
        let c = os_environ_cloud(vars.iter().map(|(a, b)| (a, b))).unwrap();
        assert_eq!(c["auth_url"], "http://k");
        assert!(!c.contains_key("test_x"));
        assert_eq!(c["interface"], "public");
    }
}
