// Real Vietnamese names in each legacy encoding, written as the bytes those encodings use.

#include <gtest/gtest.h>

#include "ZipBuilder.h"
#include "base/Text.h"
#include "io/dataset/DatasetReader.h"
#include "io/encoding/Cp1252.h"
#include "io/encoding/CsvEncodingFilter.h"
#include "io/encoding/LegacyDecode.h"
#include "io/encoding/LegacyTextDetector.h"
#include "io/encoding/VietnameseSyllables.h"
#include "io/xlsx/XlsxDatasetReader.h"

using namespace thidua;
using namespace thidua::testing_support;

namespace {

// "Hà Nội", "Nguyễn Thị Hồng Nhung", "Trần Văn Đức", "Trường Tiểu học Phú Quốc"
const std::string kTcvn3[] = {
    "H\xB5 N\xE9i",
    "Nguy\xD4n Th\xDE H\xE5ng Nhung",
    "Tr\xC7n V\xA8n \xA7\xF8"
    "c",
    "Tr\xAD\xEAng Ti\xD3u h\xE4"
    "c Ph\xF3 Qu\xE8"
    "c",
};
const std::string kVni[] = {
    "Ha\xF8 No\xE4i",
    "Nguye\xE3n Th\xF2 Ho\xE0ng Nhung",
    "Tra\xE0n Va\xEAn \xD1\xF6\xF9"
    "c",
    "Tr\xF6\xF4\xF8ng Tie\xE5u ho\xEF"
    "c Phu\xF9 Quo\xE1"
    "c",
};
const std::string kCp1258[] = {
    "H\xE0 N\xF4\xF2i",
    "Nguy\xEA\xDEn Thi\xF2 H\xF4\xCCng Nhung",
    "Tr\xE2\xCCn V\xE3n \xD0\xFD\xEC"
    "c",
    "Tr\xFD\xF5\xCCng Ti\xEA\xD2u ho\xF2"
    "c Phu\xEC Qu\xF4\xEC"
    "c",
};
const std::string kUnicode[] = {
    "Hà Nội",
    "Nguyễn Thị Hồng Nhung",
    "Trần Văn Đức",
    "Trường Tiểu học Phú Quốc",
};

std::string units_csv(const std::string (&names)[4]) {
    std::string csv = "id,name,type\n";
    for (int i = 0; i < 4; ++i)
        csv += "U" + std::to_string(i) + "," + names[i] + ",office\n";
    return csv;
}

// The cp1252 characters of legacy bytes, as Excel shows text typed with legacy fonts.
std::string as_western(const std::string& bytes) {
    std::string out;
    for (unsigned char b : bytes) {
        if (b < 0x80) {
            out += static_cast<char>(b);
        } else {
            const std::string one(1, static_cast<char>(b));
            // cp1252 -> UTF-8 for the test: only 0xA0..0xFF and a few 0x80..0x9F appear here.
            static const char* k80[32] = {"€", "\xC2\x81", "‚",        "ƒ", "„", "…", "†",
                                          "‡", "ˆ",        "‰",        "Š", "‹", "Œ", "\xC2\x8D",
                                          "Ž", "\xC2\x8F", "\xC2\x90", "‘", "’", "“", "”",
                                          "•", "–",        "—",        "˜", "™", "š", "›",
                                          "œ", "\xC2\x9D", "ž",        "Ÿ"};
            if (b < 0xA0) {
                out += k80[b - 0x80];
            } else {
                out += static_cast<char>(0xC0 | (b >> 6));
                out += static_cast<char>(0x80 | (b & 0x3F));
            }
        }
    }
    return out;
}

tl::expected<Dataset, Diagnostics> read_units(const std::string& csv, Diagnostics& warnings) {
    return read_dataset_from_memory({{"units.csv", csv}}, csv_encoding_filter(warnings));
}

void expect_names(const Dataset& data) {
    ASSERT_EQ(data.units.size(), 4u);
    for (int i = 0; i < 4; ++i)
        EXPECT_EQ(data.units[static_cast<size_t>(i)].name, kUnicode[i]);
}

}  // namespace

