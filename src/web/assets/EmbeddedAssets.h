#pragma once
// The web UI's files, embedded in the binary at build time by cmake/EmbedAssets.cmake (the
// generated source is ${CMAKE_BINARY_DIR}/generated/EmbeddedAssets.cpp). Paths are URL paths:
// "/index.html", "/assets/app.js", "/assets/vendor/chart.umd.js", …

#include <span>
#include <string_view>

namespace thidua::web {

struct EmbeddedAsset {
    std::string_view path;          // URL path, e.g. "/assets/app.css"
    std::string_view content_type;  // with "; charset=utf-8" for text
    std::string_view etag;          // strong, quoted: "\"<sha-256 prefix>\""
    std::string_view data;
};

// nullptr when no asset has that exact path.
const EmbeddedAsset* find_embedded_asset(std::string_view path);
std::span<const EmbeddedAsset> embedded_assets();

}  // namespace thidua::web
