//! The official files' import: the Train section's Data panel, which set trains and tests
//! (`data-source`), the kinds of data and their class names wherever the page names a class,
//! what the panel says after an action ([`DataNews`]) and why a set of IDX files was refused
//! ([`IdxError`]). Names taken
//! from files or typed by the learner are cut ([`quoted`]) and go through [`fill`], which never
//! reads them as templates.

use super::{fill, text};
use crate::data::choice::DataNews;
use crate::data::idx::{FileProblem, IdxError, MAX_LABELS_BYTES};
use crate::data::{DataKind, DataSource};
use crate::lang::Lang;
use crate::nn::error::quoted;
use crate::nn::summary::group_thousands;
use std::fmt;

table! {
    /// Every sentence of the IDX import, next to its other language.
    pub struct IdxText {
        /// The set in use; {name} from [`name_digits`](Self::name_digits)…, {train} {test}
        /// grouped in thousands.
        source {
            en: "{name}: {train} training, {test} test images",
            ko: "{name}: 학습 이미지 {train}장, 테스트 이미지 {test}장",
        }
        /// The name of a set of digits.
        name_digits { en: "MNIST", ko: "MNIST" }
        /// The name of a set of clothing.
        name_fashion { en: "Fashion-MNIST", ko: "Fashion-MNIST" }
        /// The name of a set of anything else.
        name_other { en: "Your own set", ko: "직접 가져온 데이터" }
        /// The data-kind choice: digits.
        kind_digits { en: "Handwritten digits (MNIST)", ko: "손글씨 숫자(MNIST)" }
        /// The data-kind choice: clothing.
        kind_fashion { en: "Clothing (Fashion-MNIST)", ko: "옷과 신발(Fashion-MNIST)" }
        /// The data-kind choice: anything else, its ten class names editable.
        kind_other {
            en: "Something else (name its ten classes)",
            ko: "기타(클래스 이름 10개를 직접 입력)",
        }
        /// A class of [`DataKind::Other`] the learner has not named; {k} from 0.
        class_other { en: "Class {k}", ko: "클래스 {k}" }
        /// Fashion-MNIST's class 0.
        fashion_0 { en: "T-shirt/top", ko: "티셔츠/톱" }
        /// Class 1.
        fashion_1 { en: "Trouser", ko: "바지" }
        /// Class 2.
        fashion_2 { en: "Pullover", ko: "스웨터" }
        /// Class 3.
        fashion_3 { en: "Dress", ko: "원피스" }
        /// Class 4.
        fashion_4 { en: "Coat", ko: "코트" }
        /// Class 5.
        fashion_5 { en: "Sandal", ko: "샌들" }
        /// Class 6.
        fashion_6 { en: "Shirt", ko: "셔츠" }
        /// Class 7.
        fashion_7 { en: "Sneaker", ko: "운동화" }
        /// Class 8.
        fashion_8 { en: "Bag", ko: "가방" }
        /// Class 9.
        fashion_9 { en: "Ankle boot", ko: "앵클부츠" }
        /// Heading (h3) of the Train section's Data panel.
        panel_title { en: "Data", ko: "데이터" }
        /// What the Data panel does, above its controls.
        panel_intro {
            en: "The model trains on the 8,000 MNIST digits shipped with the page and is tested on 2,000 more. You can give it the official MNIST files instead (60,000 training and 10,000 test images), or Fashion-MNIST's, which have the same format: the four IDX files (training images and labels, test images and labels), raw or .gz, as you downloaded them. They are read in this browser and never leave it; the page keeps one imported set, and a new import replaces it.",
            ko: "모델은 페이지에 들어 있는 MNIST 숫자 이미지 8,000장으로 학습하고, 다른 2,000장으로 테스트합니다. 대신 공식 MNIST 파일(학습 이미지 60,000장, 테스트 이미지 10,000장)이나 형식이 같은 Fashion-MNIST 파일을 쓸 수도 있습니다. 내려받은 IDX 파일 4개(학습 이미지와 레이블, 테스트 이미지와 레이블)를 그대로 넣으세요. 압축을 푼 파일이든 .gz 파일이든 됩니다. 파일은 이 브라우저 안에서만 읽고 밖으로 보내지 않습니다. 가져온 데이터는 한 벌만 보관하며, 새로 가져오면 이전 것을 대신합니다.",
        }
        /// Where the official files come from (the page itself downloads nothing).
        where_to_get {
            en: "Where to get them: MNIST from Yann LeCun's MNIST page or its mirrors (CC BY-SA 3.0); Fashion-MNIST from Zalando Research's GitHub repository zalandoresearch/fashion-mnist (MIT licence).",
            ko: "파일을 구하는 곳: MNIST는 얀 르쿤(Yann LeCun)의 MNIST 페이지나 그 미러(CC BY-SA 3.0), Fashion-MNIST는 Zalando Research의 GitHub 저장소 zalandoresearch/fashion-mnist(MIT 라이선스)에서 받을 수 있습니다.",
        }
        /// Label before the set in use (`data-source`).
        source_label { en: "In use", ko: "사용 중인 데이터" }
        /// Label of the file input (`data-import`).
        import_label {
            en: "Choose the four IDX files (raw or .gz)",
            ko: "IDX 파일 4개 고르기(압축을 푼 파일 또는 .gz)",
        }
        /// The drop zone around the file input.
        drop_hint {
            en: "…or drop all four here at once.",
            ko: "…또는 4개를 한꺼번에 여기에 끌어다 놓으세요.",
        }
        /// While an import reads its files; {i} from 1, of {n}.
        reading {
            en: "Reading \"{file}\" (file {i} of {n})…",
            ko: "\"{file}\" 파일을 읽는 중입니다({i}/{n})…",
        }
        /// While the set kept in this browser is read back.
        loading_stored {
            en: "Loading the set kept in this browser…",
            ko: "이 브라우저에 보관한 데이터를 불러오는 중입니다…",
        }
        /// Label of the kind choice (`data-kind`).
        kind_label { en: "What the imported images are", ko: "가져온 이미지의 종류" }
        /// Under the kind choice.
        kind_note {
            en: "The files do not say what their images show: say it here, and every class on the page is named that way.",
            ko: "파일에는 이미지가 무엇인지 적혀 있지 않으니 여기서 골라 주세요. 고른 대로 페이지 곳곳의 클래스 이름이 바뀝니다.",
        }
        /// Accessible name of one class-name field of the kind "something else"; {k} from 0.
        class_label { en: "Name of class {k}", ko: "클래스 {k}의 이름" }
        /// Button: back to the shipped digits.
        built_in { en: "Back to the built-in digits", ko: "내장 숫자 이미지로 돌아가기" }
        /// Button: the imported set again.
        use_kept { en: "Use the imported set again", ko: "가져온 데이터 다시 쓰기" }
        /// Button: delete the imported set.
        delete {
            en: "Delete the imported set from this browser",
            ko: "가져온 데이터를 브라우저에서 삭제",
        }
        /// The imported set was stored.
        news_kept {
            en: "The imported set is kept in this browser for your next visit.",
            ko: "가져온 데이터를 이 브라우저에 보관했습니다. 다음에 와도 그대로 있습니다.",
        }
        /// The imported set could not be stored; {e} the browser's reason.
        news_not_kept {
            en: "This browser could not keep the set ({e}). You can train on it now, but it will be gone when you leave the page.",
            ko: "이 브라우저에 데이터를 보관하지 못했습니다({e}). 지금은 이 데이터로 학습할 수 있지만, 페이지를 떠나면 사라집니다.",
        }
        /// Back to the shipped digits.
        news_built_in {
            en: "The built-in digits are in use again.",
            ko: "다시 내장 숫자 이미지를 사용합니다.",
        }
        /// The imported set was deleted.
        news_deleted {
            en: "The imported set was deleted from this browser.",
            ko: "가져온 데이터를 브라우저에서 삭제했습니다.",
        }
        /// Storage refused something else; {e} the browser's reason.
        news_storage {
            en: "This browser's storage refused ({e}).",
            ko: "브라우저 저장소가 요청을 거부했습니다({e}).",
        }
        /// The kept set could not be read back.
        news_unreadable {
            en: "The set kept in this browser could not be read, so it was removed; the built-in digits are in use.",
            ko: "이 브라우저에 보관한 데이터를 읽을 수 없어 삭제했습니다. 내장 숫자 이미지를 사용합니다.",
        }
        /// A change of data during a run.
        news_running {
            en: "Pause training before changing the data.",
            ko: "데이터를 바꾸려면 먼저 학습을 일시 정지하세요.",
        }
        /// Files given while others are read.
        news_busy {
            en: "Wait until the files being read are done before giving others.",
            ko: "지금 읽고 있는 파일이 끝난 뒤에 다른 파일을 넣어 주세요.",
        }
        /// A file the browser could not read at all.
        file_unreadable {
            en: "The browser could not read \"{file}\".",
            ko: "브라우저가 \"{file}\" 파일을 읽지 못했습니다.",
        }
        /// The confusion matrix's heading for a set that is not digits.
        class_confusion_title {
            en: "Confusion matrix of the held-out images",
            ko: "테스트 데이터의 혼동 행렬",
        }
        /// The confusion matrix's rows, for a set that is not digits.
        class_true { en: "true class", ko: "실제 클래스" }
        /// The confusion matrix's columns, for a set that is not digits.
        class_pred { en: "predicted class", ko: "예측한 클래스" }
        /// The gallery of mistakes' heading, for a set that is not digits.
        class_mistakes_title {
            en: "Held-out images it gets wrong",
            ko: "테스트 데이터에서 잘못 분류한 이미지",
        }
        /// The watched image's caption, for a set that is not digits; {d} the predicted class,
        /// {p} its probability, {t} the true class.
        class_watch_says {
            en: "The model says {d} with probability {p}; the true class is {t}.",
            ko: "모델의 예측은 {d}(확률 {p}), 실제 클래스는 {t}입니다.",
        }
        /// Label of the watched image's index, for a set that is not digits.
        class_watch_label {
            en: "Image to watch (index)",
            ko: "지켜볼 이미지의 인덱스",
        }
        /// Draw, near the prediction, when the model in use learned Fashion-MNIST.
        draw_fashion {
            en: "This model was trained on Fashion-MNIST; it reads your drawing as one of its ten kinds of clothes, shoes and bags.",
            ko: "이 모델은 Fashion-MNIST 데이터로 학습했습니다. 그래서 그린 그림을 옷·신발·가방 10종류 중 하나로 읽습니다.",
        }
        /// Draw, near the prediction, when the model in use learned the learner's own set.
        draw_other {
            en: "This model was trained on your own set; it reads your drawing as one of that set's ten classes.",
            ko: "이 모델은 직접 가져온 데이터로 학습했습니다. 그래서 그린 그림을 그 데이터의 클래스 10개 중 하나로 읽습니다.",
        }
        /// Accessible name of a probability in Draw, for a model of a set that is not digits;
        /// {d} the class's name.
        class_prob_label { en: "Probability of {d}", ko: "{d}의 확률" }
        /// My models' column of the set a model was trained on.
        kept_col_data { en: "Data", ko: "데이터" }
        /// My models' cell: {name} the set's name, {train} its training images.
        kept_data {
            en: "{name}, {train} training images",
            ko: "{name}, 학습 이미지 {train}장",
        }
        /// What the page adds after any refusal.
        kept {
            en: "The set in use is unchanged.",
            ko: "지금 쓰는 데이터는 그대로입니다.",
        }
        /// A file over a cap; {size} {cap} in bytes, grouped.
        too_large {
            en: "\"{file}\" is {size} bytes, more than the {cap} bytes one file may hold.",
            ko: "\"{file}\" 파일은 {size}바이트로, 파일 하나의 한도인 {cap}바이트를 넘습니다.",
        }
        /// A labels file over its cap; {size} {cap} in bytes, grouped.
        too_large_labels {
            en: "\"{file}\" is a labels file of {size} bytes, more than the {cap} bytes a labels file may hold.",
            ko: "\"{file}\" 파일은 {size}바이트짜리 레이블 파일로, 레이블 파일의 한도인 {cap}바이트를 넘습니다.",
        }
        /// A damaged gzip file.
        gzip {
            en: "\"{file}\" is a damaged gzip file: it could not be decompressed intact.",
            ko: "\"{file}\" 파일은 손상된 gzip 파일이라 압축을 제대로 풀 수 없습니다.",
        }
        /// A gzip file that inflates past the cap; {cap} in bytes.
        gzip_too_large {
            en: "\"{file}\" unpacks to more than {cap} bytes, the most one file may hold.",
            ko: "\"{file}\" 파일은 압축을 풀면 파일 하나의 한도인 {cap}바이트보다 커집니다.",
        }
        /// Not an IDX file.
        not_idx {
            en: "\"{file}\" is not an IDX file, the format of the MNIST files.",
            ko: "\"{file}\" 파일은 MNIST 파일의 형식인 IDX 파일이 아닙니다.",
        }
        /// An IDX file of another shape; {found} its magic number.
        magic {
            en: "\"{file}\" has the magic number {found}; an images file has 2051 and a labels file 2049.",
            ko: "\"{file}\" 파일의 매직 넘버는 {found}입니다. 이미지 파일은 2051, 레이블 파일은 2049여야 합니다.",
        }
        /// An IDX file of other values than bytes; {found} the type byte in hex.
        wrong_type {
            en: "\"{file}\" stores values of type 0x{found}; MNIST files store unsigned bytes (type 0x08).",
            ko: "\"{file}\" 파일의 값 형식은 0x{found}입니다. MNIST 파일의 값은 부호 없는 바이트(형식 0x08)여야 합니다.",
        }
        /// A file shorter than its header says; {expected} {got} in bytes.
        truncated {
            en: "\"{file}\" is cut short: its header promises {expected} bytes, but it holds {got}.",
            ko: "\"{file}\" 파일이 잘렸습니다. 헤더대로라면 {expected}바이트여야 하는데 {got}바이트뿐입니다.",
        }
        /// A file longer than its header says.
        too_long {
            en: "\"{file}\" holds {got} bytes, more than the {expected} its header promises.",
            ko: "\"{file}\" 파일은 {got}바이트로, 헤더에 적힌 {expected}바이트보다 깁니다.",
        }
        /// Images that are not 28×28.
        not_square {
            en: "\"{file}\" holds {rows}×{cols} images; MNIST images are 28×28.",
            ko: "\"{file}\" 파일의 이미지 크기는 {rows}×{cols}입니다. MNIST 이미지는 28×28이어야 합니다.",
        }
        /// A header that counts nothing.
        empty {
            en: "\"{file}\" is empty: its header counts 0 images or labels.",
            ko: "\"{file}\" 파일은 비어 있습니다. 헤더에 적힌 이미지나 레이블 수가 0입니다.",
        }
        /// A label outside 0–9; {index} from 0.
        label {
            en: "\"{file}\" gives image {index} the label {label}; labels must be 0–9.",
            ko: "\"{file}\" 파일에서 인덱스 {index} 이미지의 레이블이 {label}입니다. 레이블은 0–9 사이여야 합니다.",
        }
        /// More files than a set holds; {count} files.
        too_many_files {
            en: "{count} files arrived; a set is four IDX files: training images and labels, test images and labels.",
            ko: "파일이 {count}개 들어왔습니다. 학습 이미지와 레이블, 테스트 이미지와 레이블의 IDX 파일 4개가 필요합니다.",
        }
        /// Not two pairs; {images} {labels} files of each.
        parts {
            en: "A set needs two images files and two labels files (training and test), not {images} and {labels}.",
            ko: "학습용과 테스트용으로 이미지 파일 2개와 레이블 파일 2개가 필요한데, 들어온 파일은 이미지 파일 {images}개, 레이블 파일 {labels}개입니다.",
        }
        /// A pair whose counts differ; {images} {labels} file names, {ni} {nl} their counts.
        count_mismatch {
            en: "\"{images}\" holds {ni} images but \"{labels}\" holds {nl} labels; each image needs one label.",
            ko: "\"{images}\" 파일에는 이미지가 {ni}장 있는데 \"{labels}\" 파일에는 레이블이 {nl}개 있습니다. 이미지마다 레이블이 하나씩 있어야 합니다.",
        }
        /// Two pairs of the same count and no name to tell them apart; {count} images each.
        ambiguous {
            en: "Both pairs hold {count} images, and no file name says which is the test set; put \"t10k\" or \"test\" in the test files' names.",
            ko: "두 쌍 모두 이미지가 {count}장이라 어느 쪽이 테스트 데이터인지 알 수 없습니다. 테스트 파일 이름에 \"t10k\" 또는 \"test\" 중 하나를 넣어 주세요.",
        }
    }
}

