#pragma once
// The rows after a table's header read in line-aligned parts (CsvParts.h), one thread a part:
// `read_part(text, part)` fills a Part of its own, and the parts come back in file order for the
// caller to join on one thread.

#include <thread>
#include <vector>

#include "base/Threads.h"
#include "io/dataset/CsvParts.h"
#include "io/dataset/TableReader.h"

namespace thidua::detail {

template <typename Part, typename ReadPart>
std::vector<Part> read_in_parts(const TableReader& header, ReadPart read_part) {
    const std::vector<CsvPart> texts =
        split_csv_rows(header.rest(), header.rest_line(), worker_threads());
    std::vector<Part> parts(texts.size());
    std::vector<std::jthread> threads;
    for (size_t k = 1; k < texts.size(); ++k)
        threads.emplace_back([&, k] { read_part(texts[k], parts[k]); });
    read_part(texts[0], parts[0]);
    for (std::jthread& t : threads)
        t.join();
    return parts;
}

}  // namespace thidua::detail
