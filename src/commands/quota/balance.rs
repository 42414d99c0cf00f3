//! The balancing rules: new per-site limits for one project and resource from
//! its global limit and each site's usage, and the checks behind `quota check`.
//!
//! With `used[r]` per site (in use + reserved) and `H = G − Σused`:
//! - `soft` (Kingbird's rule): `new[r] = used[r] + max(H, 0)`. Every site may
//!   take the whole headroom, so the sites together can overshoot `G`
//!   between runs; `check` reports it.
//! - `hard`: `new[r] = used[r] + share[r]`, the shares splitting `max(H, 0)`
//!   by weight with largest remainders, so `Σnew = G` while `Σused ≤ G`.
//!   When `Σused > G` every site is frozen at its usage.
//!
//! A new limit is never below usage: Nova and Cinder reject such a limit.
//! Sums are taken in `i128`, so no input can overflow; every new limit is at
//! most `max(G, used[r])` and so fits in `i64`.

use std::fmt;

/// How a global limit is turned into per-site limits (`--strategy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub(crate) enum Strategy {
    /// Every site may use the whole headroom (Kingbird's rule); totals may overshoot.
    Soft,
    /// The headroom is split between sites by weight; the sum never exceeds the global limit.
    #[default]
    Hard,
}

impl Strategy {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Strategy::Soft => "soft",
            Strategy::Hard => "hard",
        }
    }
}

impl fmt::Display for Strategy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One site's view of the resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Input {
    /// In use plus reserved. A negative value (a usage-tracking bug seen in
    /// Nova) counts as 0, so a limit is never set below 0.
    pub(crate) used: i64,
    /// The site's share of the headroom under `hard`; all 0 counts as equal.
    pub(crate) weight: u32,
}

/// The new limits, in the order of the sites given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Outcome {
    pub(crate) new_limits: Vec<i64>,
    /// `Σused > G`: the sites are frozen at their usage.
    pub(crate) violated: bool,
    /// `G − Σused` (negative when violated), saturated to `i64`; `i64::MAX`
    /// for an unlimited `G`.
    pub(crate) headroom: i64,
}

/// New per-site limits for a global limit `global`. A negative `global` is
/// unlimited, and so is every site's share of it: all new limits are -1.
/// Callers that leave unlimited resources alone skip them before calling.
pub(crate) fn balance(strategy: Strategy, global: i64, sites: &[Input]) -> Outcome {
    if global < 0 {
        return Outcome {
            new_limits: vec![-1; sites.len()],
            violated: false,
            headroom: i64::MAX,
        };
    }
    let used: Vec<i128> = sites.iter().map(|s| i128::from(s.used.max(0))).collect();
    let headroom = i128::from(global) - used.iter().sum::<i128>();
    let shares = if headroom <= 0 {
        vec![0; sites.len()]
    } else {
        match strategy {
            Strategy::Soft => vec![headroom; sites.len()],
            Strategy::Hard => partition(headroom, sites),
        }
    };
    Outcome {
        new_limits: used
            .iter()
            .zip(shares)
            .map(|(u, s)| saturate(u + s))
            .collect(),
        violated: headroom < 0,
        headroom: saturate(headroom),
    }
}

/// Splits `total > 0` by weight: each site gets the floor of its exact share,
/// and the units left over go to the largest fractional parts, ties to the
/// earlier site, so the result is deterministic and sums to `total`.
fn partition(total: i128, sites: &[Input]) -> Vec<i128> {
    let mut weights: Vec<i128> = sites.iter().map(|s| i128::from(s.weight)).collect();
    if weights.iter().all(|w| *w == 0) {
        weights.fill(1);
    }
    let sum: i128 = weights.iter().sum();
    if sum == 0 {
        // No sites at all.
        return Vec::new();
    }
    // total < 2^64 and a weight < 2^32, so the product cannot overflow.
    let mut shares: Vec<i128> = weights.iter().map(|w| total * w / sum).collect();
    let left = total - shares.iter().sum::<i128>();
    let mut order: Vec<usize> = (0..sites.len()).filter(|i| weights[*i] > 0).collect();
    order.sort_by_key(|i| (std::cmp::Reverse(total * weights[*i] % sum), *i));
    // `left` is below the number of weighted sites: each floor lost < 1.
    for i in order
        .into_iter()
        .take(usize::try_from(left).unwrap_or(usize::MAX))
    {
        shares[i] += 1;
    }
    shares
}

