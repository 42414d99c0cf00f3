//! Times as `events` reads and writes them: `--since` (a duration back from
//! now, or an RFC 3339 time) and the services' timestamps, as seconds
//! since the epoch in UTC.

use crate::error::hinted;

/// `--since`'s accepted forms, for its error.
const FORMS: &str =
    "a duration such as 30m, 1h, 2d or 1w, or an RFC 3339 time such as 2026-01-02T03:04:05Z";

/// The time `--since` names: `now` minus a duration (`90s`, `30m`, `1h`,
/// `2d`, `1w`), or an RFC 3339 time.
pub(crate) fn since(value: &str, now: i64) -> anyhow::Result<i64> {
    let value = value.trim();
    let bad = || {
        hinted(
            format!("--since {value}: not a duration or a time"),
            format!("give {FORMS}"),
        )
    };
    if let Some(unit) = value.chars().last().filter(|c| c.is_ascii_alphabetic())
        && !value.contains('-')
    {
        let n: i64 = value[..value.len() - 1].parse().map_err(|_| bad())?;
        let secs = match unit {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86_400,
            'w' => 604_800,
            _ => return Err(bad()),
        };
        return n
            .checked_mul(secs)
            .filter(|d| *d >= 0)
            .map(|d| now - d)
            .ok_or_else(bad);
    }
    // RFC 3339 requires the offset; a service's bare time is UTC.
    let zoned = value.ends_with(['Z', 'z']) || value.len() > 19 && value[19..].contains(['+', '-']);
    if !zoned {
        return Err(bad());
    }
    stamp(value).ok_or_else(bad)
}

/// Seconds since the epoch of a service's time: `2026-01-02T03:04:05Z`,
/// with a fraction, a `+01:00` offset, a space for the `T`, or no zone
/// (UTC, as Nova's and Cinder's `created_at` are).
pub(crate) fn stamp(value: &str) -> Option<i64> {
    let b = value.as_bytes();
    if b.len() < 19 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    if b[13] != b':' || b[16] != b':' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| value.get(r)?.parse::<i64>().ok();
    let (y, mo, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (h, mi, s) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || s > 60 {
        return None;
    }
    let mut rest = &value[19..];
    if let Some(frac) = rest.strip_prefix('.') {
        let digits = frac.chars().take_while(char::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        rest = &frac[digits..];
    }
    let offset = match rest {
        "" | "Z" | "z" => 0,
        _ => {
            let sign = match rest.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let (oh, om) = rest[1..].split_once(':')?;
            sign * (oh.parse::<i64>().ok()? * 3600 + om.parse::<i64>().ok()? * 60)
        }
    };
    Some(days_from_civil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + s - offset)
}

/// `2026-01-02T03:04:05Z`.
pub(crate) fn format(t: i64) -> String {
    let (days, secs) = (t.div_euclid(86_400), t.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

/// Days since 1970-01-01 (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_count_back_from_now() {
        assert_eq!(since("1h", 10_000).unwrap(), 6_400);
        assert_eq!(since("30m", 10_000).unwrap(), 8_200);
        assert_eq!(since("2d", 200_000).unwrap(), 200_000 - 172_800);
        for bad in ["", "h", "1x", "-1h", "yesterday", "2026-01-02T03:04:05"] {
            let e = since(bad, 0).unwrap_err();
            assert!(crate::error::describe(&e).1[0].contains("30m"), "{bad}");
        }
    }

    #[test]
    fn times_in_every_service_format() {
        let t = 1_767_323_045; // 2026-01-02T03:04:05Z
        for s in [
            "2026-01-02T03:04:05Z",
            "2026-01-02T03:04:05.123456",
            "2026-01-02 03:04:05",
            "2026-01-02T04:04:05+01:00",
            "2026-01-02T03:04:05.000000+00:00",
        ] {
            assert_eq!(stamp(s), Some(t), "{s}");
        }
        assert_eq!(since("2026-01-02T03:04:05Z", 0).unwrap(), t);
        assert_eq!(format(t), "2026-01-02T03:04:05Z");
        assert_eq!(stamp("2026-13-02T03:04:05Z"), None);
        assert_eq!(stamp(""), None);
    }
}
