//! Country names in English and Japanese for every country of the dataset, by ISO 3166 alpha-3.
//!
//! The English names are the dataset's (`countries.csv`). The Japanese names are those of the
//! Ministry of Foreign Affairs of Japan (外務省), "国・地域" list,
//! <https://www.mofa.go.jp/mofaj/area/index.html> (short names as the list gives them: 英国,
//! アメリカ合衆国, 北マケドニア; Türkiye is トルコ there). The test
//! `every_dataset_country_has_a_japanese_name` fails when the dataset gains a country this table
//! lacks.

/// (ISO 3166 alpha-3, English name, Japanese name), sorted by code.
pub(crate) const NAMES: &[(&str, &str, &str)] = &[
    ("ALB", "Albania", "アルバニア"),
    ("AUT", "Austria", "オーストリア"),
    ("BEL", "Belgium", "ベルギー"),
    ("BGR", "Bulgaria", "ブルガリア"),
    ("BLR", "Belarus", "ベラルーシ"),
    ("CAN", "Canada", "カナダ"),
    ("CYP", "Cyprus", "キプロス"),
    ("CZE", "Czechia", "チェコ"),
    ("DEU", "Germany", "ドイツ"),
    ("DNK", "Denmark", "デンマーク"),
    ("ESP", "Spain", "スペイン"),
    ("EST", "Estonia", "エストニア"),
    ("FIN", "Finland", "フィンランド"),
    ("FRA", "France", "フランス"),
    ("GBR", "United Kingdom", "英国"),
    ("GRC", "Greece", "ギリシャ"),
    ("HRV", "Croatia", "クロアチア"),
    ("HUN", "Hungary", "ハンガリー"),
    ("IRL", "Ireland", "アイルランド"),
    ("ISL", "Iceland", "アイスランド"),
    ("ITA", "Italy", "イタリア"),
    ("LTU", "Lithuania", "リトアニア"),
    ("LUX", "Luxembourg", "ルクセンブルク"),
    ("LVA", "Latvia", "ラトビア"),
    ("MKD", "North Macedonia", "北マケドニア"),
    ("MLT", "Malta", "マルタ"),
    ("MNE", "Montenegro", "モンテネグロ"),
    ("NLD", "Netherlands", "オランダ"),
    ("NOR", "Norway", "ノルウェー"),
    ("POL", "Poland", "ポーランド"),
    ("PRT", "Portugal", "ポルトガル"),
    ("ROU", "Romania", "ルーマニア"),
    ("RUS", "Russia", "ロシア"),
    ("SVK", "Slovakia", "スロバキア"),
    ("SVN", "Slovenia", "スロベニア"),
    ("SWE", "Sweden", "スウェーデン"),
    ("TUR", "Türkiye", "トルコ"),
    ("UKR", "Ukraine", "ウクライナ"),
    ("USA", "United States", "アメリカ合衆国"),
];

#[cfg(test)]
mod tests {
    use super::NAMES;

    #[test]
    fn every_dataset_country_has_a_japanese_name() {
        let dataset = bulwark_data::Dataset::embedded().expect("the embedded dataset loads");
        for country in &dataset.countries {
            let found = NAMES.iter().find(|(code, _, _)| *code == country.iso3.as_str());
            let (_, en, ja) = found.unwrap_or_else(|| panic!("no Japanese name for {}", country.iso3));
            assert_eq!(*en, country.name, "English name of {}", country.iso3);
            assert!(!ja.is_empty() && !ja.is_ascii(), "Japanese name of {}", country.iso3);
        }
    }

    #[test]
    fn table_is_sorted_without_duplicates() {
        assert!(NAMES.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
