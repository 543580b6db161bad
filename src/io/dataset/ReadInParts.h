#pragma once
// The rows after a table's header read in line-aligned parts (CsvParts.h), one thread a part:
// each part's rows go through `read_rows(table, part)` into a Part of its own, whose `sink`
// takes the part's problems, and the parts come back in file order for the caller to join on
// one thread. `reserve(part, rows)` first sizes a part for the rows it will have at most. A
// text whose parts cannot be read apart (a quote, a lone CR) is read whole, as one part.

#include <cstddef>
#include <latch>
#include <optional>
#include <string_view>
#include <vector>

#include "base/Text.h"
#include "base/Threads.h"
#include "io/dataset/CsvParts.h"
#include "io/dataset/TableReader.h"

namespace thidua::detail {

// nullopt when a part holds a quote or a lone CR. Each thread scans its part, and once all have
// (the latch), numbers its lines from the line ends of the parts before it.
template <typename Part, typename ReadRows, typename Reserve>
std::optional<std::vector<Part>> read_apart(const TableReader& header,
                                            const std::vector<std::string_view>& texts,
                                            ReadRows& read_rows, Reserve& reserve) {
    std::vector<PartScan> scans(texts.size());
    std::vector<Part> parts(texts.size());
    std::latch scanned(static_cast<std::ptrdiff_t>(texts.size()));
    const auto all_apart = [&] {
        for (const PartScan& s : scans) {
            if (!s.apart) return false;
        }
        return true;
    };
    run_parts(texts.size(), [&](size_t k) {
        scans[k] = scan_part(texts[k]);
        scanned.arrive_and_wait();
        if (!all_apart()) return;
        int line = header.rest_line();
        for (size_t j = 0; j < k; ++j)
            line += static_cast<int>(scans[j].line_ends);
        reserve(parts[k], scans[k].line_ends + 1);
        TableReader table(header, texts[k], line, parts[k].sink);
        read_rows(table, parts[k]);
    });
    if (!all_apart()) return std::nullopt;
    return parts;
}

template <typename Part, typename ReadRows, typename Reserve>
std::vector<Part> read_parts(const TableReader& header, ReadRows read_rows, Reserve reserve) {
    const std::vector<std::string_view> texts = cut_at_lines(header.rest(), worker_threads());
    if (texts.size() > 1) {
        if (std::optional<std::vector<Part>> parts =
                read_apart<Part>(header, texts, read_rows, reserve))
            return std::move(*parts);
    }
    std::vector<Part> whole(1);
    reserve(whole[0], count_newlines(header.rest()) + 1);
    TableReader table(header, header.rest(), header.rest_line(), whole[0].sink);
    read_rows(table, whole[0]);
    return whole;
}

}  // namespace thidua::detail
