use super::*;

fn site(r: &str) -> SiteId {
    SiteId::new("c", r)
}

fn subnet(cidr: &str, network: &str) -> Entry {
    Entry {
        kind: Kind::Subnet,
        net: Some(cidr.parse().unwrap()),
        network: network.into(),
        subnet_id: format!("sub-{cidr}"),
        ..Entry::default()
    }
}

fn fixed(ip: &str, mac: &str, port: &str) -> Entry {
    Entry {
        kind: Kind::Fixed,
        net: Some(IpNet::from(ip.parse::<IpAddr>().unwrap())),
        network: "net".into(),
        port_id: port.into(),
        mac: mac.into(),
        ..Entry::default()
    }
}

fn inv(entries: Vec<Entry>) -> Inventory {
    Inventory {
        entries,
        segments: Vec::new(),
    }
}

fn kinds(found: &[Finding]) -> Vec<(Severity, &'static str, String)> {
    found
        .iter()
        .map(|f| (f.severity, f.kind, f.address.clone()))
        .collect()
}

#[test]
fn overlaps_are_equal_or_nested_cidrs_of_two_sites() {
    let sites = vec![
        (
            site("r1"),
            inv(vec![
                subnet("10.0.0.0/16", "a"),
                subnet("10.0.1.0/24", "a2"),
                subnet("fd00::/64", "v6"),
            ]),
        ),
        (
            site("r2"),
            inv(vec![
                subnet("10.0.1.0/24", "b"),
                subnet("192.168.0.0/24", "b2"),
                subnet("fd00::/48", "v6b"),
            ]),
        ),
    ];
    let found = analyse(&sites, &Options::default());
    assert_eq!(
        kinds(&found),
        [
            (
                Severity::Error,
                "overlap",
                "10.0.0.0/16 ⊃ 10.0.1.0/24".to_string()
            ),
            (Severity::Error, "overlap", "10.0.1.0/24".to_string()),
            (
                Severity::Error,
                "overlap",
                "fd00::/48 ⊃ fd00::/64".to_string()
            ),
        ],
        "the overlap inside r1 is no finding"
    );
    assert_eq!(found[1].a.site, &site("r1"));
    assert_eq!(found[1].b.network, "b");
}

#[test]
fn a_routed_file_makes_overlaps_outside_its_groups_information() {
    let sites = vec![
        (site("r1"), inv(vec![subnet("10.0.0.0/24", "app")])),
        (
            site("r2"),
            inv(vec![
                subnet("10.0.0.0/24", "app"),
                subnet("10.0.0.0/25", "lab"),
            ]),
        ),
    ];
    let opts = Options {
        ignore: Vec::new(),
        routed: Some(super::super::routed::Routed::parse("groups:\n  g: ['c/*/app']\n").unwrap()),
    };
    let found = analyse(&sites, &opts);
    let severities: Vec<(Severity, &str)> =
        found.iter().map(|f| (f.severity, f.b.network)).collect();
    assert_eq!(
        severities,
        [(Severity::Error, "app"), (Severity::Info, "lab")]
    );
}

#[test]
fn duplicates_of_ips_macs_and_public_addresses() {
    let mut fip = fixed("203.0.113.5", "", "");
    fip.kind = Kind::Floating;
    fip.external = true;
    let mut gw = fixed("203.0.113.5", "", "");
    gw.kind = Kind::Gateway;
    gw.external = true;
    let sites = vec![
        (
            site("r1"),
            inv(vec![
                fixed("10.0.0.5", "fa:16:3e:00:00:01", "p1"),
                // The same port's IPv6 address: one MAC, not two.
                fixed("fd00::5", "fa:16:3e:00:00:01", "p1"),
                fip,
            ]),
        ),
        (
            site("r2"),
            inv(vec![
                fixed("10.0.0.5", "fa:16:3e:00:00:02", "p2"),
                fixed("10.0.0.9", "fa:16:3e:00:00:01", "p3"),
                gw,
            ]),
        ),
        // The same address twice at one site is Neutron's business.
        (
            site("r3"),
            inv(vec![fixed("10.9.9.9", "", "x"), fixed("10.9.9.9", "", "y")]),
        ),
    ];
    let found = analyse(&sites, &Options::default());
    assert_eq!(
        kinds(&found),
        [
            (Severity::Error, "duplicate_ip", "10.0.0.5".to_string()),
            (
                Severity::Error,
                "duplicate_mac",
                "fa:16:3e:00:00:01".to_string()
            ),
            (
                Severity::Error,
                "duplicate_public",
                "203.0.113.5".to_string()
            ),
        ]
    );
    assert_eq!(found[0].a.port_id, "p1");
    assert_eq!(found[0].b.port_id, "p2");
}

#[test]
fn external_subnets_that_overlap_are_public_duplicates() {
    let mut a = subnet("203.0.113.0/24", "public");
    a.external = true;
    let mut b = subnet("203.0.113.128/25", "ext");
    b.external = true;
    let sites = vec![(site("r1"), inv(vec![a])), (site("r2"), inv(vec![b]))];
    let opts = Options {
        ignore: Vec::new(),
        routed: Some(super::super::routed::Routed::parse("groups: {}\n").unwrap()),
    };
    let found = analyse(&sites, &opts);
    assert_eq!(
        kinds(&found),
        [(
            Severity::Error,
            "duplicate_public",
            "203.0.113.0/24 ⊃ 203.0.113.128/25".to_string()
        )],
        "public addresses are errors whatever the routed file says"
    );
}

#[test]
fn the_same_segment_at_two_sites() {
    let seg = |net: &str, kind: &str, physnet: &str, id: &str| Segment {
        network: net.into(),
        network_type: kind.into(),
        physical_network: physnet.into(),
        segmentation_id: id.into(),
    };
    let sites = vec![
        (
            site("r1"),
            Inventory {
                entries: Vec::new(),
                segments: vec![
                    seg("a", "vlan", "physnet1", "100"),
                    seg("v", "vxlan", "", "7"),
                ],
            },
        ),
        (
            site("r2"),
            Inventory {
                entries: Vec::new(),
                segments: vec![
                    seg("b", "vlan", "physnet1", "100"),
                    seg("c", "vlan", "physnet2", "100"),
                    seg("w", "vxlan", "", "8"),
                ],
            },
        ),
    ];
    let found = analyse(&sites, &Options::default());
    assert_eq!(
        kinds(&found),
        [(
            Severity::Error,
            "duplicate_segment",
            "vlan 100 on physnet1".to_string()
        )]
    );
}

#[test]
fn ignored_ranges_are_left_out() {
    let sites = vec![
        (
            site("r1"),
            inv(vec![
                subnet("169.254.0.0/24", "ll"),
                fixed("169.254.0.1", "", "p"),
            ]),
        ),
        (
            site("r2"),
            inv(vec![
                subnet("169.254.0.0/24", "ll"),
                fixed("169.254.0.1", "", "q"),
            ]),
        ),
    ];
    let opts = Options {
        ignore: vec!["169.254.0.0/16".parse().unwrap()],
        routed: None,
    };
    assert!(analyse(&sites, &opts).is_empty());
    assert_eq!(analyse(&sites, &Options::default()).len(), 2);
}