TEST(LegacyDecode, EachEncodingDecodesRealNames) {
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ(decode_legacy(kTcvn3[i], LegacyEncoding::Tcvn3), kUnicode[i]);
        EXPECT_EQ(decode_legacy(kVni[i], LegacyEncoding::Vni), kUnicode[i]);
        EXPECT_EQ(decode_legacy(kCp1258[i], LegacyEncoding::Cp1258), kUnicode[i]);
    }
}

TEST(LegacyDecode, VniModifierWithoutAVowelIsNotVni) {
    EXPECT_FALSE(decode_vni("t\xF8"));
    EXPECT_FALSE(decode_vni("\xF9"));
}

TEST(Cp1252, MapsWesternCharactersBackToBytes) {
    EXPECT_EQ(utf8_to_cp1252("Hµ Néi"), "H\xB5 N\xE9i");
    EXPECT_EQ(utf8_to_cp1252("“x” €"), "\x93x\x94 \x80");
    EXPECT_FALSE(utf8_to_cp1252("Nội"));
}

TEST(Cp1252, ChecksACellInOnePassAsTheSeparateChecksWould) {
    const char* const pieces[] = {"a",
                                  "é",
                                  "µ",
                                  "€",
                                  "“",
                                  "ă",
                                  "ễ",
                                  "Ω",
                                  "\x80",
                                  "\xC3",
                                  "Ơ",
                                  "\xE1\xBB",
                                  "\xF0\x9F\x98\x80",
                                  "\xED\xA0\x80",
                                  "Ÿ",
                                  "ƒ",
                                  "e\xCC\x81"};
    uint32_t seed = 3;
    for (int k = 0; k < 20000; ++k) {
        std::string cell;
        for (int j = 0; j < 5; ++j) {
            seed = seed * 1103515245 + 12345;
            cell += pieces[(seed >> 16) % std::size(pieces)];
        }
        const Utf8CellCheck check = check_utf8_cell(cell);
        ASSERT_EQ(check.valid, is_valid_utf8(cell)) << cell;
        if (!check.valid) continue;
        EXPECT_EQ(check.fits_cp1252, fits_cp1252(cell)) << cell;
        EXPECT_EQ(check.precomposed, is_precomposed_latin(cell)) << cell;
    }
}

// Marks are looked at letter by letter, whether the text came composed, decomposed, or with its
// marks in another order than NFD's.
TEST(VietnameseSyllables, ComposedAndDecomposedTextReadAlike) {
    EXPECT_TRUE(plausible_vietnamese("Nguye\xCC\x82\xCC\x83n Thi\xCC\xA3"));
    EXPECT_TRUE(plausible_vietnamese("Nguye\xCC\x83\xCC\x82n"));
    EXPECT_TRUE(plausible_vietnamese("a\xCC\x81\xCC\xA3") ==
                plausible_vietnamese("a\xCC\xA3\xCC\x81"));
    EXPECT_FALSE(plausible_vietnamese("a\xCC\x81\xCC\x80"));  // two tones
    EXPECT_FALSE(plausible_vietnamese("\xCC\x81"));           // a mark on nothing
    EXPECT_FALSE(plausible_vietnamese("Nguy\xFFn"));          // invalid bytes are no letter
}

TEST(VietnameseSyllables, TellsVietnameseFromMojibake) {
    for (const std::string& name : kUnicode)
        EXPECT_TRUE(plausible_vietnamese(name)) << name;
    EXPECT_TRUE(plausible_vietnamese("Ủy ban nhân dân tỉnh Kiên Giang – KG"));
    EXPECT_TRUE(plausible_vietnamese("ABC-123, id"));
    EXPECT_FALSE(plausible_vietnamese("Hµ Néi"));
    EXPECT_FALSE(plausible_vietnamese("Nguyeãn Thò"));
    EXPECT_FALSE(plausible_vietnamese("Viêòt"));  // cp1258 read as cp1252
    EXPECT_FALSE(plausible_vietnamese("Müller"));
}

