//! Why a digits file was refused (`data::DataError`), shown where the page loads the digits.

table! {
    /// Every sentence of a refused digits file.
    pub struct DataText {
        /// The zlib stream is damaged or truncated.
        compression {
            en: "The data file is damaged: it could not be decompressed.",
            ko: "데이터 파일이 손상되어 압축을 풀 수 없습니다.",
        }
        /// The file does not start with `CLMNIST1`.
        magic {
            en: "This is not a convlab MNIST file (its header is wrong).",
            ko: "convlab MNIST 파일이 아닙니다(헤더가 다릅니다).",
        }
        /// Images that are not 28×28; {rows} {cols} are the header's.
        dimensions {
            en: "The images are {rows}×{cols}; MNIST images are 28×28.",
            ko: "이미지 크기가 {rows}×{cols}입니다. MNIST 이미지는 28×28이어야 합니다.",
        }
        /// A length that does not match the header; {expected} {got} in bytes.
        length {
            en: "The data file should hold {expected} bytes but holds {got}; it is truncated or damaged.",
            ko: "데이터 파일은 {expected}바이트여야 하지만 {got}바이트입니다. 잘렸거나 손상되었습니다.",
        }
        /// A label outside 0–9; {index} is the image's position, {label} the label found.
        label {
            en: "Image {index} has label {label}; labels must be digits 0–9.",
            ko: "인덱스 {index} 이미지의 레이블이 {label}입니다. 레이블은 0–9 사이의 숫자여야 합니다.",
        }
        /// Too few images to split; {n} images, {test} held out.
        too_few {
            en: "Only {n} images; the split needs more than {test}.",
            ko: "이미지가 {n}장뿐입니다. 학습 데이터와 테스트 데이터로 나누려면 {test}장보다 많아야 합니다.",
        }
    }
}
