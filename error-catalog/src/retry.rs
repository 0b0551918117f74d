//! The `Retry-After` response header (RFC 9110, section 10.2.3).

use std::time::{Duration, SystemTime};

use http::HeaderMap;
use http::header::RETRY_AFTER;

/// How long the server asks the client to wait before it retries, from a response's
/// `Retry-After` header.
///
/// The header holds either a number of seconds (`Retry-After: 120`) or an HTTP-date
/// (`Retry-After: Fri, 31 Dec 1999 23:59:59 GMT`, or the obsolete RFC 850 and asctime
/// forms), which gives the time from now until then, rounded up to whole seconds, and zero
/// when the date is past. A number too large for a `u64` gives the largest `u64` of seconds.
/// Without the header, or when its first value is neither, `None`: a client that gets garbage
/// falls back on its own policy rather than failing.
///
/// ```
/// use std::time::Duration;
///
/// let mut headers = http::HeaderMap::new();
/// assert_eq!(error_catalog::retry_after(&headers), None);
/// headers.insert(http::header::RETRY_AFTER, http::HeaderValue::from_static("120"));
/// assert_eq!(error_catalog::retry_after(&headers), Some(Duration::from_secs(120)));
/// headers.insert(http::header::RETRY_AFTER, http::HeaderValue::from_static("Sun, 06 Nov 1994 08:49:37 GMT"));
/// assert_eq!(error_catalog::retry_after(&headers), Some(Duration::ZERO));
/// headers.insert(http::header::RETRY_AFTER, http::HeaderValue::from_static("soon"));
/// assert_eq!(error_catalog::retry_after(&headers), None);
/// ```
pub fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    parse(headers.get(RETRY_AFTER)?.as_bytes(), SystemTime::now())
}

/// The delay that a `Retry-After` value asks for, an HTTP-date counted from `now`.
fn parse(value: &[u8], now: SystemTime) -> Option<Duration> {
    let text = std::str::from_utf8(value)
        .ok()?
        .trim_matches(|c| c == ' ' || c == '\t');
    if text.is_empty() {
        return None;
    }
    if text.bytes().all(|byte| byte.is_ascii_digit()) {
        // All digits: only too many of them can fail to parse.
        return Some(Duration::from_secs(text.parse().unwrap_or(u64::MAX)));
    }
    let date = httpdate::parse_http_date(text).ok()?;
    Some(match date.duration_since(now) {
        Ok(delay) => round_up(delay),
        Err(_) => Duration::ZERO,
    })
}

/// The number of seconds that a `Retry-After` header sent for `delay` holds: `delay` rounded
/// up to whole seconds, as [`retry_after`] reads a date, so that a delay of half a second is
/// `1`, not `0` (retry now); zero stays zero, and `Duration::MAX` is `u64::MAX`.
#[cfg(feature = "axum")]
pub(crate) fn header_seconds(delay: Duration) -> u64 {
    round_up(delay).as_secs()
}

/// `delay` in whole seconds, a fraction of a second counting as one.
pub(crate) fn round_up(delay: Duration) -> Duration {
    if delay.subsec_nanos() == 0 {
        delay
    } else {
        Duration::from_secs(delay.as_secs().saturating_add(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: u64) -> SystemTime {
        SystemTime::UNIX_EPOCH + Duration::from_secs(seconds)
    }

    /// 1994-11-06T08:49:37Z, the date of RFC 9110's examples.
    const RFC_DATE: u64 = 784_111_777;

    #[test]
    fn seconds() {
        let now = at(RFC_DATE);
        assert_eq!(parse(b"0", now), Some(Duration::ZERO));
        assert_eq!(parse(b"120", now), Some(Duration::from_secs(120)));
        assert_eq!(parse(b" 7\t", now), Some(Duration::from_secs(7)));
        assert_eq!(parse(b"007", now), Some(Duration::from_secs(7)));
        assert_eq!(
            parse(b"99999999999999999999999", now),
            Some(Duration::from_secs(u64::MAX))
        );
    }

    #[test]
    fn dates_in_every_form_count_from_now() {
        for form in [
            &b"Sun, 06 Nov 1994 08:51:37 GMT"[..],
            b"Sunday, 06-Nov-94 08:51:37 GMT",
            b"Sun Nov  6 08:51:37 1994",
        ] {
            assert_eq!(parse(form, at(RFC_DATE)), Some(Duration::from_secs(120)));
        }
        // Part of a second still to wait counts as a whole one.
        let now = at(RFC_DATE) + Duration::from_millis(300);
        assert_eq!(
            parse(b"Sun, 06 Nov 1994 08:51:37 GMT", now),
            Some(Duration::from_secs(120))
        );
        // Past, or now: no wait.
        assert_eq!(
            parse(b"Sun, 06 Nov 1994 08:49:37 GMT", at(RFC_DATE + 1)),
            Some(Duration::ZERO)
        );
        assert_eq!(
            parse(b"Sun, 06 Nov 1994 08:49:37 GMT", at(RFC_DATE)),
            Some(Duration::ZERO)
        );
    }

    #[test]
    fn garbage_is_none() {
        let now = at(RFC_DATE);
        for value in [
            &b""[..],
            b"  ",
            b"+5",
            b"-5",
            b"1.5",
            b"5s",
            b"soon",
            b"Sun, 06 Nov 1994 08:49:37",
            b"Sun, 32 Nov 1994 08:49:37 GMT",
            b"\xff\xfe",
        ] {
            assert_eq!(
                parse(value, now),
                None,
                "{}",
                String::from_utf8_lossy(value)
            );
        }
    }

    #[test]
    fn round_up_counts_a_fraction_as_a_second() {
        assert_eq!(round_up(Duration::from_millis(1)), Duration::from_secs(1));
        assert_eq!(round_up(Duration::from_secs(3)), Duration::from_secs(3));
        assert_eq!(round_up(Duration::MAX), Duration::from_secs(u64::MAX));
    }
}
