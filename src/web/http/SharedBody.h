#pragma once
// A Beast body type for a response whose bytes are shared: a cached evaluation's JSON (over
// 100 MB for a province) is sent to every connection from the one copy in the cache rather than
// copied into each response, so 64 clients downloading it hold one copy, not 64. Internal to
// src/web/http, like Connection.h.

#include <cstdint>
#include <memory>
#include <string>
#include <utility>

#include <boost/asio/buffer.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/optional.hpp>

namespace thidua::web {

struct SharedBody {
    using value_type = std::shared_ptr<const std::string>;

    static std::uint64_t size(const value_type& body) { return body ? body->size() : 0; }

    // Hands Beast the whole string as one buffer.
    class writer {
    public:
        using const_buffers_type = boost::asio::const_buffer;

        template <bool isRequest, class Fields>
        writer(const boost::beast::http::header<isRequest, Fields>&, const value_type& body)
            : m_body(body) {}

        void init(boost::beast::error_code& ec) { ec = {}; }

        boost::optional<std::pair<const_buffers_type, bool>> get(boost::beast::error_code& ec) {
            ec = {};
            if (m_sent || !m_body || m_body->empty()) return boost::none;
            m_sent = true;
            return std::make_pair(const_buffers_type(m_body->data(), m_body->size()), false);
        }

    private:
        const value_type& m_body;
        bool m_sent = false;
    };
};

}  // namespace thidua::web
