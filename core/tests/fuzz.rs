//! Property tests of what a learner can hand the app: weight files (real exports, then damaged)
//! and architecture settings (any numbers). Whatever arrives, nothing panics, every call returns
//! quickly, and every refusal is a sentence in English and in Korean.
//!
//! Each property runs a modest number of cases so CI stays fast; `PROPTEST_CASES` overrides it
//! (`tools/fuzz.sh` runs 20,000 of each in release).
// Native only: proptest is a native dev-dependency (the wasm32 lint of all targets skips this).
#![cfg(not(target_arch = "wasm32"))]

use convlab_core::lang::Lang;
use convlab_core::nn::arch::{ArchPreset, ArchSettings, ConvBlock, Cost, ARCH_KEY, MAX_PARAMS};
use convlab_core::nn::error::quoted;
use convlab_core::nn::{Extent, Mode, ModelConfig, NnError, Sequential, Summary, WeightsError};
use convlab_core::text::{EN, KO};
use proptest::prelude::*;
use safetensors::SafeTensors;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Far above what any call needs (milliseconds in release); a case past it is a hang or a
/// quadratic walk over a megabyte, not noise.
const BOUND: Duration = Duration::from_secs(2);

/// `cases` per property unless `PROPTEST_CASES` says otherwise: `with_cases` alone would
/// override the variable proptest reads.
fn config(cases: u32) -> ProptestConfig {
    let mut c = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        c.cases = cases;
    }
    c
}

fn timed<T>(what: &str, f: impl FnOnce() -> T) -> Result<T, TestCaseError> {
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    prop_assert!(took < BOUND, "{what} took {took:?}");
    Ok(out)
}

fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// What a message repeats from the file, as it repeats it (cut by `quoted`): the only text in
/// a sentence that may hold braces, quotes or newlines.
fn from_the_file(e: &NnError) -> Vec<String> {
    let w = match e {
        NnError::Weights(w) => w,
        _ => return Vec::new(),
    };
    match w {
        WeightsError::Missing(s)
        | WeightsError::Unexpected(s)
        | WeightsError::NotFinite(s)
        | WeightsError::Shape { name: s, .. } => vec![quoted(s)],
        WeightsError::Dtype { name, got } => vec![quoted(name), quoted(got)],
        // A damaged file and a refused architecture are said in our own words only.
        WeightsError::Corrupt(_) | WeightsError::Architecture(_) => Vec::new(),
    }
}

