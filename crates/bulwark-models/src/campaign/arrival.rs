//! Formations and when they arrive: forces in place, reinforcements by rail or sea, and
//! reinforcements flown in through the coalition's strategic airlift (a queue).

/// How a formation reaches the theatre.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Transit {
    /// Already in theatre (national forces, forward presence); ready `ready_hours` after Red
    /// starts mobilising.
    InPlace,
    /// Flown in by the strategic airlift; needs `lift` in the airlift's payload unit (tonnes,
    /// or heavy-airlifter loads as the assessment uses).
    Air {
        /// Lift needed, ≥ 0.
        lift: f64,
    },
    /// Moved by rail or sea.
    Surface {
        /// Distance to the theatre, km (≥ 0).
        distance_km: f64,
        /// Average speed including stops, km/h (> 0).
        speed_km_per_hour: f64,
        /// Hours to load and unload (≥ 0).
        loading_hours: f64,
    },
}

/// One formation: its combat power and when it can move.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Formation {
    /// Combat power, battalion equivalents (≥ 0).
    pub combat_power: f64,
    /// Hours to be ready: from the start of Red's mobilisation for forces in place and for
    /// Red, from the alliance's order for Blue reinforcements (≥ 0).
    pub ready_hours: f64,
    /// How it reaches the theatre.
    pub transit: Transit,
}

/// The strategic airlift available to Blue.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Airlift {
    /// Aircraft (heavy-airlifter equivalents), ≥ 0.
    pub aircraft: f64,
    /// Payload per sortie in the unit of [`Transit::Air`]'s `lift`, ≥ 0.
    pub payload_per_sortie: f64,
    /// Sorties per aircraft per day, ≥ 0.
    pub sorties_per_day: f64,
    /// Share of aircraft available, `[0, 1]`.
    pub availability: f64,
}

impl Airlift {
    /// Lift delivered per hour.
    pub fn capacity_per_hour(&self) -> f64 {
        self.aircraft * self.payload_per_sortie * self.sorties_per_day * self.availability / 24.0
    }
}

/// Arrival hours (from the start of the attack, `≥ 0`, `+∞` = never) of `formations`, in their
/// order. `warning_hours` is `W`; `order_hours` is when reinforcements are ordered, relative
/// to the attack (`c − W`; negative = before it). Red passes no airlift: its formations should
/// be in place or move by surface.
pub fn arrival_hours(
    formations: &[Formation],
    warning_hours: f64,
    order_hours: f64,
    airlift: Option<&Airlift>,
) -> Vec<f64> {
    let mut arrivals = Vec::with_capacity(formations.len());
    arrival_hours_into(formations, warning_hours, order_hours, airlift, &mut arrivals);
    arrivals
}

