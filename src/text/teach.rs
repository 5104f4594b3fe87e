//! Text of the Draw section's "Your handwriting" parts (`components/draw/label.rs`,
//! `components/draw/mydigits.rs`): labelling the drawing (`draw-teach`), Your digits
//! (`mydigits`), their export, and teaching the model in use; and the sentences of
//! [`DigitsProblem`], [`Blocked`] and [`ReportLine`].

use super::{fill, text};
use crate::data::mydigits::{DigitsProblem, HOLD_BACK_EVERY, MIN_TAUGHT};
use crate::lang::Lang;
use crate::train::mydigits::{Blocked, Check, ReportLine};

table! {
    /// Every string of Your digits and of labelling a drawing.
    pub struct TeachText {
        /// Legend of the ten label buttons under the drawing canvas (`draw-teach`).
        label_legend {
            en: "This is a:",
            ko: "이 그림의 숫자:",
        }
        /// Accessible name of one label button; {d} is its digit.
        label_button {
            en: "Label this drawing {d}",
            ko: "이 그림에 레이블 {d} 붙이기",
        }
        /// Note beside the label buttons while they can be pressed.
        label_hint {
            en: "Press what your drawing is: it joins Your digits below.",
            ko: "그린 숫자를 누르세요. 아래 ‘내 손글씨’에 추가됩니다.",
        }
        /// Note beside the label buttons while nothing is drawn.
        label_empty {
            en: "Draw a digit first, then press what it is.",
            ko: "먼저 숫자를 그린 다음, 무슨 숫자인지 누르세요.",
        }
        /// Note beside the label buttons while a built-in sample is on the canvas.
        label_sample {
            en: "A sample from MNIST cannot join Your digits: draw your own.",
            ko: "MNIST 예시 숫자는 ‘내 손글씨’에 넣을 수 없습니다. 직접 그려 보세요.",
        }
        /// Said once a labelled drawing is stored; {d} its label, {n} how many there are now.
        label_added {
            en: "Kept in Your digits, labelled {d} ({n} in all).",
            ko: "레이블 {d|을} 붙여 ‘내 손글씨’에 저장했습니다(모두 {n}장).",
        }
        /// Heading (h3) of Your digits (`mydigits`).
        title {
            en: "Your digits",
            ko: "내 손글씨",
        }
        /// Paragraph under the Your digits heading; {every} is 5.
        intro {
            en: "Each drawing you label is kept here, in this browser, as the 28×28 input the model reads, with its label. Every {every}th digit you label is held back: it is never taught, only used to check the model.",
            ko: "레이블을 붙인 그림은 모델이 읽는 28×28 입력 그대로, 레이블과 함께 이 브라우저에 저장됩니다. 레이블을 붙인 손글씨 {every}장마다 한 장은 확인용으로 남겨 두어, 가르칠 때는 쓰지 않고 모델을 확인하는 데만 씁니다.",
        }
        /// How many digits there are (`mydigits-count`), for one.
        count_one {
            en: "1 digit",
            ko: "손글씨 1장",
        }
        /// How many digits there are (`mydigits-count`), for any other number {n}.
        count_many {
            en: "{n} digits",
            ko: "손글씨 {n}장",
        }
        /// How many of them are held back; {h} a number.
        count_held {
            en: "{h} held back for checking",
            ko: "그중 확인용 {h}장",
        }
        /// Shown instead of the list while there are none.
        empty {
            en: "None yet: draw a digit above and press what it is.",
            ko: "아직 없습니다. 위에 숫자를 그리고 무슨 숫자인지 눌러 보세요.",
        }
        /// Caption of the list of digits (visually hidden).
        list_label {
            en: "Your digits, in the order you labelled them",
            ko: "레이블을 붙인 순서대로 놓인 내 손글씨",
        }
        /// Accessible name of a thumbnail; {k} its place from 1, {d} its label.
        thumb {
            en: "Digit {k}, labelled {d}",
            ko: "{k}번째 손글씨, 레이블 {d}",
        }
        /// Accessible name of a held-back thumbnail.
        thumb_held {
            en: "Digit {k}, labelled {d}, held back for checking",
            ko: "{k}번째 손글씨, 레이블 {d}, 확인용",
        }
        /// Tag on a held-back thumbnail.
        held_tag {
            en: "held back",
            ko: "확인용",
        }
        /// Accessible name of a thumbnail's delete button (`mydigits-delete`).
        delete {
            en: "Delete digit {k}, labelled {d}",
            ko: "{k}번째 손글씨(레이블 {d}) 삭제",
        }
        /// Said once a digit is deleted.
        deleted {
            en: "Deleted digit {k}, labelled {d}.",
            ko: "{k}번째 손글씨(레이블 {d})를 삭제했습니다.",
        }
        /// Label before the two export buttons.
        export_title {
            en: "Export:",
            ko: "파일로 내보내기:",
        }
        /// Button exporting the images file (`mydigits-export-images`).
        export_images {
            en: "Images file",
            ko: "이미지 파일",
        }
        /// Button exporting the labels file (`mydigits-export-labels`).
        export_labels {
            en: "Labels file",
            ko: "레이블 파일",
        }
        /// Note under the export buttons, before the two file names.
        export_note {
            en: "Two gzip-compressed IDX files, the format MNIST itself comes in, so any MNIST loader reads them:",
            ko: "MNIST 원본과 같은 형식으로 압축한 파일 두 개라서, MNIST를 읽는 프로그램이면 어디서든 읽을 수 있습니다:",
        }
        /// Heading (h4) of the teaching part.
        teach_title {
            en: "Teach the model your handwriting",
            ko: "모델에게 내 손글씨 가르치기",
        }
        /// How teaching works.
        teach_intro {
            en: "Teaching trains the model Draw uses a little more, in the training worker, on your digits mixed with the training images of the set in use, so it learns your handwriting without forgetting the rest. Your digits are shifted, turned and thickened a little each time. Pause and Reset in the Train section work as for any run; the taught model is kept in My models, and Draw reads with it.",
            ko: "‘모델에게 가르치기’를 누르면 학습 워커가 지금 그림을 분류하는 모델을 조금 더 학습시킵니다. 내 손글씨를 지금 쓰는 데이터의 학습 이미지와 섞어 학습하므로, 모델은 원래 알던 것을 잊지 않고 내 손글씨를 익힙니다. 내 손글씨는 매번 조금씩 옮기고 돌리고 굵기를 바꿔서 씁니다. 학습 섹션의 ‘일시 정지’와 ‘가중치 초기화’도 다른 학습과 똑같이 쓸 수 있습니다. 다 배운 모델은 ‘내 모델 목록’에 저장되고, 그림 분류에도 바로 쓰입니다.",
        }
        /// The stated mix (`mydigits-mix`); {steps} 40, {batch} 64, {yours} 16, {rest} 48.
        teach_mix {
            en: "{steps} steps of {batch} images: {yours} of yours, {rest} from the training set.",
            ko: "{steps}단계, 단계마다 이미지 {batch}장: 내 손글씨 {yours}장과 학습 데이터 {rest}장.",
        }
        /// The teach button (`mydigits-finetune`).
        teach_button {
            en: "Teach the model",
            ko: "모델에게 가르치기",
        }
        /// Why the button is disabled: too few digits; {n} more to label, {min} 4, {every} 5.
        why_more {
            en: "Label {n} more to teach: the model learns from at least {min} of your digits, and every {every}th you label is held back to check it.",
            ko: "가르치려면 레이블을 {n}장 더 붙이세요. 모델은 내 손글씨를 적어도 {min}장 보고 배우며, {every}장마다 한 장은 확인용으로 남겨 둡니다.",
        }
        /// Why the button is disabled: the worker is busy.
        why_busy {
            en: "The training worker is busy with a run: teach once it is paused or done.",
            ko: "학습 워커에서 학습이 진행 중입니다. 일시 정지하거나 끝난 뒤에 가르칠 수 있습니다.",
        }
        /// Why the button is disabled: the model is not loaded yet.
        why_model {
            en: "The model is still loading.",
            ko: "모델을 아직 불러오는 중입니다.",
        }
        /// The held-back line while no digit is held back (`mydigits-check`); {every} 5.
        check_none {
            en: "None held back yet: every {every}th digit you label will be.",
            ko: "아직 확인용 손글씨가 없습니다. 레이블을 붙인 {every}장마다 한 장이 확인용이 됩니다.",
        }
        /// The held-back line (`mydigits-check`): how many the model Draw uses reads right now.
        check_now {
            en: "Held back: the model Draw uses reads {a} of {n} right.",
            ko: "확인용 {n}장 가운데 지금 그림을 분류하는 모델은 {a}장을 맞게 읽습니다.",
        }
        /// The report of a teaching run (`mydigits-report`) while it runs.
        report_teaching {
            en: "Held back: {a} of {n} read right before teaching. Teaching…",
            ko: "확인용 {n}장 가운데 가르치기 전에는 {a}장을 맞게 읽었습니다. 가르치는 중…",
        }
        /// The report once the taught model is in use: {a} before, {b} after, of {n}.
        report_after {
            en: "Held back: {a} of {n} read right before teaching, {b} of {n} after.",
            ko: "확인용 손글씨를 가르치기 전에는 {n}장 중 {a}장, 가르친 후에는 {n}장 중 {b}장 맞게 읽습니다.",
        }
        /// The report of a teaching run that ended without a taught model.
        report_stopped {
            en: "Held back: {a} of {n} read right before teaching. Teaching ended without a new model, so the model is unchanged.",
            ko: "확인용 {n}장 가운데 가르치기 전에는 {a}장을 맞게 읽었습니다. 가르치기가 새 모델 없이 끝나서 모델은 그대로입니다.",
        }
        /// A labelled drawing was not stored; {e} the browser's reason.
        save_failed {
            en: "This drawing was not kept: the browser's storage refused it ({e}). Your digits are unchanged.",
            ko: "이 그림을 저장하지 못했습니다. 브라우저 저장소가 거부했습니다({e}). ‘내 손글씨’는 그대로입니다.",
        }
        /// The stored digits could not be read.
        load_failed {
            en: "Your digits could not be read from this browser's storage ({e}).",
            ko: "이 브라우저 저장소에서 내 손글씨를 읽지 못했습니다({e}).",
        }
        /// A digit was not deleted.
        delete_failed {
            en: "The digit was not deleted: the browser's storage refused it ({e}).",
            ko: "손글씨를 삭제하지 못했습니다. 브라우저 저장소가 거부했습니다({e}).",
        }
        /// Stored records that were not digits were removed; {n} how many.
        unreadable {
            en: "Stored digits that could not be read were removed: {n}. The others are unchanged.",
            ko: "읽을 수 없는 손글씨를 저장소에서 지웠습니다: {n}장. 나머지는 그대로입니다.",
        }
        /// A file could not be offered for download.
        download_failed {
            en: "The file could not be offered for download ({e}).",
            ko: "파일을 내려받게 하지 못했습니다({e}).",
        }
    }
}