/// A refusal is a short sentence in each language, every placeholder filled.
fn says_why(e: &NnError) -> Result<(), TestCaseError> {
    let en = e.message(Lang::En);
    let ko = e.message(Lang::Ko);
    prop_assert!(!en.trim().is_empty() && !ko.trim().is_empty(), "{e:?}");
    prop_assert_ne!(&en, &ko);
    prop_assert!(ko.chars().any(is_hangul), "no Korean in {ko:?}");
    for m in [&en, &ko] {
        prop_assert!(m.chars().count() < 400, "{} chars: {m}", m.chars().count());
        let mut ours = m.clone();
        for s in from_the_file(e) {
            ours = ours.replace(&s, "");
        }
        prop_assert!(
            !ours.contains(['{', '}', '\n']),
            "a placeholder or a line break in {m:?}"
        );
        if m == &en {
            prop_assert!(!ours.chars().any(is_hangul), "Korean in {en:?}");
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Architecture settings
// ---------------------------------------------------------------------------------------------

/// Mostly sizes the editor offers, sometimes any 32-bit number, sometimes the values where
/// 32- and 64-bit arithmetic wrap.
fn size() -> impl Strategy<Value = usize> {
    prop_oneof![
        1 => Just(0),
        8 => 1usize..=6,
        3 => 0usize..=40,
        1 => any::<u32>().prop_map(|v| v as usize),
        1 => prop::sample::select(vec![
            4_000_000_000,
            u32::MAX as usize,
            1 << 31,
            1 << 32,
            (1 << 32) + 1,
            usize::MAX / 2,
            usize::MAX / 2 + 1,
            usize::MAX,
        ]),
    ]
}

fn probability() -> impl Strategy<Value = f32> {
    prop_oneof![
        4 => 0.0f32..0.95,
        1 => any::<f32>(),
        1 => prop::sample::select(vec![
            f32::NAN, f32::INFINITY, f32::NEG_INFINITY, -0.1, 1.0, 0.95, -0.0
        ]),
    ]
}

fn block() -> impl Strategy<Value = ConvBlock> {
    (
        size(),
        size(),
        size(),
        size(),
        size(),
        any::<bool>(),
        size(),
        size(),
    )
        .prop_map(
            |(out_channels, kernel, stride, padding, dilation, pool, pool_kernel, pool_padding)| {
                ConvBlock {
                    out_channels,
                    kernel,
                    stride,
                    padding,
                    dilation,
                    pool,
                    pool_kernel,
                    pool_padding,
                }
            },
        )
}

fn settings() -> impl Strategy<Value = ArchSettings> {
    (
        prop::collection::vec(block(), 1..=6),
        prop_oneof![3 => 0usize..=200, 1 => size(), 1 => Just(1_000_000_000)],
        probability(),
    )
        .prop_map(|(blocks, hidden, dropout)| ArchSettings {
            blocks,
            hidden,
            dropout,
        })
}

/// The oracle: output side of one window in exact 128-bit arithmetic (no size here reaches
/// 2^64, so nothing in it can wrap), `None` where PyTorch refuses the window.
fn side(input: u128, kernel: u128, stride: u128, padding: u128, dilation: u128) -> Option<u128> {
    if kernel == 0 || stride == 0 || dilation == 0 {
        return None;
    }
    let span = dilation * (kernel - 1) + 1;
    let padded = input + 2 * padding;
    (span <= padded).then(|| (padded - span) / stride + 1)
}

/// The flattened size `arch` gives, worked out independently of the core, or `None` when some
/// layer refuses (a zero, a window too large, pool padding over half its kernel, a size past
/// `usize`).
fn reference_features(arch: &ArchSettings) -> Option<u128> {
    let fits = |n: u128| (n <= usize::MAX as u128).then_some(n);
    let mut hw = 28u128;
    let mut channels = 1u128;
    for b in &arch.blocks {
        if b.out_channels == 0 {
            return None;
        }
        let (k, s, p, d) = (b.kernel, b.stride, b.padding, b.dilation);
        // A padded side past `usize` is refused even where the window would fit in it.
        fits(hw + 2 * p as u128)?;
        hw = fits(side(hw, k as u128, s as u128, p as u128, d as u128)?)?;
        channels = b.out_channels as u128;
        if b.pool {
            let (k, p) = (b.pool_kernel, b.pool_padding);
            if k == 0 || p > k / 2 {
                return None;
            }
            fits(hw + 2 * p as u128)?;
            hw = fits(side(hw, k as u128, k as u128, p as u128, 1)?)?;
        }
    }
    let features = fits(channels.checked_mul(hw)?.checked_mul(hw)?)?;
    let hidden_ok = arch.hidden > 0 && (0.0..1.0).contains(&arch.dropout);
    hidden_ok.then_some(features)
}

/// Parameters the model of `arch` has, from the same oracle, saturating at `u64::MAX`.
fn reference_params(arch: &ArchSettings, features: u128) -> u64 {
    let mut n = 0u128;
    let mut c_in = 1u128;
    for b in &arch.blocks {
        let c = b.out_channels as u128;
        let k = b.kernel as u128;
        n = n
            .saturating_add(c.saturating_mul(c_in).saturating_mul(k).saturating_mul(k))
            .saturating_add(c);
        c_in = c;
    }
    let h = arch.hidden as u128;
    n = n.saturating_add(features.saturating_mul(h).saturating_add(h));
    n = n.saturating_add(h * 10 + 10);
    n.min(u64::MAX as u128) as u64
}

proptest! {
    #![proptest_config(config(4000))]

    /// Any settings: the shapes, the cost, the summary and the checked model agree with the
    /// oracle and with each other, and a refusal says why in both languages.
    #[test]
    fn any_settings_are_built_or_refused_with_a_sentence(arch in settings()) {
        let model = timed("to_model", || arch.to_model())?;
        let shapes = timed("shapes", || model.shapes(1))?;
        let cost = timed("Cost::of", || Cost::of(&model))?;
        let summary = timed("Summary::of", || Summary::of(&model))?;
        let checked = timed("checked_model", || arch.checked_model(256))?;
        for pool in [EN.model.outline_pool, KO.model.outline_pool] {
            let outline = timed("outline", || arch.outline(pool))?;
            prop_assert_eq!(outline.matches(" → ").count(), arch.blocks.len() + 1);
        }

        let expected = reference_features(&arch);
        prop_assert_eq!(shapes.is_ok(), expected.is_some(), "{:?} vs {:?}", shapes, expected);
        match (&shapes, &cost, &summary) {
            (Ok(shapes), Ok(cost), Ok(summary)) => {
                let features = expected.expect("checked above");
                let flat = &shapes[shapes.len() - 5];
                prop_assert_eq!(flat, &vec![1, features as usize]);
                prop_assert_eq!(shapes.last(), Some(&vec![1, 10]));
                let params = reference_params(&arch, features);
                prop_assert_eq!(cost.params, params);
                prop_assert_eq!(summary.total_params, params);
                prop_assert!(summary.rows.iter().all(|r| r.output_shape[1..].iter().all(|&d| d > 0)));
                prop_assert!(summary.forward_backward_mb.is_finite() && summary.params_mb >= 0.0);
            }
            (Err(a), Err(b), Err(c)) => {
                // By their sentences: a NaN dropout makes the errors themselves unequal.
                prop_assert_eq!(a.to_string(), b.to_string());
                prop_assert_eq!(a.to_string(), c.to_string());
                says_why(a)?;
            }
            _ => prop_assert!(false, "shapes {:?}, cost {:?}, summary {:?}", shapes, cost, summary),
        }

        // Only one way: the editor's own range limits may refuse more than the cost does.
        match (checked, cost) {
            (Ok(m), Ok(cost)) => {
                prop_assert_eq!(&m, &model);
                prop_assert!(cost.params <= MAX_PARAMS);
                prop_assert!(cost.check(256).is_ok());
                // A model a tab would train runs; the small ones run here too (strides and
                // paddings of billions reach the window arithmetic of the forward pass).
                if cost.params <= 200_000 && cost.macs <= 2_000_000 {
                    let mut net = timed("build", || m.build(0))?.expect("a checked model builds");
                    prop_assert_eq!(net.num_params() as u64, cost.params);
                    let x = ndarray::ArrayD::from_elem(ndarray::IxDyn(&[1, 1, 28, 28]), 0.5f32);
                    let y = timed("forward", || net.forward(&x, Mode::Eval).map(|y| y.shape().to_vec()))?;
                    prop_assert_eq!(y, Ok(vec![1, 10]));
                }
            }
            (Ok(m), Err(e)) => prop_assert!(false, "{m:?} was checked, but it has no cost: {e:?}"),
            (Err(e), cost) => {
                says_why(&e)?;
                if let Ok(cost) = cost {
                    if let Err(too_much) = cost.check(256) {
                        says_why(&too_much)?;
                    }
                }
            }
        }
    }

    /// Adding and removing blocks keeps between one and four of them, whatever their numbers.
    #[test]
    fn blocks_are_added_and_removed_within_the_limits(arch in settings(), remove in 0usize..8) {
        let mut a = arch.clone();
        timed("add_block", || a.add_block())?;
        prop_assert_eq!(a.blocks.len(), arch.blocks.len().max(4).min(arch.blocks.len() + 1));
        prop_assert!(a.blocks.last().unwrap().out_channels <= 256 || a.blocks.len() == arch.blocks.len());
        a.remove_block(remove);
        prop_assert!(!a.blocks.is_empty());
    }
}

/// Found by the property above: a padding of 4,000,000,000 makes maps of 8,000,000,026² cells,
/// whose count wrapped in `to_model` and `Flatten` (a panic in a debug build, a wrong
/// `in_features` and parameter count in a release one).
#[test]
fn a_padding_of_four_billion_is_refused_by_its_size() {
    let mut arch = ArchSettings::default();
    arch.blocks[0].padding = 4_000_000_000;
    arch.blocks[0].pool = false;
    arch.blocks.truncate(1);
    let e = arch.to_model().shapes(1).unwrap_err();
    let shape = vec![1, 16, 8_000_000_026, 8_000_000_026];
    assert_eq!(
        e,
        NnError::InLayer {
            index: 3,
            kind: "Flatten".into(),
            source: Box::new(NnError::Overflow(Extent::Values { shape })),
        }
    );
    assert_eq!(
        e.to_string(),
        "Layer Flatten-3: A tensor of shape (1, 16, 8000000026, 8000000026) would hold more than \
         18,446,744,073,709,551,615 values, the most this machine can count."
    );
    assert!(e
        .message(Lang::Ko)
        .contains("(1, 16, 8000000026, 8000000026)인 텐서"));
    assert!(arch.checked_model(256).is_err());
}

/// Found by the property above: a kernel of 2³³ fits a padding of 2³³, and its 2⁶⁶ taps
/// wrapped in `Cost::of`; they count as saturated now, far over every limit.
#[test]
fn a_kernel_past_four_billion_costs_too_much_instead_of_wrapping() {
    let mut arch = ArchSettings::default();
    arch.blocks.truncate(1);
    let b = &mut arch.blocks[0];
    (b.kernel, b.padding, b.stride, b.pool) = (1 << 33, 1 << 33, 1 << 40, false);
    let cost = Cost::of(&arch.to_model()).unwrap();
    assert_eq!(cost.macs, u64::MAX);
    assert!(matches!(
        cost.check(256),
        Err(NnError::TooManyParams { .. })
    ));
    // Past the editor's range too, which every reader checks first.
    assert!(matches!(
        arch.checked_model(256),
        Err(NnError::OutOfRange { .. })
    ));
}

/// Found by the property above: doubling the last block's filters for a new block overflowed.
#[test]
fn a_block_after_a_huge_one_gets_256_filters() {
    let mut arch = ArchSettings::default();
    arch.blocks[1].out_channels = usize::MAX;
    arch.add_block();
    assert_eq!(arch.blocks[2].out_channels, 256);
}

// ---------------------------------------------------------------------------------------------
// Weight files
// ---------------------------------------------------------------------------------------------

/// A real export: what it states, the weights it holds (in `named_parameters` order) and its bytes.
struct Export {
    arch: ArchSettings,
    values: Vec<f32>,
    bytes: Vec<u8>,
}

/// One export of each preset (its architecture in the metadata) and the seed model's plain file
/// (no metadata, as PyTorch writes it).
fn exports() -> &'static [Export] {
    static EXPORTS: OnceLock<Vec<Export>> = OnceLock::new();
    EXPORTS.get_or_init(|| {
        let mut out: Vec<Export> = ArchPreset::ALL
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let arch = p.settings();
                let model = arch.to_model().build(i as u64 + 1).unwrap();
                Export {
                    bytes: arch.export(&model),
                    values: model.flat_values(),
                    arch,
                }
            })
            .collect();
        let seed = ModelConfig::seed().build(7).unwrap();
        out.push(Export {
            arch: ArchSettings::default(),
            values: seed.flat_values(),
            bytes: seed.to_safetensors(),
        });
        out
    })
}

