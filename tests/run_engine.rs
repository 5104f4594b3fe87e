//! The training worker's run rules, natively: one batch per press, Pause during a step shared
//! with a helper, a helper that fails or goes silent, Reset in the middle of a run, refused
//! settings, commands before the digits, a step that diverges, and runs of other architectures
//! (a preset trained with a helper, a file that brings its architecture, a model too large).

use convlab::data::Mnist;
use convlab::lang::Lang;
use convlab::nn::arch::{ArchPreset, ArchSettings};
use convlab::train::protocol::{FromWorker, LoadError, Settings, Status, ToWorker, WorkerError};
use convlab::train::run::{Out, RunEngine};
use convlab::train::{Helper, Setting};

fn data() -> Mnist {
    Mnist::decode(&std::fs::read("public/mnist-10k.bin").unwrap()).unwrap()
}

/// An engine with `helpers` helpers, its digits loaded.
fn loaded(helpers: usize) -> RunEngine {
    let mut e = RunEngine::new(helpers);
    let out = e.digits_loaded(data());
    assert!(out.contains(&Out::Post(FromWorker::Status(Status::Idle))));
    e
}

/// An engine with one ready helper, its run started.
fn started_with_a_helper() -> RunEngine {
    let mut e = loaded(1);
    e.helper_ready(0);
    e.command(1, ToWorker::Start(Settings::default()));
    e
}

fn statuses(out: &[Out]) -> Vec<Status> {
    out.iter()
        .filter_map(|o| match o {
            Out::Post(FromWorker::Status(s)) => Some(*s),
            _ => None,
        })
        .collect()
}

fn batches(out: &[Out]) -> Vec<(usize, f32, usize)> {
    out.iter()
        .filter_map(|o| match o {
            Out::Post(FromWorker::Batch(b)) => Some((b.step, b.loss, b.workers)),
            _ => None,
        })
        .collect()
}

fn errors(out: &[Out]) -> Vec<WorkerError> {
    out.iter()
        .filter_map(|o| match o {
            Out::Post(FromWorker::Error(e)) => Some(e.clone()),
            _ => None,
        })
        .collect()
}

fn weights(out: &[Out]) -> Option<Vec<u8>> {
    out.iter().rev().find_map(|o| match o {
        Out::Post(FromWorker::Weights(w)) => Some(w.clone()),
        _ => None,
    })
}

fn job(out: &[Out]) -> Option<convlab::train::protocol::HelperJob> {
    out.iter().find_map(|o| match o {
        Out::Job { job, .. } => Some(job.clone()),
        _ => None,
    })
}

/// A helper's answer to `job`, computed by a real helper from the engine's weights.
fn answer(e: &RunEngine, job: &convlab::train::protocol::HelperJob, data: &Mnist) -> Out2 {
    let cfg = job.settings.config();
    let model = job.settings.arch.to_model();
    let mut h = Helper::new(&model, &cfg, job.helper).unwrap();
    let (grads, share) = h.share(data, e.job_values(), &job.ids, job.weight).unwrap();
    (job.job, share, grads)
}
type Out2 = (u64, convlab::train::Share, Vec<f32>);

/// A turn of the event loop as the worker runs it: plan, send the jobs (here: keep them in the
/// list), compute the own share. The clock reads `now`, then 10 ms later.
fn turn(e: &mut RunEngine, now: f64) -> Vec<Out> {
    let mut out = e.tick();
    if out.last() == Some(&Out::OwnShare) {
        out.pop();
        let t = std::cell::Cell::new(now);
        out.extend(e.own_share(&|| {
            let v = t.get();
            t.set(v + 10.0);
            v
        }));
    }
    out
}

#[test]
fn commands_before_the_digits_are_refused_with_a_reason() {
    let mut e = RunEngine::new(0);
    let first = e.start();
    assert_eq!(first[0], Out::Post(FromWorker::Ready));
    let out = e.command(1, ToWorker::Start(Settings::default()));
    assert_eq!(errors(&out), vec![WorkerError::Loading]);
    assert_eq!(e.status(), Status::Loading);
    let out = e.digits_failed(LoadError::Fetch("HTTP 404".into()));
    assert_eq!(
        errors(&out),
        vec![WorkerError::Digits(LoadError::Fetch("HTTP 404".into()))]
    );
    assert_eq!(e.status(), Status::Error);
}

