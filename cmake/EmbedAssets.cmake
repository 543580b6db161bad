# Embeds the web UI into the binary.
#
# Two halves in one file:
#  - included from CMakeLists.txt: thidua_embed_assets(<target>) lists the inputs (web/app/** and
#    the chosen node_modules files), writes a manifest and adds a build-time custom command that
#    regenerates ${CMAKE_BINARY_DIR}/generated/EmbeddedAssets.cpp whenever an input changes;
#  - run as a script (cmake -P, with MANIFEST and OUTPUT defined): reads every input and writes the
#    C++ source, one string literal of \x escapes per file, with its content type and a strong
#    ETag (a SHA-256 of the bytes).

# URL path -> file in web/node_modules. Only these vendor files are embedded; each works in the
# browser as is (no bundler): htm's standalone module carries Preact and its hooks, and
# chart.umd.js carries @kurkle/color. Their licences travel with them.
set(THIDUA_VENDOR_ASSETS
  "/assets/vendor/htm-preact.js=htm/preact/standalone.module.js"
  "/assets/vendor/chart.umd.js=chart.js/dist/chart.umd.js"
  "/assets/vendor/LICENSE-htm.txt=htm/LICENSE"
  "/assets/vendor/LICENSE-chart.js.txt=chart.js/LICENSE.md"
  "/assets/vendor/LICENSE-kurkle-color.txt=@kurkle/color/LICENSE.md"
)

function(thidua_embed_assets target)
  set(web_dir "${CMAKE_SOURCE_DIR}/web")
  set(modules "${web_dir}/node_modules")
  if(NOT EXISTS "${modules}/htm/package.json" OR NOT EXISTS "${modules}/chart.js/package.json")
    message(FATAL_ERROR
      "Thiếu web/node_modules (thư viện giao diện web lấy từ npm): chạy scripts/install-deps.sh "
      "(nó chạy `npm ci` trong web/). Missing web/node_modules: run scripts/install-deps.sh.")
  endif()

  file(GLOB_RECURSE app_files CONFIGURE_DEPENDS "${web_dir}/app/*")
  list(SORT app_files)
  set(manifest "")
  set(inputs "")
  foreach(f IN LISTS app_files)
    file(RELATIVE_PATH rel "${web_dir}/app" "${f}")
    if(rel MATCHES "(^|/)\\.|~$")  # editor back-ups and hidden files stay out
      continue()
    endif()
    if(rel STREQUAL "index.html")
      set(url "/index.html")
    else()
      set(url "/assets/${rel}")
    endif()
    string(APPEND manifest "${url}=${f}\n")
    list(APPEND inputs "${f}")
  endforeach()
  foreach(entry IN LISTS THIDUA_VENDOR_ASSETS)
    string(REGEX MATCH "^([^=]+)=(.+)$" _ "${entry}")
    set(file "${modules}/${CMAKE_MATCH_2}")
    if(NOT EXISTS "${file}")
      message(FATAL_ERROR "Thiếu ${file}: chạy scripts/install-deps.sh (npm ci trong web/).")
    endif()
    string(APPEND manifest "${CMAKE_MATCH_1}=${file}\n")
    list(APPEND inputs "${file}")
  endforeach()

  set(gen_dir "${CMAKE_BINARY_DIR}/generated")
  set(manifest_file "${gen_dir}/EmbeddedAssets.manifest")
  set(output "${gen_dir}/EmbeddedAssets.cpp")
  # Rewritten only when the list changes, so an unchanged list does not force a rebuild.
  file(CONFIGURE OUTPUT "${manifest_file}" CONTENT "${manifest}" @ONLY)

  add_custom_command(
    OUTPUT "${output}"
    COMMAND "${CMAKE_COMMAND}" -DMANIFEST=${manifest_file} -DOUTPUT=${output}
            -P "${CMAKE_SOURCE_DIR}/cmake/EmbedAssets.cmake"
    DEPENDS ${inputs} "${manifest_file}" "${CMAKE_SOURCE_DIR}/cmake/EmbedAssets.cmake"
            "${web_dir}/package-lock.json"
    COMMENT "Nhúng giao diện web (web/app và thư viện npm) vào EmbeddedAssets.cpp"
    VERBATIM)
  target_sources(${target} PRIVATE "${output}")