TEST(LegacyCsv, Tcvn3BytesAreConvertedAndReported) {
    Diagnostics warnings;
    auto data = read_units(units_csv(kTcvn3), warnings);
    ASSERT_TRUE(data) << data.error().front().format();
    expect_names(*data);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0].file, "units.csv");
    EXPECT_NE(warnings[0].message.find("TCVN3"), std::string::npos);
}

TEST(LegacyCsv, VniBytesAreConverted) {
    Diagnostics warnings;
    auto data = read_units(units_csv(kVni), warnings);
    ASSERT_TRUE(data) << data.error().front().format();
    expect_names(*data);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_NE(warnings[0].message.find("VNI"), std::string::npos);
}

TEST(LegacyCsv, Windows1258BytesAreConverted) {
    Diagnostics warnings;
    auto data = read_units(units_csv(kCp1258), warnings);
    ASSERT_TRUE(data) << data.error().front().format();
    expect_names(*data);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_NE(warnings[0].message.find("1258"), std::string::npos);
}

TEST(LegacyCsv, MojibakeSavedAsUtf8IsConverted) {
    for (const auto* names : {&kTcvn3, &kVni}) {
        std::string western[4];
        for (int i = 0; i < 4; ++i)
            western[i] = as_western((*names)[i]);
        Diagnostics warnings;
        auto data = read_units(units_csv(western), warnings);
        ASSERT_TRUE(data) << data.error().front().format();
        expect_names(*data);
        EXPECT_EQ(warnings.size(), 1u);
    }
}

// A large file is scanned in parts on several threads: mojibake cells in every part are found
// and converted, in file order, as in a small file.
TEST(LegacyCsv, MojibakeThroughoutALargeFileIsConvertedInEveryPart) {
    std::string western[4];
    for (int i = 0; i < 4; ++i)
        western[i] = as_western(kTcvn3[i]);
    std::string csv = "id,name,type\n";
    std::string expected = csv;
    size_t row = 0, legacy = 0;
    const auto add = [&](bool mojibake) {
        const std::string id = "U" + std::to_string(row);
        csv += id + "," + (mojibake ? western[legacy % 4] : "Ha Noi") + ",office\n";
        expected += id + "," + (mojibake ? kUnicode[legacy % 4] : "Ha Noi") + ",office\n";
        legacy += mojibake ? 1 : 0;
        ++row;
    };
    // 20 MB, mostly ASCII (skipped at memory speed): split in parts on any machine with 2 cores.
    while (csv.size() < (20u << 20))
        add(row % 5000 == 0);
    add(true);  // the last row, in the last part
    const LegacyResult result = convert_legacy_text(csv);
    ASSERT_TRUE(result.converted);
    EXPECT_EQ(result.converted->cells, legacy);
    EXPECT_TRUE(result.valid_utf8);
    EXPECT_TRUE(csv == expected);
}

TEST(LegacyCsv, UnicodeFilesAreLeftAlone) {
    Diagnostics warnings;
    std::string csv =
        units_csv(kUnicode) + "X,Lê Ánh,office\nY,Trà Vinh,office\nZ,José Müller,office\n";
    std::string before = csv;
    EXPECT_FALSE(convert_legacy_text(csv).converted);
    EXPECT_EQ(csv, before);
    auto data = read_units(csv, warnings);
    ASSERT_TRUE(data);
    EXPECT_TRUE(warnings.empty());
}