/// The model files are loaded into (built once: drawing its weights dominates a debug run).
fn seed_model() -> &'static Sequential {
    static SEED: OnceLock<Sequential> = OnceLock::new();
    SEED.get_or_init(|| ModelConfig::seed().build(0).unwrap())
}

/// Names a file may give a tensor or a metadata key: the model's own, and text built to break a
/// sentence (braces like a template's placeholder, quotes, line breaks, a right-to-left
/// override, a megabyte).
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "conv1.0.weight", "conv1.0.bias", "conv2.0.weight", "classifier.1.weight",
            "classifier.4.bias", "__metadata__", "", " ",
        ]).prop_map(String::from),
        3 => prop::sample::select(vec![
            "{e|x}", "{name}", "{d|라고}", "}{", "\"", "\\\"", "a\nb", "\r\n", "\u{202E}thgiew.0.1vnoc",
            "conv1.0.weight\u{202E}", "\u{0}", "'; DROP", "{{}}", "%s%n", "\u{FEFF}",
        ]).prop_map(String::from),
        2 => "[{}\"\\\\\n\u{202E}a-z0-9.]{0,60}",
        1 => (0usize..4, prop::sample::select(vec!["x", "{", "\u{202E}", "\"", "\n"]))
            .prop_map(|(i, s)| s.repeat([1_000, 60_000, 300_000, 1_000_000][i])),
    ]
}

