// web/http/Gzip: which Accept-Encoding headers take gzip, and a body compressed and read back.

#include <gtest/gtest.h>

#include <string>

#include <zlib.h>

#include "web/http/Gzip.h"

namespace thidua::web {
namespace {

std::string gunzip(const std::string& bytes) {
    z_stream z{};
    EXPECT_EQ(inflateInit2(&z, 15 + 16), Z_OK);
    std::string out;
    char buffer[1 << 16];
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    z.avail_in = static_cast<uInt>(bytes.size());
    int status = Z_OK;
    while (status == Z_OK) {
        z.next_out = reinterpret_cast<Bytef*>(buffer);
        z.avail_out = sizeof buffer;
        status = inflate(&z, Z_NO_FLUSH);
        out.append(buffer, sizeof buffer - z.avail_out);
    }
    EXPECT_EQ(status, Z_STREAM_END);
    inflateEnd(&z);
    return out;
}

TEST(Gzip, AcceptEncodingTakesGzipUnlessRefused) {
    EXPECT_FALSE(accepts_gzip(std::nullopt));
    EXPECT_FALSE(accepts_gzip(""));
    EXPECT_FALSE(accepts_gzip("br, deflate"));
    EXPECT_TRUE(accepts_gzip("gzip, deflate, br"));
    EXPECT_TRUE(accepts_gzip("deflate, GZIP;q=0.5"));
    EXPECT_TRUE(accepts_gzip("*"));
    EXPECT_FALSE(accepts_gzip("gzip;q=0"));
    EXPECT_FALSE(accepts_gzip("br, gzip ; q=0.000"));
    EXPECT_FALSE(accepts_gzip("gzipx"));
}

TEST(Gzip, CompressesAndReadsBack) {
    std::string json = "{\"candidates\":[";
    for (int i = 0; i < 20000; ++i)
        json += "{\"id\":\"P" + std::to_string(i) + "\",\"status\":\"đủ điều kiện\"},";
    json += "{}]}";
    const std::string packed = gzip(json);
    EXPECT_LT(packed.size() * 5, json.size());
    EXPECT_EQ(gunzip(packed), json);
    EXPECT_EQ(gunzip(gzip("")), "");
}

}  // namespace
}  // namespace thidua::web