#[test]
fn one_batch_trains_exactly_one_batch_then_pauses() {
    let mut e = loaded(0);
    let out = e.command(1, ToWorker::Step(Settings::default()));
    assert_eq!(statuses(&out), vec![Status::Running]);
    assert!(out.contains(&Out::Tick));
    let out = turn(&mut e, 0.0);
    assert_eq!(batches(&out).len(), 1);
    // 64 images in the 10 ms the test's clock says the work took.
    let speed = out.iter().find_map(|o| match o {
        Out::Post(FromWorker::Batch(b)) => Some(b.images_per_sec),
        _ => None,
    });
    assert_eq!(speed, Some(6400.0));
    assert_eq!(statuses(&out), vec![Status::Paused]);
    assert!(weights(&out).is_some(), "a pause sends the weights");
    assert!(!out.contains(&Out::Tick), "no second batch");
    assert!(
        turn(&mut e, 1.0).is_empty(),
        "a stray turn does nothing while paused"
    );
    // One batch again goes on with the paused run.
    e.command(2, ToWorker::Step(Settings::default()));
    assert_eq!(e.run(), 1, "continuing keeps the run's number");
    assert_eq!(batches(&turn(&mut e, 2.0))[0].0, 2);
}

#[test]
fn bad_settings_are_refused_before_the_model_is_touched() {
    let mut e = loaded(0);
    let before = e.trainer().unwrap().model.flat_values();
    let out = e.command(
        1,
        ToWorker::Start(Settings {
            batch: 0,
            ..Settings::default()
        }),
    );
    assert_eq!(errors(&out), vec![WorkerError::Setting(Setting::Batch)]);
    assert_eq!(e.status(), Status::Idle);
    assert_eq!(e.trainer().unwrap().model.flat_values(), before);
}

#[test]
fn reset_in_the_middle_of_a_run_starts_afresh_under_the_new_number() {
    let mut e = loaded(0);
    e.command(1, ToWorker::Start(Settings::default()));
    let out = turn(&mut e, 0.0);
    assert_eq!(batches(&out)[0].0, 1);
    assert!(out.contains(&Out::Tick), "the run goes on");
    let trained = e.trainer().unwrap().model.flat_values();
    let out = e.command(2, ToWorker::Reset(Settings::default()));
    assert_eq!(e.run(), 2, "what follows is tagged with the reset's number");
    assert_eq!(statuses(&out), vec![Status::Idle]);
    assert!(weights(&out).is_some());
    assert_ne!(e.trainer().unwrap().model.flat_values(), trained);
    assert!(
        turn(&mut e, 1.0).is_empty(),
        "the queued turn of the old run does nothing"
    );
}

#[test]
fn pause_during_a_shared_step_takes_effect_when_the_step_ends() {
    let data = data();
    let mut e = started_with_a_helper();
    // The helper's job goes out before the trainer computes its own share, so both work at once.
    let planned = e.tick();
    assert!(matches!(
        planned.as_slice(),
        [Out::Job { .. }, Out::OwnShare]
    ));
    let out = e.own_share(&|| 0.0);
    let j = job(&planned).expect("a share for the helper");
    assert!(out.contains(&Out::Timeout {
        job: j.job,
        ms: convlab::train::run::HELPER_TIMEOUT_MS
    }));
    assert!(batches(&out).is_empty(), "the step waits for the helper");
    let out = e.command(1, ToWorker::Pause);
    assert!(out.is_empty(), "no pause in the middle of a step");
    let (id, share, grads) = answer(&e, &j, &data);
    let out = e.helper_done(id, share, Some(grads), 50.0);
    assert_eq!(batches(&out), vec![(1, batches(&out)[0].1, 2)]);
    assert_eq!(statuses(&out), vec![Status::Paused]);
    assert!(!out.contains(&Out::Tick), "no batch after paused");
    assert!(
        e.helper_timeout(id).is_empty(),
        "a timeout of a finished step does nothing"
    );
}

#[test]
fn a_helper_that_goes_silent_is_dropped_and_the_step_done_alone() {
    let data = data();
    let mut e = started_with_a_helper();
    let j = job(&turn(&mut e, 0.0)).expect("a share for the helper");
    let out = e.helper_timeout(j.job);
    assert_eq!(out, vec![Out::DropHelpers, Out::Tick]);
    assert_eq!(e.helpers(), 0);
    let out = turn(&mut e, 1.0);
    assert!(job(&out).is_none());
    assert_eq!(batches(&out)[0].0, 1, "the same step, done again alone");
    assert_eq!(batches(&out)[0].2, 1);
    // The helper's late answer is ignored.
    let (id, share, grads) = answer(&e, &j, &data);
    assert!(e.helper_done(id, share, Some(grads), 2.0).is_empty());
}

