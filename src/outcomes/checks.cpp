// SPDX-License-Identifier: Apache-2.0
#include "detail/outcomes.hpp"

THERACORE_NAMESPACE_BEGIN
namespace outcomes {
namespace detail {

std::string number(double v) {
    if (std::isnan(v)) {
        return "NaN";
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

std::string fixed(double v, int decimals) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string s = buf;
    if (s == "-0" || s.rfind("-0.", 0) == 0) {
        // "-0.00" reads as a change where there is none.
        bool all_zero = true;
        for (char ch : s) {
            all_zero = all_zero && (ch == '-' || ch == '0' || ch == '.');
        }
        if (all_zero) {
            s.erase(0, 1);
        }
    }
    return s;
}

std::string join(const std::vector<std::string>& items) {
    std::string s;
    for (const auto& item : items) {
        s += (s.empty() ? "" : ", ") + item;
    }
    return s;
}

void require_finite(problem_list& out, const std::string& path, double v) {
    if (!std::isfinite(v)) {
        out.push_back({path, "must be a finite number"});
    }
}

void throw_if_invalid_argument(const std::string& arg, const problem_list& problems,
                               const std::string& what) {
    if (problems.empty()) {
        return;
    }
    problem_list p;
    theracore::detail::append_prefixed(p, arg, problems);
    throw validation_error(what, std::move(p));
}

}  // namespace detail
}  // namespace outcomes
THERACORE_NAMESPACE_END