fn saturate(v: i128) -> i64 {
    i64::try_from(v).unwrap_or(if v < 0 { i64::MIN } else { i64::MAX })
}

/// `Σused` over the sites, negative usages as 0, saturated.
#[cfg(test)]
fn total_used(sites: &[Input]) -> i64 {
    saturate(sites.iter().map(|s| i128::from(s.used.max(0))).sum())
}

/// `Σlimits`, or -1 (unlimited) when any site is unlimited: -1 is never
/// summed as a number.
pub(crate) fn total_limit(limits: impl IntoIterator<Item = i64>) -> i64 {
    let mut sum: i128 = 0;
    for l in limits {
        if l < 0 {
            return -1;
        }
        sum += i128::from(l);
    }
    saturate(sum)
}

/// Why a global limit is not kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Violation {
    /// More is in use over all sites than the global limit.
    Used { used: i64, global: i64 },
    /// (`hard` only) the per-site limits add up past the global limit, so the
    /// sites could together exceed it; `limits` is -1 when a site is
    /// unlimited.
    Limits { limits: i64, global: i64 },
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Violation::Used { used, global } => {
                write!(
                    f,
                    "{used} in use over all sites, above the global limit {global}"
                )
            }
            Violation::Limits { limits: -1, global } => write!(
                f,
                "a site's limit is unlimited, so the sites may exceed the global limit {global}"
            ),
            Violation::Limits { limits, global } => write!(
                f,
                "the sites' limits add up to {limits}, above the global limit {global}"
            ),
        }
    }
}