// The filter tells the reader when the text is UTF-8 for sure, so that 140 MB are not checked
// twice; when it cannot tell, the reader still names each cell that is not.
TEST(LegacyCsv, TheFilterSaysWhenTheTextIsNowUtf8) {
    std::string ascii = "id,name,type\nX,Ha Noi,office\n";
    EXPECT_TRUE(convert_legacy_text(ascii).valid_utf8);
    std::string unicode = units_csv(kUnicode);
    EXPECT_TRUE(convert_legacy_text(unicode).valid_utf8);
    std::string tcvn3 = units_csv(kTcvn3);
    const LegacyResult converted = convert_legacy_text(tcvn3);
    EXPECT_TRUE(converted.converted);
    EXPECT_TRUE(converted.valid_utf8);
    EXPECT_TRUE(convert_legacy_text(ascii).nfc);
    EXPECT_TRUE(convert_legacy_text(unicode).nfc);
    EXPECT_FALSE(converted.nfc);  // the decodings were not looked at
    std::string decomposed = units_csv(kUnicode) + "X,Nguye\xCC\x82\xCC\x83n,office\n";
    const LegacyResult marks = convert_legacy_text(decomposed);
    EXPECT_TRUE(marks.valid_utf8);
    EXPECT_FALSE(marks.nfc);
    std::string greek = units_csv(kUnicode) + "X,Ωμέγα,office\n";
    EXPECT_FALSE(convert_legacy_text(greek).nfc);  // NFC, but not known so without ICU
    std::string garbage = "id,name,type\nX,\xFF\xFE\xFF,office\n";
    const LegacyResult unknown = convert_legacy_text(garbage);
    EXPECT_FALSE(unknown.converted);
    EXPECT_FALSE(unknown.valid_utf8);
    EXPECT_FALSE(unknown.nfc);

    Diagnostics warnings;
    auto data = read_units(garbage, warnings);
    ASSERT_FALSE(data);
    bool named = false;
    for (const Diagnostic& d : data.error())
        named = named || (d.line == 2 && d.field == "name" &&
                          d.message_en.find("not valid UTF-8") != std::string::npos);
    EXPECT_TRUE(named) << data.error()[0].format();
}

// Names are stored NFC whether the file was known NFC (read as they are) or not (normalized),
// by the TableReader (units.csv) and by people.csv's plain lines alike.
TEST(LegacyCsv, NamesComeOutNfcWhetherTheFileWasKnownNfcOrNot) {
    for (const std::string& name :
         {std::string("Nguyễn Thị Ánh"), std::string("Nguye\xCC\x82\xCC\x83n Thi\xCC\xA3")}) {
        Diagnostics warnings;
        const DatasetFiles files = {
            {"units.csv", "id,name,type\nX," + name + ",office\n"},
            {"people.csv",
             "id,name,unit_id,gender,par_role,resident,component,tags\nP1," + name + ",X,,,,,\n"}};
        auto data = read_dataset_from_memory(files, csv_encoding_filter(warnings));
        ASSERT_TRUE(data) << data.error()[0].format();
        EXPECT_EQ(data->units[0].name, to_nfc(name));
        EXPECT_EQ(data->people.name[0], to_nfc(name));
    }
}

TEST(LegacyCsv, UnconvertibleLegacyTextIsRefusedNamingTheEncoding) {
    // VNI names plus a cell whose modifier byte follows no vowel: VNI, but broken.
    std::string csv = units_csv(kVni) + "X,Nguye\xE3n Th\xF8,office\n";
    Diagnostics warnings;
    auto data = read_units(csv, warnings);
    ASSERT_FALSE(data);
    EXPECT_NE(data.error()[0].message.find("VNI"), std::string::npos) << data.error()[0].format();
}

TEST(LegacyXlsx, Tcvn3StringsInAWorkbookAreConvertedNamingTheSheet) {
    std::string rows = inline_row(1, {"id", "name", "type"});
    for (int i = 0; i < 4; ++i)
        rows += inline_row(i + 2, {"U" + std::to_string(i), as_western(kTcvn3[i]), "office"});
    Diagnostics warnings;
    auto data = read_dataset_xlsx_from_memory(xlsx_package({{"units", rows}}), "cu.xlsx", warnings);
    ASSERT_TRUE(data) << data.error().front().format();
    expect_names(*data);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0].file, "[cu.xlsx]units");
}