/// Numbers a header may state: near real offsets and sizes, and the ones that overflow.
fn number() -> impl Strategy<Value = u64> {
    prop_oneof![
        3 => 0u64..100,
        2 => 0u64..300_000,
        1 => any::<u64>(),
        1 => prop::sample::select(vec![
            4_294_967_295, 4_294_967_296, 4_000_000_000, u64::MAX, u64::MAX / 2, u64::MAX / 4 + 1,
            1 << 61, (1 << 62) - 1,
        ]),
    ]
}

/// A JSON number as text, including what JSON or our types cannot hold.
fn number_text() -> impl Strategy<Value = String> {
    prop_oneof![
        number().prop_map(|n| n.to_string()),
        prop::sample::select(vec![
            "4000000000",
            "-1",
            "0",
            "1e9",
            "1e400",
            "-0.5",
            "NaN",
            "Infinity",
            "null",
            "\"3\"",
            "18446744073709551616",
            "99999999999999999999999",
            "0.3",
            "1.0",
            "true",
            "[]",
            "{}",
        ])
        .prop_map(String::from),
    ]
}

/// A `convlab.arch` value: random settings, settings with one number replaced as text, or not
/// JSON at all.
fn arch_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => settings().prop_map(|a| serde_json::to_string(&a).unwrap()),
        3 => (settings(), any::<prop::sample::Index>(), number_text()).prop_map(|(a, i, n)| {
            let json = serde_json::to_string(&a).unwrap();
            let starts: Vec<usize> = json
                .match_indices(':')
                .map(|(at, _)| at + 1)
                .filter(|&at| json[at..].starts_with(|c: char| c.is_ascii_digit() || c == '-'))
                .collect();
            if starts.is_empty() {
                return json;
            }
            let at = starts[i.index(starts.len())];
            let end = json[at..].find([',', '}', ']']).map_or(json.len(), |e| at + e);
            format!("{}{}{}", &json[..at], n, &json[end..])
        }),
        1 => Just(r#"{"blocks":[],"hidden":32,"dropout":0.3}"#.to_string()),
        1 => Just(r#"{"blocks":[{"out_channels":16}],"hidden":32,"dropout":0.3}"#.to_string()),
        1 => name(),
        1 => (1usize..200_000).prop_map(|n| "[".repeat(n)),
        1 => Just(format!("{{\"x\":\"{}\"}}", "y".repeat(1_000_000))),
    ]
}

