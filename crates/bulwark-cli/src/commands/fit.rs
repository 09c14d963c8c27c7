//! `bulwark fit lanchester`: reads a strength series, fits the chosen law, prints the result.

use std::io::Write;

use bulwark_core::{suggest::did_you_mean, InputError};
use bulwark_data::read_text_file;
use bulwark_models::attrition::{fit, Columns, FitSpec, Law, Series};
use bulwark_report::fit_view;

use super::{user_error, write};
use crate::args::{FitArgs, FitFormat};
use crate::Failure;

/// Largest series file we read.
const MAX_SERIES_BYTES: usize = 16 * 1024 * 1024;

pub(crate) fn lanchester(args: &FitArgs, out: &mut dyn Write) -> Result<(), Failure> {
    let Some(law) = Law::parse(&args.law) else {
        return Err(user_error(
            InputError::whole_file("command line", format!("unknown law `{}`", args.law))
                .with_field("--law")
                .with_expected("square, linear, log or helmbold")
                .with_suggestion(did_you_mean(&args.law, Law::NAMES)),
        ));
    };
    let label = args.file.display().to_string();
    let text = read_text_file(&args.file, MAX_SERIES_BYTES).map_err(user_error)?;
    let mut columns = Columns::default();
    if let Some(c) = &args.time {
        columns = columns.with_time(c);
    }
    if let Some(c) = &args.blue {
        columns = columns.with_blue(c);
    }
    if let Some(c) = &args.red {
        columns = columns.with_red(c);
    }
    if let Some(c) = &args.reinforcements {
        columns = columns.with_blue_reinforcements(c);
    }
    if let Some(c) = &args.red_reinforcements {
        columns = columns.with_red_reinforcements(c);
    }
    let series = Series::parse_csv(&label, &text, &columns).map_err(user_error)?;
    let mut spec = FitSpec::new(law);
    spec.start_time = args.start;
    spec.blue_initial = args.blue_initial;
    spec.red_initial = args.red_initial;
    let fitted = fit(&series, &spec).map_err(|err| {
        // The model refuses inputs it cannot fit (a side without a start strength, too few
        // rows); that is the user's file or flags, reported as such.
        eprintln!("error: {label}: {err}");
        Failure::User
    })?;
    let text = match args.format {
        FitFormat::Text => fit_view::summary(&fitted, &label),
        FitFormat::Csv => fit_view::curve_csv(&fitted),
    };
    write(out, &text)
}
