#pragma once
// The rows after a table's header read in line-aligned parts (CsvParts.h), one thread a part:
// each part's rows go through `read_row(table, part)` into a Part of its own, whose `sink` takes
// the part's problems, and the parts come back in file order for the caller to join on one
// thread. `reserve(part, text)` first sizes a part for its text (estimate_rows).

#include <string_view>
#include <thread>
#include <vector>

#include "base/Threads.h"
#include "io/dataset/CsvParts.h"
#include "io/dataset/TableReader.h"

namespace thidua::detail {

// `read_rows(table, part)` reads every row of a part's table: for a caller with a faster path
// for its common rows (TableReader::unread).
template <typename Part, typename ReadRows, typename Reserve>
std::vector<Part> read_parts(const TableReader& header, ReadRows read_rows, Reserve reserve) {
    const std::vector<CsvPart> texts =
        split_csv_rows(header.rest(), header.rest_line(), worker_threads());
    std::vector<Part> parts(texts.size());
    const auto read_part = [&](const CsvPart& text, Part& part) {
        reserve(part, text.text);
        TableReader table(header, text.text, text.first_line(), part.sink);
        read_rows(table, part);
    };
    std::vector<std::jthread> threads;
    for (size_t k = 1; k < texts.size(); ++k)
        threads.emplace_back([&, k] { read_part(texts[k], parts[k]); });
    read_part(texts[0], parts[0]);
    for (std::jthread& t : threads)
        t.join();
    return parts;
}

template <typename Part, typename ReadRow, typename Reserve>
std::vector<Part> read_in_parts(const TableReader& header, ReadRow read_row, Reserve reserve) {
    const auto read_rows = [&](TableReader& table, Part& part) {
        while (table.next_row())
            read_row(table, part);
    };
    return read_parts<Part>(header, read_rows, reserve);
}

template <typename Part, typename ReadRow>
std::vector<Part> read_in_parts(const TableReader& header, ReadRow read_row) {
    return read_in_parts<Part>(header, read_row, [](Part&, std::string_view) {});
}

}  // namespace thidua::detail