#[test]
fn a_failing_helper_leaves_the_trainer_alone_and_a_waiting_pause_takes_effect() {
    let mut e = started_with_a_helper();
    assert!(job(&turn(&mut e, 0.0)).is_some());
    e.command(1, ToWorker::Pause);
    let out = e.helper_failed();
    assert_eq!(out[0], Out::DropHelpers);
    assert_eq!(statuses(&out), vec![Status::Paused]);
    assert!(!out.contains(&Out::Tick));
    // Resumed, it trains alone.
    e.command(1, ToWorker::Resume);
    let out = turn(&mut e, 1.0);
    assert!(job(&out).is_none());
    assert_eq!(batches(&out)[0].0, 1);
}

#[test]
fn a_step_that_diverges_stops_the_run_and_keeps_the_weights_from_before_it() {
    let mut e = loaded(0);
    e.command(1, ToWorker::Start(Settings::default()));
    // One 3×3 kernel of conv1 so large that the maps overflow to infinity.
    let t = e.trainer_mut().unwrap();
    let mut values = t.model.flat_values();
    values[..9].iter_mut().for_each(|v| *v = 1e38);
    t.model.set_flat_values(&values).unwrap();
    let out = turn(&mut e, 0.0);
    let errs = errors(&out);
    assert!(
        matches!(errs.as_slice(), [WorkerError::Diverged { step: 1, .. }]),
        "{errs:?}"
    );
    assert_eq!(statuses(&out), vec![Status::Error]);
    assert!(!out.contains(&Out::Tick));
    let model = &e.trainer().unwrap().model;
    assert!(model.all_finite(), "never a NaN left in the model");
    assert_eq!(
        model.flat_values(),
        values,
        "back to the weights from before the step"
    );
    // Start again works from there.
    let out = e.command(2, ToWorker::Start(Settings::default()));
    assert_eq!(statuses(&out), vec![Status::Running]);
}

#[test]
fn snapshots_come_by_time_not_by_batch() {
    let mut e = loaded(0);
    e.command(1, ToWorker::Start(Settings::default()));
    let mut snapshots = 0;
    for k in 0..12 {
        let out = turn(&mut e, 100.0 * k as f64);
        snapshots += out
            .iter()
            .filter(|o| matches!(o, Out::Post(FromWorker::Snapshot(_))))
            .count();
    }
    // 12 batches over 1.1 s: the first one, then one every 500 ms.
    assert_eq!(snapshots, 3);
}

fn lenet() -> Settings {
    Settings {
        arch: ArchPreset::LeNet.settings(),
        ..Settings::default()
    }
}

#[test]
fn another_architecture_trains_with_a_helper_and_its_weights_say_what_it_is() {
    let d = data();
    let mut e = loaded(1);
    e.helper_ready(0);
    e.command(1, ToWorker::Start(lenet()));
    let out = turn(&mut e, 0.0);
    let j = job(&out).expect("the helper gets a share");
    assert_eq!(j.settings.arch, ArchPreset::LeNet.settings());
    let (n, share, grads) = answer(&e, &j, &d);
    let out = e.helper_done(n, share, Some(grads), 10.0);
    assert_eq!(batches(&out)[0].2, 2, "two workers shared the step");
    let out = e.command(1, ToWorker::Pause);
    let bytes = weights(&out).expect("paused: the weights");
    let (arch, model) = ArchSettings::load(&bytes, 256).unwrap();
    assert_eq!(arch, ArchPreset::LeNet.settings());
    assert_eq!(
        model.flat_values(),
        e.trainer().unwrap().model.flat_values()
    );
}

#[test]
fn a_new_architecture_starts_fresh_and_a_file_brings_its_own_back() {
    let mut e = loaded(0);
    e.command(1, ToWorker::Step(Settings::default()));
    let seed_bytes = weights(&turn(&mut e, 0.0)).unwrap();
    // Start another architecture: the seed weights cannot go on, a LeNet starts fresh.
    e.command(2, ToWorker::Start(lenet()));
    turn(&mut e, 1.0);
    e.command(2, ToWorker::Pause);
    assert_eq!(e.trainer().unwrap().model.num_params(), 51_902);
    // Loading the seed model's file brings its architecture back.
    let out = e.command(3, ToWorker::Load(seed_bytes.clone()));
    assert!(errors(&out).is_empty(), "{:?}", errors(&out));
    assert_eq!(e.trainer().unwrap().model.num_params(), 55_338);
    let (arch, _) = ArchSettings::load(&weights(&out).unwrap(), 256).unwrap();
    assert_eq!(arch, ArchSettings::default());
}

