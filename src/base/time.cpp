// SPDX-License-Identifier: Apache-2.0
#include <theracore/time.hpp>

THERACORE_NAMESPACE_BEGIN
namespace detail {

bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
    if (pos + n > s.size()) {
        return false;
    }
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) {
            return false;
        }
        v = v * 10 + (s[i] - '0');
    }
    out = v;
    return true;
}

}  // namespace detail

std::string to_iso8601(const date& d) {
    if (d.is_special()) {
        throw std::out_of_range("not a date");
    }
    const auto ymd = d.year_month_day();
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(ymd.year),
                  static_cast<int>(ymd.month), static_cast<int>(ymd.day));
    return buf;
}

std::optional<date> parse_date(std::string_view s) noexcept {
    int y = 0, m = 0, d = 0;
    if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !detail::digits(s, 0, 4, y) ||
        !detail::digits(s, 5, 2, m) || !detail::digits(s, 8, 2, d)) {
        return std::nullopt;
    }
    try {
        return date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                    static_cast<unsigned short>(d));
    } catch (const std::exception&) {  // bad_year / bad_month / bad_day_of_month
        return std::nullopt;
    }
}

std::string to_iso8601(const instant& t) {
    if (t.is_special()) {
        throw std::out_of_range("not a date-time");
    }
    const auto tod = t.time_of_day();
    char buf[48];
    const auto frac = tod.fractional_seconds() * (1000000 / tod.ticks_per_second());
    if (frac != 0) {
        std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d.%06lldZ", static_cast<int>(tod.hours()),
                      static_cast<int>(tod.minutes()), static_cast<int>(tod.seconds()),
                      static_cast<long long>(frac));
    } else {
        std::snprintf(buf, sizeof buf, "T%02d:%02d:%02dZ", static_cast<int>(tod.hours()),
                      static_cast<int>(tod.minutes()), static_cast<int>(tod.seconds()));
    }
    return to_iso8601(t.date()) + buf;
}

std::optional<instant> parse_instant(std::string_view s) noexcept {
    if (s.size() < 20 || (s[10] != 'T' && s[10] != 't')) {
        return std::nullopt;
    }
    auto day = parse_date(s.substr(0, 10));
    int hh = 0, mm = 0, ss = 0;
    if (!day || !detail::digits(s, 11, 2, hh) || s[13] != ':' || !detail::digits(s, 14, 2, mm) ||
        s[16] != ':' || !detail::digits(s, 17, 2, ss) || hh > 23 || mm > 59 || ss > 59) {
        return std::nullopt;
    }
    std::size_t pos = 19;
    long long micros = 0;
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        int n = 0;
        while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) {
            if (n < 6) {
                micros = micros * 10 + (s[pos] - '0');
            }
            ++n;
            ++pos;
        }
        if (n == 0) {
            return std::nullopt;
        }
        for (int i = n; i < 6; ++i) {
            micros *= 10;
        }
    }
    int offset_minutes = 0;
    if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z') && pos + 1 == s.size()) {
        // UTC
    } else if (pos + 6 == s.size() && (s[pos] == '+' || s[pos] == '-') && s[pos + 3] == ':') {
        int oh = 0, om = 0;
        if (!detail::digits(s, pos + 1, 2, oh) || !detail::digits(s, pos + 4, 2, om) || oh > 23 ||
            om > 59) {
            return std::nullopt;
        }
        offset_minutes = (s[pos] == '+' ? 1 : -1) * (oh * 60 + om);
    } else {
        return std::nullopt;
    }
    using namespace boost::posix_time;
    return instant(*day, hours(hh) + minutes(mm) + seconds(ss) + microseconds(micros)) -
           minutes(offset_minutes);
}

THERACORE_NAMESPACE_END
