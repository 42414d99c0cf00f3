//! Neutron networks, subnets, ports, routers, floating IPs and security groups: IPAM, visibility, 409s.

mod common;

use common::{call, get_json, token};
use fakestack::{FakeStack, Kind, Spec};
use reqwest::StatusCode;
use serde_json::{Value, json};

fn error(v: &Value) -> (&str, &str) {
    (
        v["NeutronError"]["type"].as_str().unwrap_or_default(),
        v["NeutronError"]["message"].as_str().unwrap_or_default(),
    )
}

#[tokio::test]
async fn ports_get_addresses_and_macs_once() {
    let stack = FakeStack::start(Spec::demo());
    let r = stack.region_url("RegionOne");
    let demo = token(&stack.keystone_url("fake-a"), "demo").await;
    let api = |path: &str| format!("{r}/network/v2.0/{path}");

    let (status, v) = call(
        "POST",
        &api("networks"),
        &demo,
        &[],
        Some(&json!({"network": {"name": "n1"}})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let net = v["network"]["id"].as_str().unwrap().to_owned();
    assert!(
        v["network"].get("provider:network_type").is_none(),
        "provider attributes are the admin's"
    );
    let subnet = json!({"subnet": {"network_id": net, "cidr": "10.20.0.0/24", "ip_version": 4}});
    let (status, v) = call("POST", &api("subnets"), &demo, &[], Some(&subnet)).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(v["subnet"]["gateway_ip"], "10.20.0.1");
    assert_eq!(
        v["subnet"]["allocation_pools"],
        json!([{"start": "10.20.0.2", "end": "10.20.0.254"}])
    );
    let v4 = v["subnet"]["id"].as_str().unwrap().to_owned();
    let (status, v) = call("POST", &api("subnets"), &demo, &[], Some(&subnet)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error(&v).0, "InvalidInput", "overlapping CIDR");
    let subnet6 = json!({"subnet": {"network_id": net, "cidr": "fd00:20::/64", "ip_version": 6,
        "ipv6_address_mode": "dhcpv6-stateful", "ipv6_ra_mode": "dhcpv6-stateful"}});
    let (status, _) = call("POST", &api("subnets"), &demo, &[], Some(&subnet6)).await;
    assert_eq!(status, StatusCode::CREATED);

    let (status, v) = call(
        "POST",
        &api("ports"),
        &demo,
        &[],
        Some(&json!({"port": {"network_id": net, "name": "p1"}})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let p1 = &v["port"];
    assert_eq!(
        p1["fixed_ips"][0],
        json!({"subnet_id": v4, "ip_address": "10.20.0.2"})
    );
    assert_eq!(p1["fixed_ips"][1]["ip_address"], "fd00:20::2");
    assert!(p1["mac_address"].as_str().unwrap().starts_with("fa:16:3e:"));
    assert_eq!(p1["status"], "DOWN");
    assert_eq!(
        p1["security_groups"].as_array().unwrap().len(),
        1,
        "the project's default group"
    );
    assert!(p1.get("binding:host_id").is_none(), "admin only");

    // A MAC or an address already on the network is a conflict (as an admin may pick a MAC).
    let admin = token(&stack.keystone_url("fake-a"), "admin").await;
    let project = stack.project_id("fake-a", "demo");
    let same_mac = json!({"port": {"network_id": net, "mac_address": p1["mac_address"], "project_id": project}});
    let (status, v) = call("POST", &api("ports"), &admin, &[], Some(&same_mac)).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(
        error(&v),
        (
            "MacAddressInUse",
            format!(
                "Unable to complete operation for network {net}. The mac address {} is in use.",
                p1["mac_address"].as_str().unwrap()
            )
            .as_str()
        )
    );
    let same_ip = json!({"port": {"network_id": net, "fixed_ips": [{"ip_address": "10.20.0.2"}]}});
    let (status, v) = call("POST", &api("ports"), &demo, &[], Some(&same_ip)).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(
        error(&v),
        (
            "IpAddressAlreadyAllocated",
            format!("IP address 10.20.0.2 already allocated in subnet {v4}").as_str()
        )
    );
    let outside = json!({"port": {"network_id": net, "fixed_ips": [{"subnet_id": v4, "ip_address": "10.99.0.5"}]}});
    let (status, v) = call("POST", &api("ports"), &demo, &[], Some(&outside)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error(&v).0, "InvalidIpForSubnet");
    let (_, v) = get_json(&api("ports?fixed_ips=ip_address%3D10.20.0.2"), &demo, &[]).await;
    assert_eq!(v["ports"].as_array().unwrap().len(), 1);

    let (status, v) = call("DELETE", &api(&format!("networks/{net}")), &demo, &[], None).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(error(&v).0, "NetworkInUse");
    let (status, v) = call("DELETE", &api(&format!("subnets/{v4}")), &demo, &[], None).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(error(&v).0, "SubnetInUse");

    // Quota usage counts what the store holds, on top of what was set.
    let (_, v) = get_json(&api(&format!("quotas/{project}/details.json")), &demo, &[]).await;
    assert_eq!(v["quota"]["port"]["used"], 12 + 1);
    assert_eq!(v["quota"]["network"]["used"], 2 + 1);
    assert_eq!(v["quota"]["security_group"]["used"], 3 + 1);
    assert_eq!(v["quota"]["security_group_rule"]["used"], 14 + 4);
}

#[tokio::test]
async fn networks_show_provider_attributes_to_the_admin_and_share_externals() {
    let stack = FakeStack::start(Spec::demo());
    let ext = stack.seed(
        "RegionOne",
        Kind::Network,
        "admin",
        json!({"name": "public", "router:external": true,
        "provider:network_type": "flat", "provider:physical_network": "physnet1"}),
    );
    stack.seed(
        "RegionOne",
        Kind::Subnet,
        "admin",
        json!({"network_id": ext.id, "cidr": "198.51.100.0/24", "ip_version": 4}),
    );
    let vlan = stack.seed("RegionOne", Kind::Network, "admin", json!({"name": "v100",
        "provider:network_type": "vlan", "provider:physical_network": "physnet2", "provider:segmentation_id": 100}));
    assert_eq!(vlan.body["mtu"], 1500);
    let again = stack.try_seed("RegionOne", Kind::Network, "admin", json!({"name": "v100b",
        "provider:network_type": "vlan", "provider:physical_network": "physnet2", "provider:segmentation_id": 100}));
    assert_eq!(
        again.unwrap_err(),
        "Unable to create the network. The VLAN 100 on physical network physnet2 is in use."
    );
    let tenant = stack.seed("RegionOne", Kind::Network, "demo", json!({"name": "mine"}));
    assert_eq!(tenant.body["provider:network_type"], "vxlan");
    assert_eq!(tenant.body["provider:segmentation_id"], 1);
    assert_eq!(tenant.body["mtu"], 1450);

    let r = stack.region_url("RegionOne");
    let ks = stack.keystone_url("fake-a");
    let demo = token(&ks, "demo").await;
    let admin = token(&ks, "admin").await;
    let (_, v) = get_json(&format!("{r}/network/v2.0/networks"), &demo, &[]).await;
    let names: Vec<&str> = v["networks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["public", "mine"],
        "the external network and its own"
    );
    assert!(v["networks"][0].get("provider:physical_network").is_none());
    assert_eq!(v["networks"][0]["subnets"].as_array().unwrap().len(), 1);
    let (_, v) = get_json(&format!("{r}/network/v2.0/networks"), &admin, &[]).await;
    assert_eq!(
        v["networks"].as_array().unwrap().len(),
        3,
        "Neutron's admin sees every project"
    );
    assert_eq!(v["networks"][0]["provider:physical_network"], "physnet1");
    let (status, v) = call(
        "POST",
        &format!("{r}/network/v2.0/networks"),
        &demo,
        &[],
        Some(&json!({"network": {"router:external": true}})),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(error(&v).0, "PolicyNotAuthorized");

    // A router on the external network, an interface, a floating IP.
    let subnet = stack.seed(
        "RegionOne",
        Kind::Subnet,
        "demo",
        json!({"network_id": tenant.id, "cidr": "10.1.0.0/24", "ip_version": 4}),
    );
    let port = stack.seed(
        "RegionOne",
        Kind::Port,
        "demo",
        json!({"network_id": tenant.id}),
    );
    let body = json!({"router": {"name": "r1", "external_gateway_info": {"network_id": ext.id}}});
    let (status, v) = call(
        "POST",
        &format!("{r}/network/v2.0/routers"),
        &demo,
        &[],
        Some(&body),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let router = v["router"]["id"].as_str().unwrap().to_owned();
    assert_eq!(
        v["router"]["external_gateway_info"]["external_fixed_ips"][0]["ip_address"],
        "198.51.100.2"
    );
    let add = format!("{r}/network/v2.0/routers/{router}/add_router_interface");
    let (status, v) = call(
        "PUT",
        &add,
        &demo,
        &[],
        Some(&json!({"subnet_id": subnet.id})),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let interface = stack
        .resource("RegionOne", Kind::Port, v["port_id"].as_str().unwrap())
        .unwrap();
    assert_eq!(interface.body["fixed_ips"][0]["ip_address"], "10.1.0.1");
    assert_eq!(interface.body["device_owner"], "network:router_interface");
    let fip = json!({"floatingip": {"floating_network_id": ext.id, "port_id": port.id}});
    let (status, v) = call(
        "POST",
        &format!("{r}/network/v2.0/floatingips"),
        &demo,
        &[],
        Some(&fip),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
    assert_eq!(v["floatingip"]["floating_ip_address"], "198.51.100.3");
    assert_eq!(
        v["floatingip"]["fixed_ip_address"],
        port.body["fixed_ips"][0]["ip_address"]
    );
    assert_eq!(v["floatingip"]["router_id"], router.as_str());
    assert_eq!(
        v["floatingip"]["port_details"]["mac_address"],
        port.body["mac_address"]
    );
    let (status, v) = call(
        "DELETE",
        &format!("{r}/network/v2.0/routers/{router}"),
        &demo,
        &[],
        None,
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(
        error(&v),
        (
            "RouterInUse",
            format!("Router {router} still has ports").as_str()
        )
    );
}

#[tokio::test]
async fn security_groups_start_with_default_and_refuse_twins() {
    let stack = FakeStack::start(Spec::demo());
    let r = stack.region_url("RegionThree");
    let demo = token(&stack.keystone_url("fake-b"), "demo").await;
    let api = |path: &str| format!("{r}/network/v2.0/{path}");

    let (_, v) = get_json(&api("security-groups"), &demo, &[]).await;
    let groups = v["security_groups"].as_array().unwrap();
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0]["name"], "default");
    assert_eq!(groups[0]["description"], "Default security group");
    let rules = groups[0]["security_group_rules"].as_array().unwrap();
    let shape: Vec<(&str, &str, bool)> = rules
        .iter()
        .map(|r| {
            (
                r["direction"].as_str().unwrap(),
                r["ethertype"].as_str().unwrap(),
                r["remote_group_id"].is_string(),
            )
        })
        .collect();
    assert_eq!(
        shape,
        [
            ("egress", "IPv4", false),
            ("egress", "IPv6", false),
            ("ingress", "IPv4", true),
            ("ingress", "IPv6", true)
        ]
    );
    assert_eq!(rules[0]["belongs_to_default_sg"], true);
    let default = groups[0]["id"].as_str().unwrap().to_owned();

    let (status, v) = call(
        "POST",
        &api("security-groups"),
        &demo,
        &[],
        Some(&json!({"security_group": {"name": "default"}})),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(
        error(&v),
        (
            "SecurityGroupDefaultAlreadyExists",
            "Default security group already exists."
        )
    );
    let (status, v) = call(
        "POST",
        &api("security-groups"),
        &demo,
        &[],
        Some(&json!({"security_group": {"name": "web", "description": "verify"}})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let web = v["security_group"]["id"].as_str().unwrap().to_owned();
    assert_eq!(
        v["security_group"]["security_group_rules"]
            .as_array()
            .unwrap()
            .len(),
        2,
        "two egress rules"
    );

    let ssh = json!({"security_group_rule": {"security_group_id": web, "direction": "ingress", "protocol": "tcp",
        "port_range_min": 22, "port_range_max": 22, "remote_ip_prefix": "0.0.0.0/0"}});
    let (status, v) = call("POST", &api("security-group-rules"), &demo, &[], Some(&ssh)).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(v["security_group_rule"]["normalized_cidr"], "0.0.0.0/0");
    let rule = v["security_group_rule"]["id"].as_str().unwrap().to_owned();
    let (status, v) = call("POST", &api("security-group-rules"), &demo, &[], Some(&ssh)).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(
        error(&v),
        (
            "SecurityGroupRuleExists",
            format!("Security group rule already exists. Rule id is {rule}.").as_str()
        )
    );
    // The same rule with the protocol as a number is the same rule.
    let by_number = json!({"security_group_rule": {"security_group_id": web, "direction": "ingress",
        "protocol": "6", "port_range_min": 22, "port_range_max": 22, "remote_ip_prefix": "0.0.0.0/0"}});
    let (status, _) = call(
        "POST",
        &api("security-group-rules"),
        &demo,
        &[],
        Some(&by_number),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    // As in Neutron's duplicate check, 0.0.0.0/0 is no prefix.
    let anywhere = json!({"security_group_rule": {"security_group_id": web, "direction": "ingress",
        "protocol": "tcp", "port_range_min": 22, "port_range_max": 22}});
    let (status, _) = call(
        "POST",
        &api("security-group-rules"),
        &demo,
        &[],
        Some(&anywhere),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    // A prefix is stored as given, with its length; only normalized_cidr
    // clears the host bits, and rules are told apart as stored.
    let (_, v) = call(
        "POST",
        &api("security-groups"),
        &demo,
        &[],
        Some(&json!({"security_group": {"name": "nets"}})),
    )
    .await;
    let nets = v["security_group"]["id"].as_str().unwrap().to_owned();
    for (given, stored, normalized) in [
        ("10.0.0.7/8", "10.0.0.7/8", "10.0.0.0/8"),
        ("10.0.0.0/8", "10.0.0.0/8", "10.0.0.0/8"),
        ("192.0.2.7", "192.0.2.7/32", "192.0.2.7/32"),
    ] {
        let net = json!({"security_group_rule": {"security_group_id": nets,
            "direction": "ingress", "remote_ip_prefix": given}});
        let (status, v) = call("POST", &api("security-group-rules"), &demo, &[], Some(&net)).await;
        assert_eq!(status, StatusCode::CREATED, "{given}: {v}");
        assert_eq!(v["security_group_rule"]["remote_ip_prefix"], stored);
        assert_eq!(v["security_group_rule"]["normalized_cidr"], normalized);
    }
    let sideways =
        json!({"security_group_rule": {"security_group_id": web, "direction": "sideways"}});
    let (status, v) = call(
        "POST",
        &api("security-group-rules"),
        &demo,
        &[],
        Some(&sideways),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        v,
        json!({"NeutronError": {"type": "HTTPBadRequest", "message": "Invalid input for direction. Reason: sideways is not in valid_values.", "detail": ""}})
    );

    let net = stack.seed("RegionThree", Kind::Network, "demo", json!({"name": "n"}));
    stack.seed(
        "RegionThree",
        Kind::Subnet,
        "demo",
        json!({"network_id": net.id, "cidr": "10.5.0.0/24", "ip_version": 4}),
    );
    stack.seed(
        "RegionThree",
        Kind::Port,
        "demo",
        json!({"network_id": net.id, "security_groups": [web]}),
    );
    let (status, v) = call(
        "DELETE",
        &api(&format!("security-groups/{web}")),
        &demo,
        &[],
        None,
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(
        error(&v),
        (
            "SecurityGroupInUse",
            format!("Security Group {web} in use.").as_str()
        )
    );
    let (status, v) = call(
        "DELETE",
        &api(&format!("security-groups/{default}")),
        &demo,
        &[],
        None,
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(error(&v).0, "SecurityGroupCannotRemoveDefault");
    let (_, v) = get_json(&api(&format!("security-groups/{web}")), &demo, &[]).await;
    assert_eq!(v["security_group"]["revision_number"], 2, "one rule added");
}
