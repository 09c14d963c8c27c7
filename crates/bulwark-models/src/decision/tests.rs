//! Tests of the decision-time model: hand-computed rule cases, the certain veto, the separation
//! of a council's decision from the parliaments that clear forces, and the property that
//! unanimity is never faster than a majority rule on the same draws.

use proptest::prelude::*;
use rand::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::rules::{total_order_key, TOLERANCE};
use super::*;

fn member(iso3: &str, population: f64, forces: f64, parliament: Parliament) -> Member {
    Member { iso3: iso3.into(), population, forces, parliament, refusal_probability: None }
}

fn decision(hours: f64, yes: bool) -> MemberDecision {
    MemberDecision { hours, yes }
}

/// A test generator: uniforms from ChaCha8; a government's council time uniform on [0, 12)
/// hours and its forces time on [0, 48) hours (from the same uniform, as the model card has
/// it), parliament times uniform on [0, 96) hours.
struct TestRng(ChaCha8Rng);

impl TestRng {
    fn new(seed: u64) -> TestRng {
        TestRng(ChaCha8Rng::seed_from_u64(seed))
    }
}

impl DecisionRng for TestRng {
    fn unit(&mut self) -> f64 {
        ((self.0.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }
    fn government_hours(&mut self) -> GovernmentHours {
        let u = self.unit();
        GovernmentHours { council: 12.0 * u, forces: 48.0 * u }
    }
    fn parliament_hours(&mut self) -> f64 {
        96.0 * self.unit()
    }
}

/// 27 states: the first `n_yes` share `yes_population_pct` of 100 population units equally
/// and decide at hours 1, 2, …; the others say no and share the rest.
fn council(n_yes: usize, yes_population_pct: f64) -> (Vec<Member>, Vec<MemberDecision>) {
    let n_no = 27 - n_yes;
    let members = (0..27)
        .map(|idx| {
            let population = if idx < n_yes {
                yes_population_pct / n_yes as f64
            } else {
                (100.0 - yes_population_pct) / n_no as f64
            };
            member(&format!("M{idx:02}"), population, 1.0, Parliament::NotRequired)
        })
        .collect();
    let decisions = (0..27).map(|idx| decision(1.0 + idx as f64, idx < n_yes)).collect();
    (members, decisions)
}

fn qmv(members: &[Member], decisions: &[MemberDecision]) -> RuleOutcome {
    let refs: Vec<&Member> = members.iter().collect();
    qualified_majority(&refs, decisions, QualifiedMajority::EU_COUNCIL)
}

#[test]
fn qualified_majority_needs_both_majorities() {
    // 15 of 27 states (55.6 %) with 64 % of the population: the 12 others block.
    let (members, decisions) = council(15, 64.0);
    assert_eq!(qmv(&members, &decisions), RuleOutcome::Paralysis);
    // The same 15 with 65 %: decided when the 15th says yes, at hour 15.
    let (members, decisions) = council(15, 65.0);
    assert_eq!(qmv(&members, &decisions), RuleOutcome::Decided { hours: 15.0 });
    // 14 states (51.9 %) with 90 % of the population fail on states.
    let (members, decisions) = council(14, 90.0);
    assert_eq!(qmv(&members, &decisions), RuleOutcome::Paralysis);
}

#[test]
fn fewer_than_four_states_cannot_block_on_population() {
    // 24 states with 50 % of the population: the 3 others hold 50 % but are too few to block.
    let (members, decisions) = council(24, 50.0);
    assert_eq!(qmv(&members, &decisions), RuleOutcome::Decided { hours: 24.0 });
    // 23 with 50 %: 4 states not in favour form a blocking minority.
    let (members, decisions) = council(23, 50.0);
    assert_eq!(qmv(&members, &decisions), RuleOutcome::Paralysis);
}

#[test]
fn qualified_majority_waits_for_the_population_threshold() {
    // Yes votes arrive from the smallest states first: 15 states reach 55 % of states at hour
    // 15 but only 15 % of the population; the big ones bring the population later.
    let (mut members, decisions) = council(27, 100.0);
    for (idx, m) in members.iter_mut().enumerate() {
        m.population = if idx < 20 { 1.0 } else { 80.0 / 7.0 };
    }
    // 20 small (20 units) + k big (80/7 each) ≥ 65 → k ≥ 3.94 → the 24th state, hour 24;
    // from the 24th on only 3 states remain out, so the blocking clause gives the same hour.
    assert_eq!(qmv(&members, &decisions), RuleOutcome::Decided { hours: 24.0 });
}

#[test]
fn coalition_of_the_willing_hand_case() {
    let members = [
        member("A", 1.0, 100.0, Parliament::NotRequired),
        member("B", 1.0, 50.0, Parliament::NotRequired),
        member("C", 1.0, 30.0, Parliament::NotRequired),
        member("D", 1.0, 20.0, Parliament::NotRequired),
    ];
    let refs: Vec<&Member> = members.iter().collect();
    // Half of 200 is 100: B (50) at 1 h, D (20) at 2 h, C (30) at 3 h reach it.
    let mut decisions =
        vec![decision(5.0, true), decision(1.0, true), decision(3.0, true), decision(2.0, true)];
    assert_eq!(coalition_of_the_willing(&refs, &decisions, 0.5), RuleOutcome::Decided { hours: 3.0 });
    // Without C, A must join at 5 h.
    decisions[2].yes = false;
    assert_eq!(coalition_of_the_willing(&refs, &decisions, 0.5), RuleOutcome::Decided { hours: 5.0 });
    // Without A, B, C and D still make half at 3 h, but 60 % is out of reach.
    decisions[2].yes = true;
    decisions[0].yes = false;
    assert_eq!(coalition_of_the_willing(&refs, &decisions, 0.5), RuleOutcome::Decided { hours: 3.0 });
    assert_eq!(coalition_of_the_willing(&refs, &decisions, 0.6), RuleOutcome::Paralysis);
}

#[test]
fn unanimity_is_the_slowest_yes_and_fails_on_any_no() {
    let decisions = [decision(3.0, true), decision(30.0, true), decision(7.0, true)];
    assert_eq!(unanimity(&decisions), RuleOutcome::Decided { hours: 30.0 });
    assert_eq!(unanimity(&[decision(3.0, true), decision(1.0, false)]), RuleOutcome::Paralysis);
    assert_eq!(unanimity(&[]), RuleOutcome::Paralysis);
}

fn three_member_inputs() -> DecisionInputs {
    DecisionInputs {
        members: vec![
            member("AAA", 10.0, 100.0, Parliament::Required),
            member("BBB", 20.0, 50.0, Parliament::NotRequired),
            member("CCC", 30.0, 10.0, Parliament::Unknown),
        ],
        us: Some(member("USA", 300.0, 80.0, Parliament::NotRequired)),
        bodies: vec![
            Body { name: "nac".into(), rule: Rule::Unanimity, members: vec![0, 1, 2], includes_us: true },
            Body {
                name: "qmv".into(),
                rule: Rule::QualifiedMajority(QualifiedMajority::EU_COUNCIL),
                members: vec![0, 1, 2],
                includes_us: false,
            },
            Body {
                name: "cow".into(),
                rule: Rule::CoalitionOfTheWilling,
                members: vec![0, 1, 2],
                includes_us: true,
            },
        ],
        params: DecisionParams::default(),
    }
}

#[test]
fn a_single_certain_veto_paralyses_unanimity_every_time() {
    let mut inputs = three_member_inputs();
    inputs.members[1].refusal_probability = Some(1.0);
    inputs.validate().unwrap();
    let mut rng = TestRng::new(7);
    for _ in 0..2000 {
        let outcome = draw(&inputs, &mut rng);
        assert_eq!(outcome.with_us[0], RuleOutcome::Paralysis);
        assert_eq!(outcome.without_us[0], RuleOutcome::Paralysis);
    }
}

#[test]
fn without_refusals_unanimity_always_decides() {
    let mut inputs = three_member_inputs();
    inputs.params.government_refusal_probability = 0.0;
    inputs.params.parliament_refusal_probability = 0.0;
    let mut rng = TestRng::new(3);
    for _ in 0..500 {
        let outcome = draw(&inputs, &mut rng);
        assert!(outcome
            .with_us
            .iter()
            .chain(&outcome.without_us)
            .chain(&outcome.forces_with_us)
            .chain(&outcome.forces_without_us)
            .all(|o| matches!(o, RuleOutcome::Decided { .. })));
    }
}

/// Every government instructs its ambassador after 4 h and decides on its forces after 10 h;
/// every parliament that votes takes 40 h more; every uniform is 0.5.
struct Fixed;

impl DecisionRng for Fixed {
    fn unit(&mut self) -> f64 {
        0.5
    }
    fn government_hours(&mut self) -> GovernmentHours {
        GovernmentHours { council: 4.0, forces: 10.0 }
    }
    fn parliament_hours(&mut self) -> f64 {
        40.0
    }
}

#[test]
fn a_parliament_vote_gates_forces_not_the_council_and_the_penalty_applies_without_the_us() {
    let params = DecisionParams::default();
    let required = member_decision(&member("A", 1.0, 1.0, Parliament::Required), &params, &mut Fixed);
    let not_required = member_decision(&member("B", 1.0, 1.0, Parliament::NotRequired), &params, &mut Fixed);
    // u = 0.5 < 0.7: an unknown rule counts as a vote.
    let unknown = member_decision(&member("C", 1.0, 1.0, Parliament::Unknown), &params, &mut Fixed);
    assert_eq!((required.forces.hours, not_required.forces.hours, unknown.forces.hours), (50.0, 10.0, 50.0));
    // The council instruction is the government's alone, vote or no vote.
    assert_eq!((required.council.hours, not_required.council.hours, unknown.council.hours), (4.0, 4.0, 4.0));
    let mut inputs = three_member_inputs();
    inputs.params.coordination_penalty_hours = 100.0;
    let outcome = draw(&inputs, &mut Fixed);
    // Unanimity decides on the instructions: 4 h with the US, 4 + 100 h without.
    assert_eq!(outcome.with_us[0], RuleOutcome::Decided { hours: 4.0 });
    assert_eq!(outcome.without_us[0], RuleOutcome::Decided { hours: 104.0 });
    // Its forces: half of 240 with the US; BBB (50) and USA (80) are cleared at 10 h.
    assert_eq!(outcome.forces_with_us[0], RuleOutcome::Decided { hours: 10.0 });
    // Without the US, 80 of 160: BBB (50) at 10 h, then AAA (100) after its vote at 50 h.
    assert_eq!(outcome.forces_without_us[0], RuleOutcome::Decided { hours: 150.0 });
    // Qualified majority (EU Council, no US): the instructions at 4 h.
    assert_eq!(outcome.with_us[1], RuleOutcome::Decided { hours: 4.0 });
    // Coalition of the willing with the US: BBB (50) and USA (80) at 10 h make 130 ≥ 120.
    assert_eq!(outcome.with_us[2], RuleOutcome::Decided { hours: 10.0 });
    assert_eq!(outcome.forces_with_us[2], outcome.with_us[2], "a coalition is its own backing");
    // Without the US: 80 of 160 needed; BBB (50) at 10 h, then AAA at 50 h; plus the penalty.
    assert_eq!(outcome.without_us[2], RuleOutcome::Decided { hours: 150.0 });
}

#[test]
fn a_refusing_parliament_withholds_its_forces_but_not_its_governments_consent() {
    // Every parliament that votes refuses: AAA (a vote) and CCC (an unknown rule, a vote at
    // u = 0.5) send nothing, but their governments join the council.
    let mut inputs = three_member_inputs();
    inputs.params.government_refusal_probability = 0.0;
    inputs.params.parliament_refusal_probability = 1.0;
    inputs.params.coordination_penalty_hours = 0.0;
    let outcome = draw(&inputs, &mut Fixed);
    assert_eq!(outcome.with_us[0], RuleOutcome::Decided { hours: 4.0 });
    // With the US, BBB (50) and USA (80) hold 130 of 240: enough for half.
    assert_eq!(outcome.forces_with_us[0], RuleOutcome::Decided { hours: 10.0 });
    // Without it, BBB's 50 of 160 never make half: the decision stands, no forces back it.
    assert_eq!(outcome.without_us[0], RuleOutcome::Decided { hours: 4.0 });
    assert_eq!(outcome.forces_without_us[0], RuleOutcome::Paralysis);
    assert_eq!(outcome.without_us[2], RuleOutcome::Paralysis);
}

#[test]
fn parliaments_never_move_a_councils_decision() {
    // The same draws with every parliament voting and taking 1,000 times longer: the council
    // bodies' decisions are the same bit for bit; their forces only come later.
    struct SlowParliaments(TestRng);
    impl DecisionRng for SlowParliaments {
        fn unit(&mut self) -> f64 {
            self.0.unit()
        }
        fn government_hours(&mut self) -> GovernmentHours {
            self.0.government_hours()
        }
        fn parliament_hours(&mut self) -> f64 {
            1000.0 * self.0.parliament_hours()
        }
    }
    let inputs = three_member_inputs();
    let mut slow = inputs.clone();
    for member in slow.members.iter_mut().chain(&mut slow.us) {
        member.parliament = Parliament::Required;
    }
    for seed in 0..300 {
        let fast = draw(&inputs, &mut TestRng::new(seed));
        let late = draw(&slow, &mut SlowParliaments(TestRng::new(seed)));
        for body in [0, 1] {
            assert_eq!(fast.with_us[body], late.with_us[body], "seed {seed}");
            assert_eq!(fast.without_us[body], late.without_us[body], "seed {seed}");
            let (early, later) = (fast.forces_with_us[body], late.forces_with_us[body]);
            assert!(early.hours_or_infinity() <= later.hours_or_infinity(), "seed {seed}");
        }
    }
}

#[test]
fn invalid_inputs_are_refused_with_the_parameter_named() {
    let mut inputs = three_member_inputs();
    inputs.params.coalition_force_share = 1.5;
    let err = inputs.validate().unwrap_err();
    assert!(err.to_string().contains("coalition_force_share"), "{err}");
    let mut inputs = three_member_inputs();
    inputs.bodies[0].members.push(9);
    assert!(inputs.validate().is_err());
}

fn arbitrary_members() -> impl Strategy<Value = Vec<(f64, f64, f64, bool)>> {
    prop::collection::vec((1.0..1e8f64, 0.0..5e5f64, 0.0..500.0f64, prop::bool::weighted(0.9)), 1..40)
}

/// The rules as written before the scratch buffers: the yes members' positions sorted by a
/// stable sort, then the same sums in the same order. The reference the faster rules are held
/// to bit for bit.
fn reference_rule(rule: Rule, members: &[&Member], decisions: &[MemberDecision], share: f64) -> RuleOutcome {
    let mut order: Vec<usize> = (0..decisions.len()).filter(|idx| decisions[*idx].yes).collect();
    order.sort_by(|a, b| decisions[*a].hours.total_cmp(&decisions[*b].hours).then(a.cmp(b)));
    match rule {
        Rule::Unanimity => {
            if decisions.is_empty() || decisions.iter().any(|d| !d.yes) {
                return RuleOutcome::Paralysis;
            }
            RuleOutcome::Decided { hours: decisions.iter().map(|d| d.hours).fold(0.0, f64::max) }
        }
        Rule::QualifiedMajority(qmv) => {
            let n_states = members.len();
            let total_population: f64 = members.iter().map(|m| m.population).sum();
            let (mut n_yes, mut yes_population) = (0, 0.0);
            for idx in order {
                n_yes += 1;
                yes_population += members[idx].population;
                let states_met = n_yes as f64 >= qmv.states_share * n_states as f64 - TOLERANCE;
                let population_met =
                    yes_population >= qmv.population_share * total_population - TOLERANCE * total_population;
                if states_met && (population_met || n_states - n_yes < qmv.blocking_min_states) {
                    return RuleOutcome::Decided { hours: decisions[idx].hours };
                }
            }
            RuleOutcome::Paralysis
        }
        Rule::CoalitionOfTheWilling => {
            let total_forces: f64 = members.iter().map(|m| m.forces).sum();
            if total_forces <= 0.0 {
                return RuleOutcome::Paralysis;
            }
            let required = share * total_forces * (1.0 - TOLERANCE);
            let mut forces = 0.0;
            for idx in order {
                forces += members[idx].forces;
                if forces >= required {
                    return RuleOutcome::Decided { hours: decisions[idx].hours };
                }
            }
            RuleOutcome::Paralysis
        }
    }
}

proptest! {
    /// On the same draws, unanimity is never faster than qualified majority or a coalition of
    /// the willing (paralysis counts as infinitely slow).
    #[test]
    fn unanimity_is_never_faster_than_a_majority_rule(
        rows in arbitrary_members(),
        states_share in 0.0..1.0f64,
        population_share in 0.0..1.0f64,
        blocking_min_states in 0usize..6,
        force_share in 0.0..1.0f64,
    ) {
        let members: Vec<Member> = rows
            .iter()
            .enumerate()
            .map(|(idx, (pop, forces, _, _))| member(&format!("M{idx}"), *pop, *forces, Parliament::NotRequired))
            .collect();
        let refs: Vec<&Member> = members.iter().collect();
        let decisions: Vec<MemberDecision> = rows.iter().map(|(_, _, hours, yes)| decision(*hours, *yes)).collect();
        let all = unanimity(&decisions).hours_or_infinity();
        let rule = QualifiedMajority { states_share, population_share, blocking_min_states };
        let majority = qualified_majority(&refs, &decisions, rule).hours_or_infinity();
        let willing = coalition_of_the_willing(&refs, &decisions, force_share).hours_or_infinity();
        // A coalition of forceless states is paralysed whatever unanimity does; the property
        // concerns bodies with forces.
        let total_forces: f64 = members.iter().map(|m| m.forces).sum();
        prop_assert!(all >= majority, "unanimity {all} < majority {majority}");
        if total_forces > 0.0 {
            prop_assert!(all >= willing, "unanimity {all} < coalition {willing}");
        }
    }

    /// The rules (sorting in reused room, without allocating) give exactly the outcome of the
    /// stable-sort reference, hours bit for bit, ties in hours included (hours drawn from a
    /// few values so that ties are common).
    #[test]
    fn rules_equal_the_stable_sort_reference_bit_for_bit(
        // Up to 80 members: bodies of more than 64 take the pairs' sort instead of the keys'.
        rows in prop::collection::vec((1.0..1e8f64, 0.0..5e5f64, 0u8..6, prop::bool::weighted(0.85)), 0..80),
        states_share in 0.0..1.0f64,
        population_share in 0.0..1.0f64,
        blocking_min_states in 0usize..6,
        force_share in 0.0..1.0f64,
    ) {
        let members: Vec<Member> = rows
            .iter()
            .enumerate()
            .map(|(idx, (pop, forces, _, _))| member(&format!("M{idx}"), *pop, *forces, Parliament::NotRequired))
            .collect();
        let refs: Vec<&Member> = members.iter().collect();
        let decisions: Vec<MemberDecision> =
            rows.iter().map(|(_, _, hours, yes)| decision(f64::from(*hours) * 7.5, *yes)).collect();
        let qmv = QualifiedMajority { states_share, population_share, blocking_min_states };
        for rule in [Rule::Unanimity, Rule::QualifiedMajority(qmv), Rule::CoalitionOfTheWilling] {
            let got = apply_rule(rule, &refs, &decisions, force_share);
            let want = reference_rule(rule, &refs, &decisions, force_share);
            prop_assert_eq!(got.hours_or_infinity().to_bits(), want.hours_or_infinity().to_bits(), "{:?}", rule);
        }
    }

    /// Through the whole draw, with and without the US: unanimity of a body is never faster
    /// than qualified majority of a body with the same members (both on the council
    /// instructions), and no body's decision backed by forces comes before the coalition of
    /// the willing of the same members; no backed decision before its decision.
    #[test]
    fn drawn_unanimity_is_never_faster(seed in 0u64..1000, share in 0.05..1.0f64) {
        let mut inputs = three_member_inputs();
        inputs.bodies[1].includes_us = true;
        inputs.params.coalition_force_share = share;
        inputs.params.government_refusal_probability = 0.2;
        inputs.params.parliament_refusal_probability = 0.2;
        let outcome = draw(&inputs, &mut TestRng::new(seed));
        let cases = [
            (&outcome.with_us, &outcome.forces_with_us),
            (&outcome.without_us, &outcome.forces_without_us),
        ];
        for (decided, backed) in cases {
            let all = decided[0].hours_or_infinity();
            prop_assert!(all >= decided[1].hours_or_infinity());
            let willing = decided[2].hours_or_infinity();
            prop_assert!(backed[0].hours_or_infinity() >= willing);
            prop_assert!(backed[1].hours_or_infinity() >= willing);
            for body in 0..3 {
                prop_assert!(backed[body].hours_or_infinity() >= decided[body].hours_or_infinity());
            }
        }
    }
}

#[test]
fn the_earliest_order_agrees_with_the_full_draw_draw_by_draw() {
    let mut inputs = three_member_inputs();
    inputs.params.government_refusal_probability = 0.2;
    inputs.params.parliament_refusal_probability = 0.2;
    for seed in 0..200 {
        for with_us in [true, false] {
            let full = draw(&inputs, &mut TestRng::new(seed));
            let bodies = if with_us { &full.forces_with_us } else { &full.forces_without_us };
            let expected = bodies[0].earliest(bodies[2]);
            let got = earliest_order(&inputs, &mut TestRng::new(seed), &[0, 2], with_us);
            assert_eq!(got, expected, "seed {seed}, with_us {with_us}");
        }
    }
}

#[test]
fn total_order_keys_sort_as_total_cmp() {
    let values = [
        f64::NEG_INFINITY,
        -1e300,
        -2.5,
        -1e-310,
        -0.0,
        0.0,
        1e-310,
        1e-300,
        0.5,
        1.0,
        24.0,
        1e300,
        f64::INFINITY,
        f64::NAN,
        -f64::NAN,
    ];
    for a in values {
        for b in values {
            assert_eq!(total_order_key(a).cmp(&total_order_key(b)), a.total_cmp(&b), "{a} vs {b}");
        }
    }
}

/// `n` members with no parliament vote and the given common refusal probability and
/// correlation, no US, no bodies.
fn refusal_inputs(n: usize, refusal: f64, correlation: f64) -> DecisionInputs {
    DecisionInputs {
        members: (0..n).map(|idx| member(&format!("M{idx:02}"), 1.0, 1.0, Parliament::NotRequired)).collect(),
        us: None,
        bodies: Vec::new(),
        params: DecisionParams {
            government_refusal_probability: refusal,
            refusal_correlation: correlation,
            ..DecisionParams::default()
        },
    }
}

/// Per draw, how many governments refuse.
fn refusal_counts(inputs: &DecisionInputs, seed: u64, n_draws: usize) -> Vec<f64> {
    let mut rng = TestRng::new(seed);
    let (mut draws, mut decisions) = (Vec::new(), Vec::new());
    (0..n_draws)
        .map(|_| {
            draw_members(inputs, &inputs.params, &mut rng, &mut draws, &mut decisions);
            decisions.iter().filter(|d| !d.council.yes).count() as f64
        })
        .collect()
}

fn mean_and_variance(values: &[f64]) -> (f64, f64) {
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    (mean, values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0))
}

/// The common shock keeps the mean number of refusing governments, `n r`, and multiplies its
/// variance `n r (1 − r)` by `1 + (n − 1) ρ` (the beta-binomial's). 30 governments, `r` 0.05,
/// `ρ` 0.3, 40,000 draws each: the means within 0.08 of 1.5 (five standard errors of the
/// correlated count, sd 3.7, over 40,000 draws: 0.019 each), the variances within 20 % of
/// 1.425 and 13.8 (about three standard errors of the correlated count's variance, whose
/// all-or-nothing tail makes its estimate noisy: about 6 % at 40,000 draws).
#[test]
fn correlated_refusals_keep_the_mean_and_raise_the_variance() {
    let (n, r, rho, n_draws) = (30, 0.05, 0.3, 40_000);
    let (mean_0, var_0) = mean_and_variance(&refusal_counts(&refusal_inputs(n, r, 0.0), 5, n_draws));
    let (mean_1, var_1) = mean_and_variance(&refusal_counts(&refusal_inputs(n, r, rho), 5, n_draws));
    let expected_mean = n as f64 * r;
    let independent = n as f64 * r * (1.0 - r);
    let correlated = independent * (1.0 + (n as f64 - 1.0) * rho);
    assert!((mean_0 - expected_mean).abs() < 0.08, "mean {mean_0} without correlation");
    assert!((mean_1 - expected_mean).abs() < 0.08, "mean {mean_1} with correlation");
    assert!((var_0 / independent - 1.0).abs() < 0.2, "variance {var_0}, expected {independent}");
    assert!((var_1 / correlated - 1.0).abs() < 0.2, "variance {var_1}, expected {correlated}");
}

/// A stream that counts the uniforms and times it hands out.
struct Counting(TestRng, usize);

impl DecisionRng for Counting {
    fn unit(&mut self) -> f64 {
        self.1 += 1;
        self.0.unit()
    }
    fn government_hours(&mut self) -> GovernmentHours {
        self.1 += 1;
        self.0.government_hours()
    }
    fn parliament_hours(&mut self) -> f64 {
        self.1 += 1;
        self.0.parliament_hours()
    }
}

/// With `ρ = 0` a draw is what the model drew before refusals could share a cause: each
/// member decided on its own from the same five values of the stream, in member order, the US
/// last, and nothing more drawn; with `ρ > 0` one uniform more, after the US, so that the
/// members' own draws stay the same.
#[test]
fn without_correlation_the_draws_are_the_independent_ones_bit_for_bit() {
    let mut inputs = three_member_inputs();
    inputs.params.government_refusal_probability = 0.3;
    inputs.params.parliament_refusal_probability = 0.3;
    inputs.params.refusal_correlation = 0.0;
    let us = inputs.us.clone().unwrap();
    for seed in 0..300 {
        let mut rng = Counting(TestRng::new(seed), 0);
        let (mut draws, mut decisions) = (Vec::new(), Vec::new());
        let us_decision = draw_members(&inputs, &inputs.params, &mut rng, &mut draws, &mut decisions);
        let mut reference = Counting(TestRng::new(seed), 0);
        for (member, got) in inputs.members.iter().zip(&decisions) {
            assert_eq!(*got, member_decision(member, &inputs.params, &mut reference), "seed {seed}");
        }
        assert_eq!(us_decision, Some(member_decision(&us, &inputs.params, &mut reference)));
        assert_eq!((rng.1, rng.0.unit().to_bits()), (reference.1, reference.0.unit().to_bits()));
        let mut correlated = inputs.clone();
        correlated.params.refusal_correlation = 0.5;
        let mut rng = Counting(TestRng::new(seed), 0);
        draw_members(&correlated, &correlated.params, &mut rng, &mut draws, &mut decisions);
        // Five values per member (two times and three uniforms), four members; then the shock's.
        assert_eq!((reference.1, rng.1), (5 * 4, 5 * 4 + 1));
    }
}

/// A hold-out's government refuses at its own probability; its parliament still votes as any
/// other (here never refusing), and with the common shock the hold-out refuses whenever a
/// government with a lower probability does.
#[test]
fn a_holdout_refuses_at_its_own_probability_and_first_under_a_common_shock() {
    let mut inputs = refusal_inputs(10, 0.02, 0.5);
    inputs.params.parliament_refusal_probability = 0.0;
    inputs.members[3].refusal_probability = Some(0.4);
    let mut rng = TestRng::new(9);
    let (mut draws, mut decisions) = (Vec::new(), Vec::new());
    let n_draws = 20_000;
    let (mut holdout_refusals, mut shocks) = (0, 0);
    for _ in 0..n_draws {
        draw_members(&inputs, &inputs.params, &mut rng, &mut draws, &mut decisions);
        let holdout = decisions[3];
        holdout_refusals += usize::from(!holdout.council.yes);
        assert_eq!(holdout.council.yes, holdout.forces.yes, "a government's no withholds its forces");
        // All nine others refusing at 0.02 each on their own never happens (5e-16): a shock.
        if decisions.iter().enumerate().all(|(idx, d)| idx == 3 || !d.council.yes) {
            shocks += 1;
            assert!(!holdout.council.yes, "the shock that makes the others refuse makes it refuse");
        }
    }
    // About 0.5 × 0.02 × 20,000 = 200 such shocks.
    assert!(shocks > 100, "{shocks}");
    // 0.4 within 0.02 (five standard errors of 20,000 draws: 0.0035 each).
    let share = holdout_refusals as f64 / n_draws as f64;
    assert!((share - 0.4).abs() < 0.02, "{share}");
}

fn arbitrary_draw_inputs() -> impl Strategy<Value = (DecisionInputs, u64)> {
    let member_rows =
        prop::collection::vec((1.0..1e8f64, 0.0..5e5f64, 0usize..3, prop::bool::weighted(0.9)), 1..40);
    let bodies = prop::collection::vec(
        (prop::collection::vec(0usize..40, 0..45), 0usize..3, prop::bool::ANY, prop::bool::ANY),
        1..6,
    );
    (member_rows, bodies, 0.05..1.0f64, 0.0..0.3f64, 0.0..1.0f64, prop::bool::ANY, any::<u64>()).prop_map(
        |(rows, bodies, share, refusal, correlation, with_us, seed)| {
            let n = rows.len();
            let rules = [
                Rule::Unanimity,
                Rule::QualifiedMajority(QualifiedMajority::EU_COUNCIL),
                Rule::CoalitionOfTheWilling,
            ];
            let parliaments = [Parliament::Required, Parliament::NotRequired, Parliament::Unknown];
            let members = rows
                .iter()
                .enumerate()
                .map(|(idx, (population, forces, rule, _))| {
                    member(&format!("M{idx:02}"), *population, *forces, parliaments[*rule])
                })
                .collect();
            let bodies = bodies
                .into_iter()
                .map(|(mut members, rule, includes_us, sorted)| {
                    members.retain(|idx| *idx < n);
                    // Most bodies list their members in order, as the assessment builds them;
                    // the others (any order, repeats) take the per-body path.
                    if sorted {
                        members.sort_unstable();
                        members.dedup();
                    }
                    Body { name: "b".into(), rule: rules[rule], members, includes_us }
                })
                .collect();
            let params = DecisionParams {
                coalition_force_share: share,
                government_refusal_probability: refusal,
                parliament_refusal_probability: refusal,
                refusal_correlation: correlation,
                ..DecisionParams::default()
            };
            let us = with_us.then(|| member("USA", 3e8, 8e4, Parliament::NotRequired));
            (DecisionInputs { members, us, bodies, params }, seed)
        },
    )
}

proptest! {
    /// The one sort per draw gives every body's outcomes bit for bit as the per-body sorts.
    #[test]
    fn one_sort_per_draw_equals_the_per_body_path_bit_for_bit((inputs, seed) in arbitrary_draw_inputs()) {
        let bits = |outcomes: &[RuleOutcome]| -> Vec<u64> {
            outcomes.iter().map(|o| o.hours_or_infinity().to_bits()).collect()
        };
        let sorted = draw_by(&inputs, &inputs.params, &mut TestRng::new(seed), Path::Sorted);
        let per_body = draw_by(&inputs, &inputs.params, &mut TestRng::new(seed), Path::PerBody);
        prop_assert_eq!(bits(&sorted.with_us), bits(&per_body.with_us));
        prop_assert_eq!(bits(&sorted.without_us), bits(&per_body.without_us));
        prop_assert_eq!(bits(&sorted.forces_with_us), bits(&per_body.forces_with_us));
        prop_assert_eq!(bits(&sorted.forces_without_us), bits(&per_body.forces_without_us));
    }
}