/// [`arrival_hours`] written into `arrivals` (cleared first): the vector a run's inputs build
/// once instead of three.
pub(crate) fn arrival_hours_into(
    formations: &[Formation],
    warning_hours: f64,
    order_hours: f64,
    airlift: Option<&Airlift>,
    arrivals: &mut Vec<f64>,
) {
    arrivals.clear();
    arrivals.extend(formations.iter().map(|formation| match formation.transit {
        Transit::InPlace => formation.ready_hours - warning_hours,
        Transit::Surface { distance_km, speed_km_per_hour, loading_hours } => {
            order_hours + formation.ready_hours + loading_hours + distance_km / speed_km_per_hour
        }
        // Filled in below, in queue order.
        Transit::Air { .. } => f64::INFINITY,
    }));
    let capacity_per_hour = airlift.map_or(0.0, Airlift::capacity_per_hour);
    // Sized first: no allocation for a side without air units (Red), one for the others.
    let n_air =
        formations.iter().filter(|formation| matches!(formation.transit, Transit::Air { .. })).count();
    let mut queue: Vec<(usize, f64, f64)> = Vec::with_capacity(n_air);
    queue.extend(formations.iter().enumerate().filter_map(|(idx, formation)| match formation.transit {
        Transit::Air { lift } => Some((idx, order_hours + formation.ready_hours, lift)),
        _ => None,
    }));
    // List order among formations ready at the same time: the order is total (indices differ),
    // so the unstable sort gives exactly the stable sort's order, without its scratch memory.
    queue.sort_unstable_by(|x, y| x.1.total_cmp(&y.1).then(x.0.cmp(&y.0)));
    let mut free_at = f64::NEG_INFINITY;
    for (idx, ready_at, lift) in queue {
        if lift <= 0.0 {
            // Nothing to carry: the formation does not wait for the airlift.
            arrivals[idx] = ready_at;
            continue;
        }
        let duration = if capacity_per_hour > 0.0 { lift / capacity_per_hour } else { f64::INFINITY };
        arrivals[idx] = ready_at.max(free_at) + duration;
        free_at = arrivals[idx];
    }
    for hours in arrivals.iter_mut() {
        *hours = hours.max(0.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn air(lift: f64, ready_hours: f64) -> Formation {
        Formation { combat_power: 1.0, ready_hours, transit: Transit::Air { lift } }
    }

    #[test]
    fn hand_checked_arrivals() {
        // W = 48 h, the order comes 24 h after mobilisation starts: o = −24 h.
        // Airlift: 10 aircraft × 2 loads × 2.4 sorties/day × 0.5 = 24 loads/day = 1 load/h.
        let airlift =
            Airlift { aircraft: 10.0, payload_per_sortie: 2.0, sorties_per_day: 2.4, availability: 0.5 };
        let formations = [
            Formation { combat_power: 3.0, ready_hours: 12.0, transit: Transit::InPlace },
            air(30.0, 0.0),
            air(10.0, 0.0),
            Formation {
                combat_power: 3.0,
                ready_hours: 48.0,
                transit: Transit::Surface {
                    distance_km: 1000.0,
                    speed_km_per_hour: 20.0,
                    loading_hours: 24.0,
                },
            },
            air(5.0, 100.0),
        ];
        let arrivals = arrival_hours(&formations, 48.0, -24.0, Some(&airlift));
        // In place: 12 − 48 < 0 → 0. First air unit: −24 + 30 = 6. Second: queued behind it,
        // 6 + 10 = 16. Surface: −24 + 48 + 24 + 50 = 98. Last air: ready at 76, lift 5 → 81.
        let expected = [0.0, 6.0, 16.0, 98.0, 81.0];
        for (got, want) in arrivals.iter().zip(expected) {
            assert!((got - want).abs() < 1e-12, "{arrivals:?}");
        }
    }

    #[test]
    fn without_airlift_air_units_never_arrive() {
        let arrivals = arrival_hours(&[air(1.0, 0.0), air(0.0, 5.0)], 0.0, 0.0, None);
        assert!(arrivals[0].is_infinite());
        assert!((arrivals[1] - 5.0).abs() < 1e-12, "a unit needing no lift only waits to be ready");
    }

    #[test]
    fn queue_order_among_equal_ready_times_is_list_order() {
        // Four air units ready at the same hour, with different lifts: the airlift takes them in
        // list order (as a stable sort of the queue would), whatever their lifts.
        let airlift =
            Airlift { aircraft: 1.0, payload_per_sortie: 1.0, sorties_per_day: 24.0, availability: 1.0 };
        let formations = [air(3.0, 5.0), air(1.0, 2.0), air(4.0, 5.0), air(2.0, 5.0), air(5.0, 2.0)];
        let arrivals = arrival_hours(&formations, 0.0, 0.0, Some(&airlift));
        // Ready at 2: units 1 then 4 (2 + 1 = 3, 3 + 5 = 8); at 5: units 0, 2, 3 (8 + 3 = 11,
        // 15, 17).
        assert_eq!(arrivals, vec![11.0, 3.0, 15.0, 17.0, 8.0]);
    }
}