endfunction()

function(_thidua_content_type path out)
  string(REGEX MATCH "[^.]*$" ext "${path}")
  string(TOLOWER "${ext}" ext)
  set(text "; charset=utf-8")
  if(ext STREQUAL "html")
    set(type "text/html${text}")
  elseif(ext STREQUAL "css")
    set(type "text/css${text}")
  elseif(ext STREQUAL "js" OR ext STREQUAL "mjs")
    set(type "text/javascript${text}")
  elseif(ext STREQUAL "json" OR ext STREQUAL "map")
    set(type "application/json${text}")
  elseif(ext STREQUAL "txt" OR ext STREQUAL "md")
    set(type "text/plain${text}")
  elseif(ext STREQUAL "svg")
    set(type "image/svg+xml${text}")
  elseif(ext STREQUAL "png")
    set(type "image/png")
  elseif(ext STREQUAL "ico")
    set(type "image/x-icon")
  elseif(ext STREQUAL "woff2")
    set(type "font/woff2")
  else()
    set(type "application/octet-stream")
  endif()
  set(${out} "${type}" PARENT_SCOPE)
endfunction()

# ---- script mode -------------------------------------------------------------------------------
if(CMAKE_SCRIPT_MODE_FILE AND DEFINED MANIFEST AND DEFINED OUTPUT)
  file(STRINGS "${MANIFEST}" entries ENCODING UTF-8)
  set(body "")
  set(table "")
  set(i 0)
  foreach(entry IN LISTS entries)
    string(REGEX MATCH "^([^=]+)=(.+)$" _ "${entry}")
    set(url "${CMAKE_MATCH_1}")
    set(file "${CMAKE_MATCH_2}")
    file(READ "${file}" hex HEX)
    file(SIZE "${file}" size)
    file(SHA256 "${file}" sha)
    string(SUBSTRING "${sha}" 0 32 sha)
    _thidua_content_type("${url}" type)
    # Every byte as \xNN (so no escape can swallow the next character), 64 bytes a line.
    string(REGEX REPLACE "([0-9a-f][0-9a-f])" "\\\\x\\1" escaped "${hex}")
    string(REPEAT "\\\\x.." 32 line)
    string(REGEX REPLACE "(${line})" "\\1\"\n    \"" escaped "${escaped}")
    string(APPEND body "// ${url}\nconstexpr char k_data_${i}[] =\n    \"${escaped}\";\n\n")
    string(APPEND table "    {\"${url}\", \"${type}\", \"\\\"${sha}\\\"\", {k_data_${i}, ${size}}},\n")
    math(EXPR i "${i} + 1")
  endforeach()
  set(content "// Generated by cmake/EmbedAssets.cmake from web/app and web/node_modules. Do not edit.
#include \"web/assets/EmbeddedAssets.h\"

#include <algorithm>
#include <array>

// One literal per file, some over the 64 KiB a compiler must support; g++ and clang take them.
#if defined(__clang__)
#pragma clang diagnostic ignored \"-Woverlength-strings\"
#elif defined(__GNUC__)
#pragma GCC diagnostic ignored \"-Woverlength-strings\"
#endif

namespace thidua::web {
namespace {

${body}constexpr std::array<EmbeddedAsset, ${i}> k_assets{{
${table}}};

}  // namespace

const EmbeddedAsset* find_embedded_asset(std::string_view path) {
    auto it = std::find_if(k_assets.begin(), k_assets.end(),
                           [path](const EmbeddedAsset& a) { return a.path == path; });
    return it == k_assets.end() ? nullptr : &*it;
}

std::span<const EmbeddedAsset> embedded_assets() { return k_assets; }

}  // namespace thidua::web
")
  # Write through a temporary file so an interrupted run leaves no half file behind.
  file(WRITE "${OUTPUT}.tmp" "${content}")
  file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
endif()