impl DataKind {
    /// The set's name, as `data-source` starts with it.
    pub fn name(&self, lang: Lang) -> &'static str {
        let t = text(lang).idx;
        match self {
            DataKind::Digits => t.name_digits,
            DataKind::Fashion => t.name_fashion,
            DataKind::Other { .. } => t.name_other,
        }
    }

    /// The kind as the learner picks it.
    pub fn choice(&self, lang: Lang) -> &'static str {
        let t = text(lang).idx;
        match self {
            DataKind::Digits => t.kind_digits,
            DataKind::Fashion => t.kind_fashion,
            DataKind::Other { .. } => t.kind_other,
        }
    }

    /// Class `k`'s name (0–9) in `lang`: the digit, Fashion-MNIST's name, or the learner's
    /// (cut to [`crate::nn::error::MAX_QUOTED`] characters; "Class k" when left empty).
    pub fn class_name(&self, k: usize, lang: Lang) -> String {
        let t = text(lang).idx;
        match self {
            DataKind::Digits => k.to_string(),
            DataKind::Fashion => [
                t.fashion_0,
                t.fashion_1,
                t.fashion_2,
                t.fashion_3,
                t.fashion_4,
                t.fashion_5,
                t.fashion_6,
                t.fashion_7,
                t.fashion_8,
                t.fashion_9,
            ]
            .get(k)
            .map_or_else(|| k.to_string(), |s| s.to_string()),
            DataKind::Other { names } => match names.get(k).map(|n| n.trim()) {
                Some(n) if !n.is_empty() => quoted(n),
                _ => fill(t.class_other, &[("k", k.to_string())]),
            },
        }
    }
}

