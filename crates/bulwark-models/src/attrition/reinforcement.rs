//! Reinforcement schedules: strength that arrives at once, or continuously at a rate.

use crate::error::check_range;
use crate::ModelError;

/// Strength added to one side during the battle, in that side's strength units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reinforcement {
    /// `amount` arrives at once, at the start of the first step that begins at or after `time`
    /// (so it never arrives early).
    Pulse {
        /// Arrival time, in the model's time unit (≥ 0).
        time: f64,
        /// Strength added (≥ 0).
        amount: f64,
    },
    /// Strength flows in at `per_time` per time unit over `[start_time, end_time)`, as in Engel's
    /// Iwo Jima landings (54,000 men per day during day 1).
    Rate {
        /// Start of the inflow (≥ 0).
        start_time: f64,
        /// End of the inflow (> `start_time`).
        end_time: f64,
        /// Strength per time unit (≥ 0).
        per_time: f64,
    },
}

/// A side's reinforcements split for the inner loop: pulses sorted by time, and rate windows.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Schedule {
    /// `(time, amount)`, sorted by time.
    pulses: Vec<(f64, f64)>,
    /// `(start_time, end_time, per_time)`.
    rates: Vec<(f64, f64, f64)>,
    items: Vec<Reinforcement>,
}

const MODEL: &str = "attrition";
const BIG: f64 = f64::MAX;

impl Schedule {
    /// Validates every entry; `side` names the parameter list in errors.
    pub(crate) fn new(side: &str, items: &[Reinforcement]) -> Result<Schedule, ModelError> {
        let mut schedule = Schedule { items: items.to_vec(), ..Schedule::default() };
        for (idx, item) in items.iter().enumerate() {
            let name = |field: &str| format!("{side}_reinforcements[{idx}].{field}");
            match *item {
                Reinforcement::Pulse { time, amount } => {
                    check_range(MODEL, name("time"), time, (0.0, BIG), "a finite time of 0 or more")?;
                    check_range(MODEL, name("amount"), amount, (0.0, BIG), "a finite amount of 0 or more")?;
                    schedule.pulses.push((time, amount));
                }
                Reinforcement::Rate { start_time, end_time, per_time } => {
                    check_range(
                        MODEL,
                        name("start_time"),
                        start_time,
                        (0.0, BIG),
                        "a finite time of 0 or more",
                    )?;
                    check_range(
                        MODEL,
                        name("end_time"),
                        end_time,
                        (start_time, BIG),
                        "a finite time after start_time",
                    )?;
                    check_range(MODEL, name("per_time"), per_time, (0.0, BIG), "a finite rate of 0 or more")?;
                    schedule.rates.push((start_time, end_time, per_time));
                }
            }
        }
        // A stable sort keeps the caller's order among simultaneous pulses, so sums are
        // bit-identical run to run.
        schedule.pulses.sort_by(|x, y| x.0.total_cmp(&y.0));
        Ok(schedule)
    }

    /// The entries as the caller gave them.
    pub(crate) fn items(&self) -> &[Reinforcement] {
        &self.items
    }

    /// Sum of the pulses due at a step starting at `step_start`, advancing `cursor` past them.
    #[inline]
    pub(crate) fn take_pulses(&self, cursor: &mut usize, step_start: f64, tolerance: f64) -> f64 {
        let mut acc = 0.0;
        while let Some(&(time, amount)) = self.pulses.get(*cursor) {
            if time > step_start + tolerance {
                break;
            }
            acc += amount;
            *cursor += 1;
        }
        acc
    }

    /// Strength that flows in over `[from, to]`: the exact integral of the rate windows.
    #[inline]
    pub(crate) fn inflow(&self, from: f64, to: f64) -> f64 {
        let mut acc = 0.0;
        for &(start_time, end_time, per_time) in &self.rates {
            let overlap = end_time.min(to) - start_time.max(from);
            if overlap > 0.0 {
                acc += overlap * per_time;
            }
        }
        acc
    }

    pub(crate) fn has_rates(&self) -> bool {
        !self.rates.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pulses_arrive_in_time_order_and_never_early() {
        let items = [
            Reinforcement::Pulse { time: 5.0, amount: 2.0 },
            Reinforcement::Pulse { time: 2.5, amount: 1.0 },
        ];
        let schedule = Schedule::new("blue", &items).unwrap();
        let mut cursor = 0;
        assert!(schedule.take_pulses(&mut cursor, 2.0, 1e-9).abs() < 1e-12);
        assert!((schedule.take_pulses(&mut cursor, 3.0, 1e-9) - 1.0).abs() < 1e-12);
        assert!((schedule.take_pulses(&mut cursor, 5.0, 1e-9) - 2.0).abs() < 1e-12);
        assert_eq!(cursor, 2);
    }

    #[test]
    fn rate_inflow_is_the_exact_overlap() {
        let items = [Reinforcement::Rate { start_time: 1.0, end_time: 2.0, per_time: 10.0 }];
        let schedule = Schedule::new("red", &items).unwrap();
        assert!((schedule.inflow(0.5, 1.5) - 5.0).abs() < 1e-12);
        assert!((schedule.inflow(0.0, 3.0) - 10.0).abs() < 1e-12);
        assert!(schedule.inflow(2.0, 3.0).abs() < 1e-12);
    }

    #[test]
    fn invalid_entries_are_named() {
        let items = [
            Reinforcement::Pulse { time: 1.0, amount: 1.0 },
            Reinforcement::Rate { start_time: 3.0, end_time: 2.0, per_time: 1.0 },
        ];
        let err = Schedule::new("blue", &items).unwrap_err();
        assert!(err.to_string().contains("blue_reinforcements[1].end_time"), "{err}");
        let negative = [Reinforcement::Pulse { time: 1.0, amount: -3.0 }];
        assert!(Schedule::new("red", &negative).is_err());
    }
}
