//! Reading a typed decimal number without `str::parse::<f64>`.
//!
//! The standard library's float reader is exact for every input, and for that it carries an
//! 11 KB table of powers of five; in the wasm it cost about 13 KB of the brotli download (the
//! benchmark's first-load figure). A number question only needs what a person types: a few
//! digits, perhaps a decimal point and an exponent. Up to 15 significant digits and a power of
//! ten up to 22 this gives the same, correctly rounded `f64` as `str::parse` (one exact integer
//! multiplied or divided by one exact power of ten rounds once), which is also how `serde_json`
//! reads a definition's `min` and `max`, so the two agree at the edges. Beyond that it is within
//! a few units in the last place, far finer than any answer a form asks for.

/// The powers of ten that are exact in an `f64`.
const EXACT_POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Reads `[+-]digits[.digits][(e|E)[+-]digits]` (at least one digit before the exponent), as
/// `str::parse::<f64>` would; `None` for anything else and for numbers too large to hold.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let negative = take_sign(bytes, &mut i);
    let mut significand: u64 = 0;
    let mut significant_digits = 0u32;
    // The power of ten the significand is to be scaled by.
    let mut exponent: i64 = 0;
    let mut digits = 0u32;
    let mut seen_point = false;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'0'..=b'9' => {
                digits += 1;
                if significant_digits < 19 {
                    significand = significand * 10 + u64::from(b - b'0');
                    if significand > 0 {
                        significant_digits += 1;
                    }
                    if seen_point {
                        exponent -= 1;
                    }
                } else if !seen_point {
                    // A digit past what the significand holds still counts in the magnitude.
                    exponent += 1;
                }
            }
            b'.' if !seen_point => seen_point = true,
            _ => break,
        }
        i += 1;
    }
    if digits == 0 {
        return None;
    }
    if let Some(b'e' | b'E') = bytes.get(i) {
        i += 1;
        let exponent_negative = take_sign(bytes, &mut i);
        let start = i;
        let mut written: i64 = 0;
        while let Some(&b @ b'0'..=b'9') = bytes.get(i) {
            written = (written * 10 + i64::from(b - b'0')).min(100_000);
            i += 1;
        }
        if i == start {
            return None;
        }
        exponent += if exponent_negative { -written } else { written };
    }
    if i != bytes.len() {
        return None;
    }
    let magnitude = scale(significand as f64, exponent);
    let value = if negative { -magnitude } else { magnitude };
    value.is_finite().then_some(value)
}

/// Steps over a `+` or `-` at `i`; `true` for a minus.
fn take_sign(bytes: &[u8], i: &mut usize) -> bool {
    match bytes.get(*i) {
        Some(b'-') => {
            *i += 1;
            true
        }
        Some(b'+') => {
            *i += 1;
            false
        }
        _ => false,
    }
}

/// `value × 10^exponent`, one rounding when the power of ten is exact.
fn scale(value: f64, exponent: i64) -> f64 {
    if value == 0.0 {
        return 0.0;
    }
    // Called with exponents of zero or more only.
    let power = |e: i64| -> f64 {
        let e = e.min(400);
        EXACT_POWERS_OF_TEN
            .get(e as usize)
            .copied()
            .unwrap_or_else(|| 10f64.powi(e as i32))
    };
    if exponent >= 0 {
        value * power(exponent)
    } else if exponent >= -22 {
        value / power(-exponent)
    } else {
        // Two steps so a tiny result does not pass through an infinite power of ten.
        value / power(22) / power((-exponent - 22).min(400))
    }
}