/// What a mutation does to the header's JSON (as a `serde_json::Value`).
#[derive(Clone, Debug)]
enum HeaderEdit {
    Offsets(prop::sample::Index, u64, u64),
    OffsetBy(prop::sample::Index, i64),
    Shape(prop::sample::Index, Vec<u64>),
    Dtype(prop::sample::Index, &'static str),
    Rename(prop::sample::Index, String),
    Remove(prop::sample::Index),
    Add(String, Vec<u64>),
    Arch(String),
    MetadataKey(String, String),
    MetadataNotText(String),
    NoMetadata,
    NotAnObject(String),
}

fn header_edit() -> impl Strategy<Value = HeaderEdit> {
    use HeaderEdit::*;
    let index = any::<prop::sample::Index>;
    let shape = || {
        prop_oneof![
            prop::collection::vec(number(), 0..5),
            prop::sample::select(vec![
                vec![4_294_967_295, 4_294_967_295],
                vec![u64::MAX],
                vec![1 << 62, 4],
                vec![0],
                vec![],
                vec![16, 1, 3, 3],
                vec![1; 64],
            ]),
        ]
    };
    prop_oneof![
        2 => (index(), number(), number()).prop_map(|(i, a, b)| Offsets(i, a, b)),
        2 => (index(), -8i64..8).prop_map(|(i, d)| OffsetBy(i, d)),
        2 => (index(), shape()).prop_map(|(i, s)| Shape(i, s)),
        1 => (index(), prop::sample::select(vec![
            "F64", "F16", "BF16", "I32", "I64", "U8", "BOOL", "F8_E4M3", "F4", "XYZ", "",
        ])).prop_map(|(i, d)| Dtype(i, d)),
        2 => (index(), name()).prop_map(|(i, n)| Rename(i, n)),
        1 => index().prop_map(Remove),
        1 => (name(), shape()).prop_map(|(n, s)| Add(n, s)),
        4 => arch_text().prop_map(Arch),
        1 => (name(), name()).prop_map(|(k, v)| MetadataKey(k, v)),
        1 => number_text().prop_map(MetadataNotText),
        1 => Just(NoMetadata),
        1 => number_text().prop_map(NotAnObject),
    ]
}

/// How a file is damaged.
#[derive(Clone, Debug)]
enum Mutation {
    None,
    Truncate(prop::sample::Index),
    Extend(Vec<u8>),
    HeaderLength(u64),
    FlipHeaderByte(prop::sample::Index, u8),
    Header(Vec<HeaderEdit>),
    Value(prop::sample::Index, f32),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    use Mutation::*;
    prop_oneof![
        1 => Just(None),
        2 => any::<prop::sample::Index>().prop_map(Truncate),
        1 => prop::collection::vec(any::<u8>(), 1..16).prop_map(Extend),
        2 => prop_oneof![number(), (0u64..8).prop_map(|d| d + 100)].prop_map(HeaderLength),
        2 => (any::<prop::sample::Index>(), 1u8..=255).prop_map(|(i, x)| FlipHeaderByte(i, x)),
        8 => prop::collection::vec(header_edit(), 1..4).prop_map(Header),
        1 => (any::<prop::sample::Index>(), prop::sample::select(vec![
            f32::NAN, f32::INFINITY, f32::NEG_INFINITY, 0.0, 1e38,
        ])).prop_map(|(i, v)| Value(i, v)),
    ]
}

fn split(bytes: &[u8]) -> (serde_json::Map<String, serde_json::Value>, &[u8]) {
    let n = u64::from_le_bytes(bytes[..8].try_into().unwrap()) as usize;
    let header = serde_json::from_slice(&bytes[8..8 + n]).unwrap();
    (header, &bytes[8 + n..])
}

fn join(header: &serde_json::Value, data: &[u8]) -> Vec<u8> {
    let text = serde_json::to_vec(header).unwrap();
    let mut out = (text.len() as u64).to_le_bytes().to_vec();
    out.extend(text);
    out.extend(data);
    out
}

fn edit_header(bytes: &[u8], edits: &[HeaderEdit]) -> Vec<u8> {
    use serde_json::{json, Value};
    let (mut h, data) = split(bytes);
    let mut whole = None;
    for edit in edits {
        let names: Vec<String> = h.keys().filter(|k| *k != "__metadata__").cloned().collect();
        let pick = |i: &prop::sample::Index| names[i.index(names.len())].clone();
        let meta = |h: &mut serde_json::Map<String, Value>| {
            if !h.get("__metadata__").is_some_and(Value::is_object) {
                h.insert("__metadata__".into(), json!({}));
            }
            h["__metadata__"].as_object_mut().unwrap().clone()
        };
        match edit {
            HeaderEdit::Offsets(i, a, b) => h[&pick(i)]["data_offsets"] = json!([a, b]),
            HeaderEdit::OffsetBy(i, d) => {
                let t = &mut h[&pick(i)]["data_offsets"];
                let end = t[1].as_u64().unwrap_or(0);
                t[1] = json!(end.saturating_add_signed(*d));
            }
            HeaderEdit::Shape(i, s) => h[&pick(i)]["shape"] = json!(s),
            HeaderEdit::Dtype(i, d) => h[&pick(i)]["dtype"] = json!(d),
            HeaderEdit::Rename(i, n) => {
                let t = h.remove(&pick(i)).unwrap();
                h.insert(n.clone(), t);
            }
            HeaderEdit::Remove(i) => {
                h.remove(&pick(i));
            }
            HeaderEdit::Add(n, s) => {
                let end = data.len() as u64;
                h.insert(
                    n.clone(),
                    json!({"dtype": "F32", "shape": s, "data_offsets": [end, end]}),
                );
            }
            HeaderEdit::Arch(a) => {
                let mut m = meta(&mut h);
                m.insert(ARCH_KEY.into(), json!(a));
                h["__metadata__"] = Value::Object(m);
            }
            HeaderEdit::MetadataKey(k, v) => {
                let mut m = meta(&mut h);
                m.insert(k.clone(), json!(v));
                h["__metadata__"] = Value::Object(m);
            }
            HeaderEdit::MetadataNotText(n) => {
                let v: Value = serde_json::from_str(n).unwrap_or(Value::Null);
                let mut m = meta(&mut h);
                m.insert(ARCH_KEY.into(), v);
                h["__metadata__"] = Value::Object(m);
            }
            HeaderEdit::NoMetadata => {
                h.remove("__metadata__");
            }
            HeaderEdit::NotAnObject(n) => whole = Some(n.clone()),
        }
    }
    match whole {
        Some(text) => {
            let mut out = (text.len() as u64).to_le_bytes().to_vec();
            out.extend(text.as_bytes());
            out.extend(data);
            out
        }
        None => join(&Value::Object(h), data),
    }
}

fn mutate(bytes: &[u8], m: &Mutation) -> Vec<u8> {
    let header_end = 8 + u64::from_le_bytes(bytes[..8].try_into().unwrap()) as usize;
    match m {
        Mutation::None => bytes.to_vec(),
        Mutation::Truncate(i) => bytes[..i.index(bytes.len())].to_vec(),
        Mutation::Extend(tail) => [bytes, tail].concat(),
        Mutation::HeaderLength(n) => [&n.to_le_bytes(), &bytes[8..]].concat(),
        Mutation::FlipHeaderByte(i, x) => {
            let mut b = bytes.to_vec();
            b[i.index(header_end)] ^= x;
            b
        }
        Mutation::Header(edits) => edit_header(bytes, edits),
        Mutation::Value(i, v) => {
            let mut b = bytes.to_vec();
            let floats = (bytes.len() - header_end) / 4;
            let at = header_end + 4 * i.index(floats);
            b[at..at + 4].copy_from_slice(&v.to_le_bytes());
            b
        }
    }
}

/// The tensor values `model` must hold after taking `bytes`: the file's own, read with the
/// safetensors crate, in `named_parameters` order.
fn values_in(bytes: &[u8], model: &Sequential) -> Vec<f32> {
    let st = SafeTensors::deserialize(bytes).expect("an accepted file is readable");
    model
        .named_parameters()
        .iter()
        .flat_map(|(n, _)| {
            let t = st.tensor(n).expect("an accepted file has every tensor");
            t.data()
                .chunks_exact(4)
                .map(|b| f32::from_le_bytes(b.try_into().unwrap()))
                .collect::<Vec<_>>()
        })
        .collect()
}

proptest! {
    #![proptest_config(config(1000))]

    /// Real exports, damaged in every way a file can be, read by every reader: each is taken
    /// exactly or refused with a sentence, quickly, and a refused file changes nothing.
    #[test]
    fn any_file_is_taken_exactly_or_refused_with_a_sentence(
        which in any::<prop::sample::Index>(),
        m in mutation(),
    ) {
        let export = &exports()[which.index(exports().len())];
        let bytes = mutate(&export.bytes, &m);

        match timed("stated_in", || ArchSettings::stated_in(&bytes))? {
            Ok(arch) => {
                if matches!(m, Mutation::None) {
                    prop_assert_eq!(&arch, &export.arch);
                }
            }
            Err(e) => says_why(&e)?,
        }

        match timed("ArchSettings::load", || ArchSettings::load(&bytes, 256))? {
            Ok((arch, model)) => {
                prop_assert_eq!(Ok(arch.clone()), ArchSettings::stated_in(&bytes));
                prop_assert_eq!(model.config(), &arch.to_model());
                prop_assert_eq!(model.flat_values(), values_in(&bytes, &model));
                if matches!(m, Mutation::None) {
                    prop_assert_eq!(&arch, &export.arch);
                    prop_assert_eq!(&model.flat_values(), &export.values);
                }
            }
            Err(e) => {
                prop_assert!(!matches!(m, Mutation::None), "an export is refused: {e:?}");
                says_why(&e)?;
            }
        }

        let mut seed = seed_model().clone();
        let before = seed.flat_values();
        match timed("load_safetensors", || seed.load_safetensors(&bytes))? {
            Ok(()) => prop_assert_eq!(seed.flat_values(), values_in(&bytes, &seed)),
            Err(e) => {
                says_why(&e)?;
                prop_assert_eq!(seed.flat_values(), before);
            }
        }
        if matches!(m, Mutation::None) && export.arch == ArchSettings::default() {
            prop_assert_eq!(seed.flat_values(), export.values.clone());
        }
    }
}
