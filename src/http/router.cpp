#include "http/router.hpp"

namespace sige::http {

namespace {

/// Splits "/a/b/c" into {"a","b","c"}; a trailing slash is not a segment.
std::vector<std::string_view> Segments(std::string_view path) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < path.size()) {
        if (path[i] == '/') {
            ++i;
            continue;
        }
        std::size_t j = path.find('/', i);
        if (j == std::string_view::npos) {
            j = path.size();
        }
        out.push_back(path.substr(i, j - i));
        i = j;
    }
    return out;
}

/// Matches `path` against `pattern`; on success fills `params`. A pattern segment may also
/// be "{id}.pdf": a placeholder followed by a literal suffix.
bool MatchPath(std::string_view pattern, std::string_view path, std::vector<std::string>& params) {
    auto ps = Segments(pattern);
    auto xs = Segments(path);
    if (ps.size() != xs.size()) {
        return false;
    }
    std::vector<std::string> found;
    for (std::size_t i = 0; i < ps.size(); ++i) {
        std::string_view p = ps[i];
        std::string_view x = xs[i];
        if (!p.empty() && p.front() == '{') {
            std::size_t close = p.find('}');
            std::string_view suffix = p.substr(close + 1);
            if (x.size() <= suffix.size() || x.substr(x.size() - suffix.size()) != suffix) {
                return false;
            }
            found.emplace_back(x.substr(0, x.size() - suffix.size()));
        } else if (p != x) {
            return false;
        }
    }
    params = std::move(found);
    return true;
}

}  // namespace

void Router::Add(Route route) {
    routes_.push_back(std::move(route));
}

Router::Match Router::Find(std::string_view method, std::string_view path) const {
    Match m;
    std::vector<std::string> params;
    for (const auto& r : routes_) {
        if (!MatchPath(r.pattern, path, params)) {
            continue;
        }
        if (r.method == method || (method == "HEAD" && r.method == "GET")) {
            m.route = &r;
            m.params = std::move(params);
            m.allowed.clear();
            return m;
        }
        m.allowed.push_back(r.method);
    }
    return m;
}

}  // namespace sige::http
