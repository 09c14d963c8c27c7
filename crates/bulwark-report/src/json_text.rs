//! JSON documents as text: pretty-printed, with every negative zero written as `0`.
//!
//! Rust's float `sum` of an empty iterator is `-0.0`, and a product with a zero share keeps the
//! sign; `-0.0` in a report reads as a number below zero to a reader and to tools that compare
//! text, so every document goes through [`pretty`].

use serde_json::Value;

/// `value` pretty-printed, with a final newline and negative zeros written as `0`.
pub(crate) fn pretty(mut value: Value) -> String {
    positive_zeros(&mut value);
    serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
}

fn positive_zeros(value: &mut Value) {
    match value {
        Value::Number(n) if n.as_f64() == Some(0.0) && n.as_f64().is_some_and(f64::is_sign_negative) => {
            *value = Value::from(0.0);
        }
        Value::Array(items) => items.iter_mut().for_each(positive_zeros),
        Value::Object(map) => map.values_mut().for_each(positive_zeros),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn negative_zeros_are_written_as_zero_everywhere() {
        let text = pretty(json!({ "a": -0.0, "b": [1.5, -0.0, { "c": -0.0 }], "d": -2.0 }));
        assert!(!text.contains("-0"), "{text}");
        assert!(text.contains("-2.0"), "other negatives stay: {text}");
        assert!(text.ends_with("}\n"));
    }
}