impl DataSource {
    /// `MNIST: 60,000 training, 10,000 test images`, in `lang`.
    pub fn sentence(&self, lang: Lang) -> String {
        fill(
            text(lang).idx.source,
            &[
                ("name", self.kind.name(lang).to_string()),
                ("train", group_thousands(self.train as u64)),
                ("test", group_thousands(self.test as u64)),
            ],
        )
    }
}

impl DataNews {
    /// What the Data panel says, in `lang`: a refusal is the file's sentence and that the set in
    /// use is unchanged.
    pub fn message(&self, lang: Lang) -> String {
        let t = text(lang).idx;
        match self {
            DataNews::Refused(e) => format!("{} {}", e.message(lang), t.kept),
            DataNews::FileUnreadable(name) => format!(
                "{} {}",
                fill(t.file_unreadable, &[("file", quoted(name))]),
                t.kept
            ),
            DataNews::Running => t.news_running.to_string(),
            DataNews::Busy => t.news_busy.to_string(),
            DataNews::Kept => t.news_kept.to_string(),
            DataNews::NotKept(e) => fill(t.news_not_kept, &[("e", quoted(e))]),
            DataNews::BuiltIn => t.news_built_in.to_string(),
            DataNews::Deleted => t.news_deleted.to_string(),
            DataNews::StorageFailed(e) => fill(t.news_storage, &[("e", quoted(e))]),
            DataNews::Unreadable => t.news_unreadable.to_string(),
        }
    }

