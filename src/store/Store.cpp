#include "store/Store.h"

#include <fmt/format.h>

#include "store/Connect.h"
#include "store/PgConnection.h"
#include "store/SqlStore.h"
#include "store/SqliteConnection.h"

namespace thidua {

namespace store {

Result<std::unique_ptr<SqlConnection>> connect(std::string_view url) {
    if (url.starts_with("sqlite:")) {
        const std::string path(url.substr(7));
        if (path.empty())
            return tl::unexpected(StoreError{
                "Thiếu đường dẫn tệp sau sqlite:", "a file path is needed after sqlite:", {}});
        return SqliteConnection::open(path);
    }
    if (url.starts_with("postgresql://") || url.starts_with("postgres://"))
        return PgConnection::open(std::string(url));
    return tl::unexpected(StoreError{
        fmt::format("Địa chỉ cơ sở dữ liệu không hợp lệ: '{}' (dùng sqlite:TỆP hoặc "
                    "postgresql://…)",
                    url),
        fmt::format("invalid database address '{}' (use sqlite:PATH or postgresql://…)", url),
        {}});
}

}  // namespace store

tl::expected<std::unique_ptr<Store>, StoreError> open_store(std::string_view url) {
    auto db = store::connect(url);
    if (!db) return tl::unexpected(db.error());
    return store::SqlStore::open(std::move(*db));
}

}  // namespace thidua