#[test]
fn a_model_too_large_for_a_tab_is_refused_before_anything_is_allocated() {
    let mut e = loaded(0);
    let before = e.trainer().unwrap().model.flat_values();
    // Every setting within the editor's range, and 5,138,099,978 parameters.
    let mut arch = ArchSettings::default();
    for b in &mut arch.blocks {
        b.out_channels = 256;
        b.kernel = 1;
        b.padding = 28;
        b.pool = false;
    }
    arch.hidden = 1024;
    let start = |arch| {
        ToWorker::Start(Settings {
            arch,
            ..Settings::default()
        })
    };
    let out = e.command(1, start(arch));
    let refused = errors(&out);
    assert_eq!(refused.len(), 1);
    assert!(
        refused[0]
            .message(Lang::En)
            .starts_with("This model has 5,138,099,978 parameters"),
        "{:?}",
        refused[0]
    );
    assert!(refused[0]
        .message(Lang::Ko)
        .starts_with("이 모델의 파라미터는 5,138,099,978개입니다."));
    // A setting past the editor's range is refused by name, whatever the page sent.
    let wide = ArchSettings {
        hidden: 100_000,
        ..ArchSettings::default()
    };
    let refused = errors(&e.command(2, start(wide)));
    assert_eq!(
        refused[0].message(Lang::En),
        "The number of hidden units is 100,000; it must be from 1 to 1,024."
    );
    assert_eq!(e.status(), Status::Idle);
    assert_eq!(
        e.trainer().unwrap().model.flat_values(),
        before,
        "the model is untouched"
    );
}

/// `n` training images then `m` test images of the shipped digits (of their own split, whose
/// file is ordered by class), as an import brings them.
fn imported(n: usize, m: usize) -> Mnist {
    let d = data();
    let split = d.split().unwrap();
    let ids: Vec<usize> = split.train[..n]
        .iter()
        .chain(&split.test[..m])
        .copied()
        .collect();
    Mnist {
        labels: ids.iter().map(|&i| d.labels[i]).collect(),
        pixels: ids.iter().flat_map(|&i| d.image(i).to_vec()).collect(),
    }
}

fn epoch(out: &[Out]) -> Option<convlab::train::protocol::EpochReport> {
    out.iter().find_map(|o| match o {
        Out::Post(FromWorker::Epoch(r)) => Some((**r).clone()),
        _ => None,
    })
}

#[test]
fn an_imported_set_trains_and_tests_on_its_own_images_and_the_model_stays() {
    use convlab::data::Layout;
    let mut e = loaded(1);
    e.helper_ready(0);
    let before = e.trainer().unwrap().model.flat_values();
    let set = imported(1_200, 300);
    let out = e.command(
        2,
        ToWorker::Data {
            layout: Layout::TrainFirst { train: 1_200 },
            bytes: set.to_raw(),
        },
    );
    assert!(errors(&out).is_empty(), "{:?}", errors(&out));
    // The helpers get the images before any job on them; the model is the one it was.
    let helper_data = out.iter().position(|o| *o == Out::HelperData);
    assert!(helper_data.is_some());
    assert_eq!(statuses(&out), vec![Status::Idle]);
    assert_eq!(e.data_counts(), (1_200, 300));
    assert_eq!(e.data_raw(), set.to_raw());
    assert_eq!(e.trainer().unwrap().model.flat_values(), before);
    let snapshot = out.iter().find_map(|o| match o {
        Out::Post(FromWorker::Snapshot(s)) => Some(s.digit),
        _ => None,
    });
    assert!(
        snapshot.is_some_and(|i| i >= 1_200),
        "the watched digit is a test one"
    );
    // One epoch of 12 batches of 100 from the 1,200; evaluated on the 300.
    let settings = Settings {
        epochs: 1,
        batch: 100,
        ..Settings::default()
    };
    e.command(3, ToWorker::Start(settings));
    let mut report = None;
    for k in 0..40 {
        let out = turn(&mut e, k as f64 * 100.0);
        if let Some(j) = job(&out) {
            assert!(
                j.ids.iter().all(|&i| i < 1_200),
                "trains on training images only"
            );
            let (n, share, grads) = answer(&e, &j, &set);
            let out = e.helper_done(n, share, Some(grads), k as f64 * 100.0 + 50.0);
            report = report.or(epoch(&out));
        }
        report = report.or(epoch(&out));
        if e.status() == Status::Done {
            break;
        }
    }
    assert_eq!(e.status(), Status::Done);
    let r = report.expect("an epoch report");
    let tested: u32 = r.confusion.iter().flatten().sum();
    assert_eq!(tested, 300);
    assert!(r.mistakes.iter().all(|&(i, _)| i >= 1_200));
    assert!(r.test_accuracy > 0.5, "one epoch on 1,200 learns: {r:?}");
    // Back to the shipped digits with empty bytes.
    let out = e.command(
        4,
        ToWorker::Data {
            layout: Layout::Shipped,
            bytes: Vec::new(),
        },
    );
    assert!(errors(&out).is_empty());
    assert_eq!(e.data_counts(), (8_000, 2_000));
}