    /// Whether it is bad news (shown as an alert).
    pub fn is_bad(&self) -> bool {
        !matches!(self, DataNews::Kept | DataNews::BuiltIn | DataNews::Deleted)
    }
}

impl DataSource {
    /// My models' cell: `Fashion-MNIST, 60,000 training images`.
    pub fn kept_line(&self, lang: Lang) -> String {
        fill(
            text(lang).idx.kept_data,
            &[
                ("name", self.kind.name(lang).to_string()),
                ("train", group_thousands(self.train as u64)),
            ],
        )
    }
}

fn bytes(n: impl Into<u64>) -> String {
    group_thousands(n.into())
}

impl IdxError {
    /// The refusal as one sentence in `lang`, naming the file and its problem.
    pub fn message(&self, lang: Lang) -> String {
        let t = text(lang).idx;
        match self {
            IdxError::File { name, problem } => {
                let file = ("file", quoted(name));
                match *problem {
                    FileProblem::TooLarge { size, cap } => fill(
                        if cap == MAX_LABELS_BYTES {
                            t.too_large_labels
                        } else {
                            t.too_large
                        },
                        &[
                            file,
                            ("size", bytes(size as u64)),
                            ("cap", bytes(cap as u64)),
                        ],
                    ),
                    FileProblem::Gzip => fill(t.gzip, &[file]),
                    FileProblem::GzipTooLarge { cap } => {
                        fill(t.gzip_too_large, &[file, ("cap", bytes(cap as u64))])
                    }
                    FileProblem::NotIdx => fill(t.not_idx, &[file]),
                    FileProblem::Magic { found } => {
                        fill(t.magic, &[file, ("found", found.to_string())])
                    }
                    FileProblem::WrongType { found } => {
                        fill(t.wrong_type, &[file, ("found", format!("{found:02X}"))])
                    }
                    FileProblem::Truncated { expected, got } => fill(
                        t.truncated,
                        &[
                            file,
                            ("expected", bytes(expected)),
                            ("got", bytes(got as u64)),
                        ],
                    ),
                    FileProblem::TooLong { expected, got } => fill(
                        t.too_long,
                        &[
                            file,
                            ("expected", bytes(expected)),
                            ("got", bytes(got as u64)),
                        ],
                    ),
                    FileProblem::NotSquare28 { rows, cols } => fill(
                        t.not_square,
                        &[file, ("rows", rows.to_string()), ("cols", cols.to_string())],
                    ),
                    FileProblem::Empty => fill(t.empty, &[file]),
                    FileProblem::Label { index, label } => fill(
                        t.label,
                        &[
                            file,
                            ("index", bytes(index as u64)),
                            ("label", label.to_string()),
                        ],
                    ),
                }
            }
            IdxError::TooManyFiles { count } => {
                fill(t.too_many_files, &[("count", bytes(*count as u64))])
            }
            IdxError::Parts { images, labels } => fill(
                t.parts,
                &[
                    ("images", images.to_string()),
                    ("labels", labels.to_string()),
                ],
            ),
            IdxError::CountMismatch {
                images,
                image_count,
                labels,
                label_count,
            } => fill(
                t.count_mismatch,
                &[
                    ("images", quoted(images)),
                    ("ni", bytes(*image_count as u64)),
                    ("labels", quoted(labels)),
                    ("nl", bytes(*label_count as u64)),
                ],
            ),
            IdxError::Ambiguous { count } => fill(t.ambiguous, &[("count", bytes(*count as u64))]),
        }
    }
}

