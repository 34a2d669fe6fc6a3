//! The time zone a Hugo site reads dates in when they say none
//! (`publishDate: 2026-12-01`): its config's `timeZone`, UTC when unset.
//!
//! Names are looked up as Hugo 0.111 does with Go's `time.LoadLocation`
//! (checked against hugo): `""` and `UTC` are UTC, `Local` is the machine's
//! zone (`TZ`, else `/etc/localtime`), anything else is an IANA name spelled
//! exactly as the database does (`Europe/Oslo`; `europe/oslo` and `utc` are
//! Hugo's error). The database is the system's (`/usr/share/zoneinfo`, as Go
//! reads it), else a copy compiled in, so a machine without one still reads
//! the common names.

/// A site's time zone for dates written without one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TimeZone {
    /// `None`: UTC, the default, with no lookup at all.
    zone: Option<jiff::tz::TimeZone>,
}

/// A `timeZone` that names no zone Hugo knows: Hugo refuses to build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownTimeZone {
    pub name: String,
    /// The known name nearest to it (`Europe/Oslo` for `europe/oslo` or
    /// `Europe/Olso`), when one is near.
    pub nearest: Option<String>,
}

impl UnknownTimeZone {
    fn new(name: &str) -> UnknownTimeZone {
        let db = jiff::tz::db();
        let nearest = match db.get(name) {
            // Only the case differs.
            Ok(zone) => zone.iana_name().map(str::to_owned),
            Err(_) => {
                let names: Vec<String> = db.available().map(|n| n.to_string()).collect();
                crate::suggest::nearest(name, names.iter().map(String::as_str)).map(str::to_owned)
            }
        };
        UnknownTimeZone {
            name: name.to_owned(),
            nearest: nearest.filter(|n| n != name),
        }
    }
}

impl std::fmt::Display for UnknownTimeZone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown time zone {:?}", self.name)?;
        match &self.nearest {
            Some(nearest) => write!(f, "; did you mean {nearest:?}?"),
            None => Ok(()),
        }
    }
}

impl TimeZone {
    pub const UTC: TimeZone = TimeZone { zone: None };

    /// The zone Hugo's `timeZone = "name"` means.
    pub fn named(name: &str) -> Result<TimeZone, UnknownTimeZone> {
        let unknown = || UnknownTimeZone::new(name);
        match name {
            "" | "UTC" => Ok(TimeZone::UTC),
            "Local" => Ok(TimeZone {
                zone: Some(jiff::tz::TimeZone::system()),
            }),
            // Go opens the name as a file under the zoneinfo folder.
            _ if name.starts_with(['/', '\\']) || name.contains("..") => Err(unknown()),
            _ => {
                let zone = jiff::tz::db().get(name).map_err(|_| unknown())?;
                // The database is looked up without regard to case; Go opens
                // a file, whose name must be spelled as it is.
                if zone.iana_name() != Some(name) {
                    return Err(unknown());
                }
                Ok(TimeZone { zone: Some(zone) })
            }
        }
    }

    /// The instant (seconds since 1970) of a wall-clock time in this zone,
    /// given as its seconds since 1970 were it UTC. A time the clocks skip
    /// or pass twice is placed as Go's `time.Date` places it: by the offset
    /// in force at the instant the offset before it gives.
    pub fn instant_of(&self, wall: i64) -> i64 {
        let Some(zone) = &self.zone else {
            return wall;
        };
        let offset_at = |at: i64| {
            jiff::Timestamp::from_second(at).map_or(0, |t| i64::from(zone.to_offset(t).seconds()))
        };
        wall - offset_at(wall - offset_at(wall))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OSLO_NOON_2026_07_01: i64 = 1_782_907_200; // 2026-07-01T12:00:00 as if UTC

    #[test]
    fn names_are_read_as_go_reads_them() {
        assert_eq!(TimeZone::named(""), Ok(TimeZone::UTC));
        assert_eq!(TimeZone::named("UTC"), Ok(TimeZone::UTC));
        for (unknown, nearest) in [
            ("utc", Some("UTC")),
            ("europe/oslo", Some("Europe/Oslo")),
            ("Europe/Olso", Some("Europe/Oslo")),
            ("Nowhere/Land", None),
            ("../etc/passwd", None),
            ("/etc/localtime", None),
        ] {
            let error = TimeZone::named(unknown).unwrap_err();
            assert_eq!(error.name, unknown);
            assert_eq!(error.nearest.as_deref(), nearest, "{unknown}");
        }
        assert_eq!(
            TimeZone::named("Europe/Olso").unwrap_err().to_string(),
            "unknown time zone \"Europe/Olso\"; did you mean \"Europe/Oslo\"?"
        );
        for known in [
            "Europe/Oslo",
            "America/New_York",
            "Etc/GMT+5",
            "EST",
            "Local",
        ] {
            assert!(TimeZone::named(known).is_ok(), "{known}");
        }
    }

    #[test]
    fn a_wall_clock_time_is_placed_by_the_zones_offset_then() {
        assert_eq!(
            TimeZone::UTC.instant_of(OSLO_NOON_2026_07_01),
            OSLO_NOON_2026_07_01
        );
        let oslo = TimeZone::named("Europe/Oslo").unwrap();
        // Summer time: two hours ahead; winter: one.
        assert_eq!(
            oslo.instant_of(OSLO_NOON_2026_07_01),
            OSLO_NOON_2026_07_01 - 7200
        );
        let winter = OSLO_NOON_2026_07_01 - 182 * 86_400;
        assert_eq!(oslo.instant_of(winter), winter - 3600);
        let new_york = TimeZone::named("America/New_York").unwrap();
        assert_eq!(
            new_york.instant_of(OSLO_NOON_2026_07_01),
            OSLO_NOON_2026_07_01 + 4 * 3600
        );
    }

    #[test]
    fn skipped_and_doubled_hours_are_placed_as_go_places_them() {
        let oslo = TimeZone::named("Europe/Oslo").unwrap();
        // 2026-03-29T02:30 does not happen in Oslo (01:00Z jumps from 02:00
        // to 03:00): hugo 0.111 reads it as 03:30+02:00, 01:30Z.
        let skipped = 1_774_751_400; // 2026-03-29T02:30:00 as if UTC
        assert_eq!(oslo.instant_of(skipped), skipped - 3600);
        // 2026-10-25T02:30 happens twice: hugo reads it as 02:30+01:00, 01:30Z.
        let doubled = 1_792_895_400; // 2026-10-25T02:30:00 as if UTC
        assert_eq!(oslo.instant_of(doubled), doubled - 3600);
    }
}