#[test]
fn a_set_that_cannot_be_used_changes_nothing() {
    use convlab::data::{DataError, Layout};
    let mut e = loaded(0);
    e.command(1, ToWorker::Step(Settings::default()));
    turn(&mut e, 0.0);
    let before = e.trainer().unwrap().model.flat_values();
    let mut bytes = imported(100, 20).to_raw();
    bytes.pop();
    let cases = [
        (Layout::TrainFirst { train: 100 }, bytes),
        (
            Layout::TrainFirst { train: 120 },
            imported(100, 20).to_raw(),
        ),
    ];
    for (layout, bytes) in cases {
        let out = e.command(2, ToWorker::Data { layout, bytes });
        let errs = errors(&out);
        assert!(
            matches!(
                errs.as_slice(),
                [WorkerError::Digits(LoadError::Digits(
                    DataError::Length { .. } | DataError::TooFew(_)
                ))]
            ),
            "{errs:?}"
        );
        assert!(!errs[0].message(Lang::Ko).is_ascii());
        assert!(statuses(&out).is_empty());
        assert_eq!(e.data_counts(), (8_000, 2_000));
        assert_eq!(e.trainer().unwrap().model.flat_values(), before);
    }
}

#[test]
fn teaching_trains_alone_on_the_stated_mix_and_learns_the_learner_s_digits() {
    use convlab::nn::{classify, Mode};
    use convlab::train::teach::{Teach, TEACH_STEPS};
    use ndarray::{ArrayD, IxDyn};
    let d = data();
    let mut e = loaded(1);
    e.helper_ready(0);
    // Ten held-out 7s, taught as 1s: only learning these exact digits reads them so.
    let split = d.split().unwrap();
    let sevens: Vec<usize> = split
        .test
        .iter()
        .copied()
        .filter(|&i| d.labels[i] == 7)
        .take(10)
        .collect();
    let yours = Mnist {
        labels: vec![1; 10],
        pixels: sevens.iter().flat_map(|&i| d.image(i).to_vec()).collect(),
    };
    let read_as_one = |e: &RunEngine| {
        let mut m = e.trainer().unwrap().model.clone();
        (0..10)
            .filter(|&k| {
                let x: Vec<f32> = yours
                    .image(k)
                    .iter()
                    .map(|&p| convlab::data::unit_pixel(p))
                    .collect();
                let x = ArrayD::from_shape_vec(IxDyn(&[1, 1, 28, 28]), x).unwrap();
                let logits = m.forward(&x, Mode::Eval).unwrap().clone();
                classify(logits.as_slice().unwrap()).1 == 1
            })
            .count()
    };
    assert!(read_as_one(&e) <= 3);
    let out = e.command(5, ToWorker::Teach(Teach::new(&yours, &Settings::default())));
    assert_eq!(statuses(&out), vec![Status::Running]);
    let mut steps = 0;
    for k in 0..100 {
        let out = turn(&mut e, k as f64 * 100.0);
        assert!(job(&out).is_none(), "a teaching run trains alone");
        for (_, _, workers) in batches(&out) {
            assert_eq!(workers, 1);
            steps += 1;
        }
        if e.status() == Status::Done {
            break;
        }
    }
    assert_eq!((e.status(), steps), (Status::Done, TEACH_STEPS));
    let taught = read_as_one(&e);
    assert!(taught >= 8, "{taught} of 10 read as taught");
    // The set in use is unchanged, and a second teaching run replaces the first one's digits.
    assert_eq!(e.data_counts(), (8_000, 2_000));
    let before = e.data_raw().len();
    e.command(6, ToWorker::Teach(Teach::new(&yours, &Settings::default())));
    assert_eq!(e.data_raw().len(), before);
    // An empty set of digits is refused with a reason.
    e.command(6, ToWorker::Pause);
    let empty = Mnist {
        labels: vec![],
        pixels: vec![],
    };
    let out = e.command(7, ToWorker::Teach(Teach::new(&empty, &Settings::default())));
    assert_eq!(errors(&out).len(), 1);
}