impl TeachText {
    /// How many digits, as `mydigits-count` says it.
    pub fn count(&self, n: usize) -> String {
        if n == 1 {
            self.count_one.to_string()
        } else {
            fill(self.count_many, &[("n", n.to_string())])
        }
    }
}

impl DigitsProblem {
    /// The sentence the page shows.
    pub fn message(&self, lang: Lang) -> String {
        let t = text(lang).teach;
        match self {
            DigitsProblem::Save(e) => fill(t.save_failed, &[("e", e.clone())]),
            DigitsProblem::Load(e) => fill(t.load_failed, &[("e", e.clone())]),
            DigitsProblem::Delete(e) => fill(t.delete_failed, &[("e", e.clone())]),
            DigitsProblem::Unreadable(n) => fill(t.unreadable, &[("n", n.to_string())]),
            DigitsProblem::Download(e) => fill(t.download_failed, &[("e", e.clone())]),
        }
    }
}

impl Blocked {
    /// Why the Teach button is disabled, as a sentence.
    pub fn message(&self, lang: Lang) -> String {
        let t = text(lang).teach;
        match *self {
            Blocked::NoModel => t.why_model.to_string(),
            Blocked::Busy => t.why_busy.to_string(),
            Blocked::More(n) => fill(
                t.why_more,
                &[
                    ("n", n.to_string()),
                    ("min", MIN_TAUGHT.to_string()),
                    ("every", HOLD_BACK_EVERY.to_string()),
                ],
            ),
        }
    }
}