// The English sentence, for logs and tools; the page asks for its own language.
impl fmt::Display for IdxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_source_line_groups_thousands_in_both_languages() {
        let s = DataSource {
            kind: DataKind::Digits,
            train: 60_000,
            test: 10_000,
        };
        assert_eq!(
            s.sentence(Lang::En),
            "MNIST: 60,000 training, 10,000 test images"
        );
        assert_eq!(
            s.sentence(Lang::Ko),
            "MNIST: 학습 이미지 60,000장, 테스트 이미지 10,000장"
        );
        assert_eq!(
            DataSource::shipped(10_000).sentence(Lang::En),
            "MNIST: 8,000 training, 2,000 test images"
        );
    }

    #[test]
    fn every_kind_names_its_ten_classes() {
        assert_eq!(DataKind::Digits.class_name(7, Lang::Ko), "7");
        assert_eq!(DataKind::Fashion.class_name(9, Lang::En), "Ankle boot");
        assert_eq!(DataKind::Fashion.class_name(0, Lang::Ko), "티셔츠/톱");
        let mut other = DataKind::other();
        if let DataKind::Other { names } = &mut other {
            names[2] = "  cat ".into();
            names[3] = "{k}".into();
        }
        assert_eq!(other.class_name(2, Lang::En), "cat");
        assert_eq!(other.class_name(3, Lang::Ko), "{k}");
        assert_eq!(other.class_name(4, Lang::En), "Class 4");
        assert_eq!(other.class_name(4, Lang::Ko), "클래스 4");
        for lang in [Lang::En, Lang::Ko] {
            let mut names: Vec<String> = (0..10)
                .map(|k| DataKind::Fashion.class_name(k, lang))
                .collect();
            names.sort();
            names.dedup();
            assert_eq!(names.len(), 10, "{lang:?}");
        }
    }

    #[test]
    fn the_panel_says_a_refusal_whole_and_a_failed_save_with_the_browsers_reason() {
        let e = IdxError::File {
            name: "t10k-images-idx3-ubyte.gz".into(),
            problem: FileProblem::Gzip,
        };
        let en = DataNews::Refused(e.clone()).message(Lang::En);
        assert_eq!(
            en,
            "\"t10k-images-idx3-ubyte.gz\" is a damaged gzip file: it could not be decompressed intact. The set in use is unchanged."
        );
        let ko = DataNews::Refused(e).message(Lang::Ko);
        assert!(ko.ends_with("지금 쓰는 데이터는 그대로입니다."), "{ko}");
        let ko = DataNews::NotKept("QuotaExceededError".into()).message(Lang::Ko);
        assert!(
            ko.contains("(QuotaExceededError)") && ko.contains("사라집니다"),
            "{ko}"
        );
        assert!(DataNews::NotKept(String::new()).is_bad());
        assert!(!DataNews::Kept.is_bad());
        let s = DataSource {
            kind: DataKind::Fashion,
            train: 60_000,
            test: 10_000,
        };
        assert_eq!(
            s.kept_line(Lang::En),
            "Fashion-MNIST, 60,000 training images"
        );
        assert_eq!(s.kept_line(Lang::Ko), "Fashion-MNIST, 학습 이미지 60,000장");
    }

    #[test]
    fn refusals_name_the_file_and_the_numbers() {
        let e = IdxError::File {
            name: "train-labels-idx1-ubyte".into(),
            problem: FileProblem::Label {
                index: 4,
                label: 10,
            },
        };
        assert_eq!(
            e.to_string(),
            "\"train-labels-idx1-ubyte\" gives image 4 the label 10; labels must be 0–9."
        );
        assert_eq!(
            e.message(Lang::Ko),
            "\"train-labels-idx1-ubyte\" 파일에서 인덱스 4 이미지의 레이블이 10입니다. 레이블은 0–9 사이여야 합니다."
        );
        let e = IdxError::File {
            name: "{file}".repeat(1000),
            problem: FileProblem::TooLarge {
                size: 70_000_000,
                cap: 64 << 20,
            },
        };
        let en = e.message(Lang::En);
        assert!(
            en.contains("70,000,000 bytes") && en.contains("67,108,864"),
            "{en}"
        );
        assert!(en.chars().count() < 160, "{en}");
        let e = IdxError::File {
            name: "x".into(),
            problem: FileProblem::WrongType { found: 0x0D },
        };
        assert!(e.message(Lang::En).contains("type 0x0D"));
    }
}
