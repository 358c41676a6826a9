// SPDX-License-Identifier: Apache-2.0
// Small helpers every area's tests use, defined once (the tests compile in unity batches, where
// two definitions of one helper would meet).
#pragma once

#include <string>

#include <boost/date_time/posix_time/posix_time_types.hpp>

#include <theracore/error.hpp>
#include <theracore/time.hpp>

namespace theracore::test {

/// A UTC instant.
inline instant at(int y, int mo, int d, int h = 0, int mi = 0, int s = 0, long micros = 0) {
    using namespace boost::posix_time;
    return instant(date(static_cast<unsigned short>(y), static_cast<unsigned short>(mo),
                        static_cast<unsigned short>(d)),
                   hours(h) + minutes(mi) + seconds(s) + microseconds(micros));
}

/// Whether `p` has a problem at `path`.
inline bool has_path(const problem_list& p, const std::string& path) {
    for (const auto& x : p) {
        if (x.path == path) {
            return true;
        }
    }
    return false;
}

}  // namespace theracore::test