/// The violation of a global limit, if any, from the totals over the sites
/// (`Σused`, and [`total_limit`]): `Σused > G` first (the limits are then
/// usually over too, and usage is what matters), else for `hard`
/// `Σlimits > G`, an unlimited site counting as over. `soft` limits are over
/// `G` by design, so only usage counts there. An unlimited (negative)
/// `global` is never violated.
pub(crate) fn check(strategy: Strategy, global: i64, used: i64, limits: i64) -> Option<Violation> {
    if global < 0 {
        return None;
    }
    if used > global {
        return Some(Violation::Used { used, global });
    }
    if strategy == Strategy::Hard && (limits < 0 || limits > global) {
        return Some(Violation::Limits { limits, global });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sites(used: &[i64], weights: &[u32]) -> Vec<Input> {
        used.iter()
            .zip(weights)
            .map(|(u, w)| Input {
                used: *u,
                weight: *w,
            })
            .collect()
    }

    #[test]
    fn hard_worked_example() {
        // G=40, Σused=20, H=20 split 2:1:1.
        let out = balance(Strategy::Hard, 40, &sites(&[10, 5, 5], &[2, 1, 1]));
        assert_eq!(
            out,
            Outcome {
                new_limits: vec![20, 10, 10],
                violated: false,
                headroom: 20
            }
        );
    }

    #[test]
    fn hard_remainders_go_to_largest_fractions() {
        // H=10 split 1:1:1 → 3.33 each; one unit left, to the first site.
        let out = balance(Strategy::Hard, 10, &sites(&[0, 0, 0], &[1, 1, 1]));
        assert_eq!(out.new_limits, [4, 3, 3]);
        // H=11 by 1:2:3 → 1.83, 3.67, 5.5: floors 1, 3, 5; two left go to
        // .83 then .67.
        let out = balance(Strategy::Hard, 11, &sites(&[0, 0, 0], &[1, 2, 3]));
        assert_eq!(out.new_limits, [2, 4, 5]);
        // H=2 over four equal sites: ties go to the earlier sites.
        let out = balance(Strategy::Hard, 2, &sites(&[0, 0, 0, 0], &[1, 1, 1, 1]));
        assert_eq!(out.new_limits, [1, 1, 0, 0]);
    }

    #[test]
    fn hard_exactly_at_the_limit_freezes_without_violation() {
        let out = balance(Strategy::Hard, 20, &sites(&[10, 10], &[1, 1]));
        assert_eq!(out.new_limits, [10, 10]);
        assert!(!out.violated);
        assert_eq!(out.headroom, 0);
    }

    #[test]
    fn over_the_limit_freezes_at_usage() {
        for strategy in [Strategy::Hard, Strategy::Soft] {
            let out = balance(strategy, 10, &sites(&[8, 7], &[1, 1]));
            assert_eq!(out.new_limits, [8, 7]);
            assert!(out.violated);
            assert_eq!(out.headroom, -5);
        }
    }

    #[test]
    fn soft_is_kingbirds_rule() {
        let out = balance(Strategy::Soft, 40, &sites(&[10, 5, 5], &[2, 1, 1]));
        assert_eq!(out.new_limits, [30, 25, 25]);
        assert!(!out.violated);
    }

    #[test]
    fn zero_weights_get_nothing_unless_all_are_zero() {
        let out = balance(Strategy::Hard, 9, &sites(&[1, 1, 1], &[0, 1, 2]));
        assert_eq!(out.new_limits, [1, 3, 5]);
        let out = balance(Strategy::Hard, 9, &sites(&[1, 1, 1], &[0, 0, 0]));
        assert_eq!(out.new_limits, [3, 3, 3]);
    }

    #[test]
    fn negative_usage_counts_as_zero() {
        let out = balance(Strategy::Hard, 4, &sites(&[-3, 0], &[1, 1]));
        assert_eq!(out.new_limits, [2, 2]);
    }

    #[test]
    fn unlimited_global_means_unlimited_sites() {
        for strategy in [Strategy::Hard, Strategy::Soft] {
            let out = balance(strategy, -1, &sites(&[3, 4], &[1, 1]));
            assert_eq!(out.new_limits, [-1, -1]);
            assert!(!out.violated);
            assert_eq!(check(strategy, -1, 7, 10), None);
        }
    }

    #[test]
    fn no_sites() {
        let out = balance(Strategy::Hard, 5, &[]);
        assert!(out.new_limits.is_empty());
        assert_eq!(out.headroom, 5);
    }

    #[test]
    fn extremes_do_not_overflow() {
        let big = vec![
            Input {
                used: i64::MAX,
                weight: u32::MAX
            };
            3000
        ];
        let out = balance(Strategy::Hard, i64::MAX, &big);
        assert!(out.violated);
        assert_eq!(out.headroom, i64::MIN);
        assert_eq!(out.new_limits, vec![i64::MAX; 3000]);
        assert_eq!(total_used(&big), i64::MAX);
        assert_eq!(total_limit(vec![i64::MAX; 3000]), i64::MAX);
        let free = vec![
            Input {
                used: 0,
                weight: u32::MAX
            };
            3000
        ];
        let out = balance(Strategy::Hard, i64::MAX, &free);
        let sum: i128 = out.new_limits.iter().map(|v| i128::from(*v)).sum();
        assert_eq!(sum, i128::from(i64::MAX));
        let out = balance(Strategy::Soft, i64::MAX, &free);
        assert!(out.new_limits.iter().all(|v| *v == i64::MAX));
    }

    #[test]
    fn totals() {
        assert_eq!(total_limit([1, 2, 3]), 6);
        assert_eq!(total_limit([1, -1, 3]), -1);
        assert_eq!(total_limit([]), 0);
        assert_eq!(total_used(&sites(&[4, -2, 3], &[1, 1, 1])), 7);
    }

    #[test]
    fn checks() {
        assert_eq!(
            check(Strategy::Soft, 10, 11, 40),
            Some(Violation::Used {
                used: 11,
                global: 10
            })
        );
        assert_eq!(check(Strategy::Soft, 10, 10, 40), None);
        assert_eq!(
            check(Strategy::Hard, 10, 10, 11),
            Some(Violation::Limits {
                limits: 11,
                global: 10
            })
        );
        assert_eq!(
            check(Strategy::Hard, 10, 2, -1),
            Some(Violation::Limits {
                limits: -1,
                global: 10
            })
        );
        assert_eq!(
            check(Strategy::Hard, 10, 11, 11),
            Some(Violation::Used {
                used: 11,
                global: 10
            })
        );
        assert_eq!(check(Strategy::Hard, 10, 10, 10), None);
        // A balanced outcome passes its own check.
        let s = sites(&[3, 4, 0], &[1, 1, 1]);
        let out = balance(Strategy::Hard, 10, &s);
        assert_eq!(
            check(
                Strategy::Hard,
                10,
                total_used(&s),
                total_limit(out.new_limits)
            ),
            None
        );
        assert_eq!(
            Violation::Used {
                used: 11,
                global: 10
            }
            .to_string(),
            "11 in use over all sites, above the global limit 10"
        );
        assert_eq!(
            Violation::Limits {
                limits: -1,
                global: 10
            }
            .to_string(),
            "a site's limit is unlimited, so the sites may exceed the global limit 10"
        );
    }

    /// SplitMix64: a seeded generator, so failures replay without a dependency.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    #[test]
    fn properties_over_random_inputs() {
        let mut rng = Rng(0x05EE_D0F0_5B4E_7A11);
        for case in 0..20_000 {
            let n = 1 + rng.below(40) as usize;
            // Mostly small usages, sometimes huge ones.
            let scale = [10, 1_000, 1 << 40][rng.below(3) as usize];
            let s: Vec<Input> = (0..n)
                .map(|_| Input {
                    used: rng.below(scale) as i64,
                    weight: 1 + rng.below(10) as u32,
                })
                .collect();
            let used: i64 = s.iter().map(|i| i.used).sum();
            // G around Σused: below, equal and above it.
            let global = (used + rng.below(2 * scale) as i64 - scale as i64).max(0);
            let ctx = format!("case {case}: G={global} sites={s:?}");

            let hard = balance(Strategy::Hard, global, &s);
            assert_eq!(hard, balance(Strategy::Hard, global, &s), "{ctx}");
            assert_eq!(hard.new_limits.len(), n, "{ctx}");
            assert!(
                hard.new_limits.iter().zip(&s).all(|(l, i)| *l >= i.used),
                "below usage: {ctx}"
            );
            let sum: i64 = hard.new_limits.iter().sum();
            assert_eq!(hard.headroom, global - used, "{ctx}");
            if used <= global {
                assert_eq!(sum, global, "{ctx}");
                assert!(!hard.violated, "{ctx}");
            } else {
                let frozen: Vec<i64> = s.iter().map(|i| i.used).collect();
                assert_eq!(hard.new_limits, frozen, "{ctx}");
                assert!(hard.violated, "{ctx}");
            }

            let soft = balance(Strategy::Soft, global, &s);
            let h = (global - used).max(0);
            let expected: Vec<i64> = s.iter().map(|i| i.used + h).collect();
            assert_eq!(soft.new_limits, expected, "{ctx}");
            assert_eq!(soft.violated, used > global, "{ctx}");
            assert_eq!(
                check(
                    Strategy::Hard,
                    global,
                    used,
                    total_limit(hard.new_limits.clone())
                )
                .is_some(),
                used > global,
                "{ctx}"
            );
        }
    }
}