impl ReportLine {
    /// The held-back line of a teaching run, as a sentence.
    pub fn message(&self, lang: Lang) -> String {
        let t = text(lang).teach;
        let counts = |c: &Check| [("a", c.right.to_string()), ("n", c.of.to_string())];
        match self {
            ReportLine::Teaching(c) => fill(t.report_teaching, &counts(c)),
            ReportLine::Stopped(c) => fill(t.report_stopped, &counts(c)),
            ReportLine::After(c, after) => {
                let [a, n] = counts(c);
                fill(t.report_after, &[a, n, ("b", after.right.to_string())])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_refusals_read_in_both_languages() {
        assert_eq!(TeachText::EN.count(1), "1 digit");
        assert_eq!(TeachText::EN.count(12), "12 digits");
        assert_eq!(TeachText::KO.count(12), "손글씨 12장");
        assert_eq!(
            Blocked::More(2).message(Lang::En),
            "Label 2 more to teach: the model learns from at least 4 of your digits, and every 5th you label is held back to check it."
        );
        assert!(Blocked::More(2).message(Lang::Ko).contains("2장 더"));
        let before = Check { right: 0, of: 2 };
        let after = Check { right: 2, of: 2 };
        assert_eq!(
            ReportLine::After(before, after).message(Lang::En),
            "Held back: 0 of 2 read right before teaching, 2 of 2 after."
        );
        assert_eq!(
            ReportLine::After(before, after).message(Lang::Ko),
            "확인용 손글씨를 가르치기 전에는 2장 중 0장, 가르친 후에는 2장 중 2장 맞게 읽습니다."
        );
        let e = DigitsProblem::Save("QuotaExceededError".into());
        assert!(e.message(Lang::En).contains("(QuotaExceededError)"));
        assert!(e.message(Lang::Ko).contains("(QuotaExceededError)"));
        // The label's particle follows how the digit is read: 1을, 2를.
        assert_eq!(
            fill(
                TeachText::KO.label_added,
                &[("d", "1".into()), ("n", "3".into())]
            ),
            "레이블 1을 붙여 ‘내 손글씨’에 저장했습니다(모두 3장)."
        );
        assert_eq!(
            fill(
                TeachText::KO.label_added,
                &[("d", "2".into()), ("n", "3".into())]
            ),
            "레이블 2를 붙여 ‘내 손글씨’에 저장했습니다(모두 3장)."
        );
    }
}
