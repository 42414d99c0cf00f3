//! `ip free`: the first CIDRs of a given length inside a range that overlap
//! no subnet at any selected site, for a new region's networks.

use ipnet::IpNet;
use std::net::IpAddr;

/// An address as a number, to step through a range.
fn num(a: IpAddr) -> u128 {
    match a {
        IpAddr::V4(v) => u128::from(u32::from(v)),
        IpAddr::V6(v) => u128::from(v),
    }
}

fn addr(n: u128, v6: bool) -> IpAddr {
    if v6 {
        IpAddr::V6(n.into())
    } else {
        IpAddr::V4((n as u32).into())
    }
}

/// Up to `count` CIDRs of `prefix` length inside `within`, in address
/// order, that overlap none of `used`.
pub(crate) fn free(
    within: IpNet,
    prefix: u8,
    used: &[IpNet],
    count: usize,
) -> Result<Vec<IpNet>, String> {
    let within = within.trunc();
    let (v6, max) = match within {
        IpNet::V4(_) => (false, 32),
        IpNet::V6(_) => (true, 128),
    };
    if prefix < within.prefix_len() || prefix > max {
        return Err(format!(
            "--prefix-length {prefix}: must be from {} (the length of --within {within}) to {max}",
            within.prefix_len()
        ));
    }
    let size: u128 = if max - prefix == 128 {
        u128::MAX
    } else {
        1u128 << (max - prefix)
    };
    let start = num(within.network());
    let end = num(within.broadcast());
    // The used ranges of this version, sorted and merged.
    let mut taken: Vec<(u128, u128)> = used
        .iter()
        .filter(|n| matches!((n, v6), (IpNet::V6(_), true) | (IpNet::V4(_), false)))
        .map(|n| (num(n.network()), num(n.broadcast())))
        .filter(|(s, e)| *e >= start && *s <= end)
        .collect();
    taken.sort();
    let mut merged: Vec<(u128, u128)> = Vec::new();
    for (s, e) in taken {
        match merged.last_mut() {
            Some(last) if s <= last.1.saturating_add(1) => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    let mut out = Vec::new();
    let mut at = start;
    let mut next = merged.iter().peekable();
    while out.len() < count {
        let Some(last) = at.checked_add(size - 1).filter(|l| *l <= end) else {
            break;
        };
        while next.peek().is_some_and(|(_, e)| *e < at) {
            next.next();
        }
        match next.peek() {
            Some((s, e)) if *s <= last => {
                // Past the used range, to the next boundary of a block.
                let Some(after) = e.checked_add(1) else { break };
                let Some(aligned) = after.div_ceil(size).checked_mul(size) else {
                    break;
                };
                at = aligned;
            }
            _ => {
                out.push(IpNet::new(addr(at, v6), prefix).map_err(|e| e.to_string())?);
                match at.checked_add(size) {
                    Some(n) => at = n,
                    None => break,
                }
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nets(list: &[&str]) -> Vec<IpNet> {
        list.iter().map(|n| n.parse().unwrap()).collect()
    }

    fn shown(list: Vec<IpNet>) -> Vec<String> {
        list.iter().map(IpNet::to_string).collect()
    }

    #[test]
    fn the_first_blocks_that_overlap_nothing() {
        let used = nets(&[
            "10.0.0.0/24",
            "10.0.1.128/25",
            "10.0.3.0/24",
            "192.168.0.0/16",
            "fd00::/64",
        ]);
        let got = free("10.0.0.0/8".parse().unwrap(), 24, &used, 3).unwrap();
        assert_eq!(shown(got), ["10.0.2.0/24", "10.0.4.0/24", "10.0.5.0/24"]);
        // A big used range is jumped over, not walked.
        let got = free("10.0.0.0/8".parse().unwrap(), 16, &nets(&["10.0.0.0/9"]), 1).unwrap();
        assert_eq!(shown(got), ["10.128.0.0/16"]);
    }

    #[test]
    fn ipv6_and_the_edges() {
        let got = free("fd00::/48".parse().unwrap(), 64, &nets(&["fd00::/64"]), 2).unwrap();
        assert_eq!(shown(got), ["fd00:0:0:1::/64", "fd00:0:0:2::/64"]);
        assert!(
            free(
                "10.0.0.0/24".parse().unwrap(),
                24,
                &nets(&["10.0.0.0/8"]),
                1
            )
            .unwrap()
            .is_empty()
        );
        let all = free("10.0.0.0/30".parse().unwrap(), 32, &[], 10).unwrap();
        assert_eq!(all.len(), 4);
        assert!(
            free("10.0.0.0/16".parse().unwrap(), 8, &[], 1)
                .unwrap_err()
                .contains("from 16")
        );
        assert!(
            free("10.0.0.0/16".parse().unwrap(), 33, &[], 1)
                .unwrap_err()
                .contains("to 32")
        );
        let whole = free("::/0".parse().unwrap(), 0, &[], 1).unwrap();
        assert_eq!(shown(whole), ["::/0"]);
    }
}
